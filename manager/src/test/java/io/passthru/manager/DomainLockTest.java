package io.passthru.manager;

import io.passthru.manager.error.OperationInProgressException;
import org.junit.jupiter.api.Test;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainLockTest {
    @Test
    void secondThreadWaitsUntilTheFirstReleasesAndNestingIsAllowed() throws Exception {
        String uuid = java.util.UUID.randomUUID().toString();
        AtomicBoolean otherGotIt = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread other;
        try (DomainLock outer = DomainLock.acquire("qemu:///system", uuid)) {
            try (DomainLock inner = DomainLock.acquire("qemu:///system", uuid)) {
                // re-entrant: a rollback detach inside an attach takes the same lock
            }
            other = new Thread(() -> {
                started.countDown();
                try (DomainLock l = DomainLock.acquire("qemu:///system", uuid)) {
                    otherGotIt.set(true);
                }
                done.countDown();
            });
            other.start();
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Thread.sleep(200);
            assertFalse(otherGotIt.get(), "the other thread waits while the domain is locked (nesting released once)");
        }
        assertTrue(done.await(5, TimeUnit.SECONDS), "released: the other thread gets the lock");
        assertTrue(otherGotIt.get());
        other.join();
    }

    @Test
    void differentDomainsDoNotWaitForEachOther() {
        try (DomainLock a = DomainLock.acquire("qemu:///system", "a-" + System.nanoTime());
             DomainLock b = DomainLock.acquire("qemu:///system", "b-" + System.nanoTime())) {
            assertTrue(a != b);
        }
    }

    @Test
    void theHolderIsRecordedInTheLockFileAndClearedOnRelease() throws Exception {
        String uuid = java.util.UUID.randomUUID().toString();
        Path file = DomainLock.path("qemu:///system", uuid);
        try (DomainLock l = DomainLock.acquire("qemu:///system", uuid)) {
            String text = Files.readString(file);
            assertTrue(text.contains("pid=" + ProcessHandle.current().pid() + "\n"), text);
            assertTrue(text.contains("start=20"), text);
        }
        assertEquals("", Files.readString(file));
    }

    @Test
    void aSecondThreadGivesUpAfterTheLimitAndNamesTheHolder() throws Exception {
        String uuid = java.util.UUID.randomUUID().toString();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (DomainLock l = DomainLock.acquire("qemu:///system", uuid)) {
                held.countDown();
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        try {
            assertTrue(held.await(5, TimeUnit.SECONDS));
            long t0 = System.nanoTime();
            OperationInProgressException e = assertThrows(OperationInProgressException.class,
                    () -> DomainLock.acquire("qemu:///system", uuid, Duration.ofMillis(200)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 190 && ms < 3000, ms + " ms");
            String m = e.getMessage();
            assertTrue(m.contains("another thread of this passthru process " + ProcessHandle.current().pid()), m);
            assertTrue(m.contains(DomainLock.path("qemu:///system", uuid).toString()), m);
            assertTrue(m.contains("within 200 ms") && m.contains("nothing was changed"), m);
        } finally {
            release.countDown();
            holder.join(5000);
        }
        try (DomainLock l = DomainLock.acquire("qemu:///system", uuid, Duration.ofMillis(200))) {
            assertTrue(l != null, "free again once the holder released it");
        }
    }

    @Test
    void anotherProcessHoldingTheFileIsNamedFromTheFile() throws Exception {
        String uuid = java.util.UUID.randomUUID().toString();
        Path file = DomainLock.path("qemu+tcp://h1/system", uuid);
        Files.createDirectories(file.getParent());
        // what another passthru process leaves while it holds the lock: its own channel, its pid and start
        try (FileChannel other = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = other.lock()) {
            other.truncate(0);
            other.write(java.nio.ByteBuffer.wrap("pid=999999\nstart=2025-01-02T03:04:05Z\n"
                    .getBytes(StandardCharsets.UTF_8)), 0);
            OperationInProgressException e = assertThrows(OperationInProgressException.class,
                    () -> DomainLock.acquire("qemu+tcp://h1/system", uuid, Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("passthru process 999999 (started 2025-01-02T03:04:05Z) holds its "
                    + "hot-plug lock " + file), e.getMessage());
        }
        try (DomainLock l = DomainLock.acquire("qemu+tcp://h1/system", uuid, Duration.ofMillis(300))) {
            assertTrue(Files.readString(file).startsWith("pid=" + ProcessHandle.current().pid()));
        }
    }
}
