package io.passthru.manager;

import io.passthru.manager.error.OperationInProgressException;
import io.passthru.PassthruException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes hot-plug and hot-unplug of one domain among the threads and passthru processes of this machine: a
 * re-entrant lock per domain within the process, plus an exclusive lock on a file under
 * {@code $TMPDIR/passthru-locks} between processes. libvirt already runs one device job at a time per domain, but
 * the guest handles a PCIe hot-plug after libvirt returns; QEMU 10.0 was seen to abort
 * ({@code resettable_container_child_foreach} assertion) when the next device arrived during that. Which VF a
 * request gets is not decided here: libvirt stays the arbiter, also across machines.
 *
 * <p>The wait is bounded ({@link #DEFAULT_WAIT}): the holder writes its pid and start time into the lock file, and a
 * waiter that gives up names them ({@link OperationInProgressException}).
 */
final class DomainLock implements AutoCloseable {
    /**
     * How long {@link #acquire(String, String)} waits for another thread or process to release the lock: 120 s.
     * A hot-plug holds it for the attach and the guest's wait for the device (the guest timeout, 60 s by default);
     * an unplug for the wait for DEVICE_REMOVED (20 s per request by default, with retries).
     */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);

    /** How often the file lock is tried again while another process holds it: 100 ms. */
    static final long POLL_MS = 100;

    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Path, FileChannel> FILES = new ConcurrentHashMap<>();

    private final Path path;
    private final ReentrantLock lock;

    private DomainLock(Path path, ReentrantLock lock) {
        this.path = path;
        this.lock = lock;
    }

    /**
     * Waits up to {@link #DEFAULT_WAIT} until this thread holds the lock of ({@code uri}, {@code domainUuid}).
     *
     * @throws OperationInProgressException when another thread or process held it all that time
     * @throws PassthruException            when the lock file cannot be created or locked, or the wait is
     *                                      interrupted
     */
    static DomainLock acquire(String uri, String domainUuid) {
        return acquire(uri, domainUuid, DEFAULT_WAIT);
    }

    /**
     * {@link #acquire(String, String)} waiting up to {@code limit}.
     *
     * @throws OperationInProgressException when another thread or process held the lock all of {@code limit}
     */
    static DomainLock acquire(String uri, String domainUuid, Duration limit) {
        Path path = path(uri, domainUuid);
        Path dir = path.getParent();
        long deadline = System.nanoTime() + limit.toNanos();
        ReentrantLock lock = LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
        try {
            if (!lock.tryLock(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(path, uri, domainUuid, limit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PassthruException("interrupted while waiting for the lock " + path + " of domain " + domainUuid
                    + " on " + uri + "; the hot-plug or unplug was not started", e);
        }
        if (lock.getHoldCount() == 1) {
            try {
                Files.createDirectories(dir);
                FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    if (!lockFile(ch, deadline)) {
                        throw busy(path, uri, domainUuid, limit);
                    }
                    writeHolder(ch);
                } catch (IOException | RuntimeException e) {
                    ch.close(); // releases the file lock if it was taken
                    throw e;
                }
                FILES.put(path, ch);
            } catch (IOException e) {
                lock.unlock();
                throw new PassthruException("cannot lock " + path + " to serialize hot-plug: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                lock.unlock();
                throw e;
            }
        }
        return new DomainLock(path, lock);
    }

    /** The lock file of ({@code uri}, {@code domainUuid}): {@code $TMPDIR/passthru-locks/URI-UUID.lock}. */
    static Path path(String uri, String domainUuid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "passthru-locks")
                .resolve(uri.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + domainUuid + ".lock");
    }

    /**
     * Takes the exclusive lock on {@code ch}'s file, trying every {@link #POLL_MS} ms until {@code deadline}
     * ({@link System#nanoTime()}).
     *
     * @return false when another process (or another channel of this one) still held it at the deadline
     */
    private static boolean lockFile(FileChannel ch, long deadline) throws IOException {
        while (true) {
            FileLock got;
            try {
                got = ch.tryLock(); // released when the channel closes
            } catch (OverlappingFileLockException e) {
                got = null; // held through another channel of this JVM
            }
            if (got != null) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.min(POLL_MS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the file lock", e);
            }
        }
    }

    /** Replaces the lock file's content with this process' pid and start time, for a waiter's message. */
    private static void writeHolder(FileChannel ch) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String text = "pid=" + self.pid() + "\nstart=" + self.info().startInstant().map(Instant::toString).orElse("")
                + "\n";
        ch.truncate(0);
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long at = 0;
        while (b.hasRemaining()) {
            at += ch.write(b, at);
        }
    }

    /** The holder as its lock file names it, e.g. {@code "passthru process 4711 (started 2025-...Z)"}. */
    static String holder(Path path) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return "unknown (" + path + " cannot be read: " + e.getMessage() + ")";
        }
        String pid = p.getProperty("pid", "").strip();
        String start = p.getProperty("start", "").strip();
        if (pid.isEmpty()) {
            return "unknown (" + path + " names no pid: the holder is still starting, or is a passthru older than "
                    + "the pid record)";
        }
        String when = start.isEmpty() ? "" : " (started " + start + ")";
        if (pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            return "another thread of this passthru process " + pid + when;
        }
        return "passthru process " + pid + when;
    }

    private static OperationInProgressException busy(Path path, String uri, String domainUuid, Duration limit) {
        return new OperationInProgressException("domain " + domainUuid + " on " + uri + " is busy: " + holder(path)
                + " holds its hot-plug lock " + path + " and did not release it within "
                + (limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms")
                + "; nothing was changed by this "
                + "request. Wait for that process to finish and try again; if it hangs, stop it (the lock goes with "
                + "the process) and run passthru recover on the domain");
    }

    /**
     * Releases the lock; the last release of this thread's nested holds empties the lock file and releases it for
     * other processes.
     */
    @Override
    public void close() {
        if (lock.getHoldCount() == 1) {
            FileChannel ch = FILES.remove(path);
            if (ch != null) {
                try {
                    ch.truncate(0); // no stale holder for the next waiter to name
                } catch (IOException e) {
                    // the next holder rewrites it
                }
                try {
                    ch.close();
                } catch (IOException e) {
                    // the lock goes with the channel
                }
            }
        }
        lock.unlock();
    }
}
