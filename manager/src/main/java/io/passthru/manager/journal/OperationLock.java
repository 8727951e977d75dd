package io.passthru.manager.journal;

import io.passthru.PassthruException;
import io.passthru.manager.error.OperationInProgressException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One multi-step operation per domain among the passthru processes of this machine: an exclusive, non-blocking lock
 * on {@code $TMPDIR/passthru-locks/op-UUID.lock}, released by the kernel when the process dies (so a SIGKILLed owner
 * never blocks recovery). Owners on other machines are told apart by the journal's lease ({@link Leases}).
 */
public final class OperationLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OperationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** How long {@link #await} waits for the lock by default: 120 s. */
    public static final java.time.Duration DEFAULT_WAIT = java.time.Duration.ofSeconds(120);

    /**
     * Takes the lock of domain {@code uuid}, waiting up to {@code wait} while another process (or thread) of this
     * machine holds it: for operations that may run one after the other (attach, detach); a migration does not
     * wait ({@link #acquire}).
     *
     * @throws OperationInProgressException when it is still held after {@code wait}
     */
    public static OperationLock await(String uuid, String domainName, java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return acquire(uuid, domainName);
            } catch (OperationInProgressException busy) {
                if (System.nanoTime() > deadline) {
                    throw new OperationInProgressException(busy.getMessage() + " (waited " + wait.toSeconds()
                            + " s)");
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationInProgressException("interrupted while waiting for the lock of domain '"
                        + domainName + "'");
            }
        }
    }

    /**
     * Takes the lock of domain {@code uuid}.
     *
     * @throws OperationInProgressException when another process of this machine holds it
     */
    public static OperationLock acquire(String uuid, String domainName) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "passthru-locks");
        Path path = dir.resolve("op-" + uuid + ".lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                throw new OperationInProgressException("another passthru process on this machine is running an "
                        + "operation on domain '" + domainName + "' (lock " + path + "): wait for it to finish; "
                        + "passthru recover " + domainName + " takes over once it has gone");
            }
            return new OperationLock(ch, l);
        } catch (OverlappingFileLockException e) {
            close(ch);
            throw new OperationInProgressException("this process already runs an operation on domain '"
                    + domainName + "'");
        } catch (IOException e) {
            close(ch);
            throw new PassthruException("cannot lock " + path + ": " + e.getMessage(), e);
        }
    }

    private static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // released with the channel below
        }
        close(channel);
    }
}
