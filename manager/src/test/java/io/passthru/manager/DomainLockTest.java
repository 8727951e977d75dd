package io.passthru.manager;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
