package io.passthru.manager;

import io.passthru.PassthruException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes hot-plug and hot-unplug of one domain among the threads and passthru processes of this machine: a
 * re-entrant lock per domain within the process, plus an exclusive lock on a file under
 * {@code $TMPDIR/passthru-locks} between processes. libvirt already runs one device job at a time per domain, but
 * the guest handles a PCIe hot-plug after libvirt returns; QEMU 10.0 was seen to abort
 * ({@code resettable_container_child_foreach} assertion) when the next device arrived during that. Which VF a
 * request gets is not decided here: libvirt stays the arbiter, also across machines.
 */
final class DomainLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Path, FileChannel> FILES = new ConcurrentHashMap<>();

    private final Path path;
    private final ReentrantLock lock;

    private DomainLock(Path path, ReentrantLock lock) {
        this.path = path;
        this.lock = lock;
    }

    /** Blocks until this thread holds the lock of ({@code uri}, {@code domainUuid}). */
    static DomainLock acquire(String uri, String domainUuid) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "passthru-locks");
        Path path = dir.resolve(uri.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + domainUuid + ".lock");
        ReentrantLock lock = LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
        lock.lock();
        if (lock.getHoldCount() == 1) {
            try {
                Files.createDirectories(dir);
                FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = ch.lock(); // released when the channel closes
                FILES.put(path, ch);
            } catch (IOException e) {
                lock.unlock();
                throw new PassthruException("cannot lock " + path + " to serialize hot-plug: " + e.getMessage(), e);
            }
        }
        return new DomainLock(path, lock);
    }

    @Override
    public void close() {
        if (lock.getHoldCount() == 1) {
            FileChannel ch = FILES.remove(path);
            if (ch != null) {
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
