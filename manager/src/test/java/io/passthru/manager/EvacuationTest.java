package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Evacuation} with fake migrators: order, failures, parallelism, validation; running domains on the test driver. */
class EvacuationTest {
    static final String FROM = "qemu+tcp://h1/system";
    static final String TO = "qemu+tcp://h2/system";
    /** How long a fake waits for the others before it gives up (never reached when the evacuation is right). */
    static final long PATIENCE_S = 20;

    static MigrationFlow.Report report(String from, String to, String domain) {
        return new MigrationFlow.Report(domain, from, to, PciAddress.parse("0000:01:10.0"),
                PciAddress.parse("0000:01:10.2"), "52:54:00:e0:00:01", "bond0", "eth0", List.of(), 1234, 567,
                Map.of("downtime", 42L, "data_total", 1L << 20), "migrated", "op-" + domain, null, "bond", 0, Map.of());
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not reached in " + PATIENCE_S + " s");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void resultsKeepTheOrderOfTheDomainsEvenWhenTheyFinishInAnotherOrder() {
        CountDownLatch cDone = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        Evacuation ev = new Evacuation(TO, (from, to, name) -> {
            switch (name) {
                case "a" -> await(bDone); // a finishes last, c first
                case "b" -> {
                    await(cDone);
                    bDone.countDown();
                }
                case "c" -> cDone.countDown();
                default -> throw new IllegalStateException(name);
            }
            return report(from, to, name);
        });
        Evacuation.Result r = ev.evacuate(FROM, List.of("a", "b", "c"), 3);
        assertEquals(List.of("a", "b", "c"), r.guests().stream().map(Evacuation.GuestResult::domain).toList());
        assertEquals(3, r.migrated());
        assertFalse(r.anyFailed());
        assertEquals(FROM, r.from());
        assertEquals(TO, r.to());
        assertEquals(3, r.parallel());
        Evacuation.GuestResult a = r.guests().get(0);
        assertEquals(Evacuation.MIGRATED, a.outcome());
        assertTrue(a.migrated());
        assertEquals("bond", a.mode());
        assertEquals(PciAddress.parse("0000:01:10.0"), a.sourceVf());
        assertEquals(PciAddress.parse("0000:01:10.2"), a.destVf());
        assertEquals(567L, a.vfGapMs());
        assertEquals(42L, a.downtimeMs());
        assertEquals(TO, a.runningOn());
        assertNull(a.error());
        for (Evacuation.GuestResult g : r.guests()) {
            assertTrue(g.startMs() >= 0 && g.durationMs() >= 0 && g.startMs() + g.durationMs() <= r.makespanMs(),
                    g + " within makespan " + r.makespanMs());
        }
    }

    @Test
    void aFailingGuestDoesNotStopTheOthers() {
        List<String> called = Collections.synchronizedList(new ArrayList<>());
        Evacuation ev = new Evacuation(TO, (from, to, name) -> {
            called.add(name);
            switch (name) {
                case "rolled" -> throw new MigrationFailedException("migration failed at step 'live migrate': "
                        + "connection refused; rolled back", null, 38, "live migrate to " + to, true, false, null,
                        from, "op-1");
                case "taken" -> throw new InvalidRequestException("a domain named 'taken' already exists on " + to);
                case "stuck" -> throw new MigrationFailedException("VF not found", null, -1, "find VF in guest",
                        false, false, "passthru recover stuck --connect " + to, to, "op-2");
                case "bug" -> throw new IllegalStateException("a bug");
                default -> {
                    return report(from, to, name);
                }
            }
        });
        Evacuation.Result r = ev.evacuate(FROM, List.of("ok1", "rolled", "taken", "stuck", "bug", "ok2"), 1);
        assertEquals(List.of("ok1", "rolled", "taken", "stuck", "bug", "ok2"), called, "each guest tried, in order");
        assertTrue(r.anyFailed());
        assertEquals(2, r.migrated());
        assertEquals(1, r.refused());
        assertEquals(3, r.failed());
        List<String> outcomes = r.guests().stream().map(Evacuation.GuestResult::outcome).toList();
        assertEquals(List.of("migrated", "failed", "refused", "failed", "failed", "migrated"), outcomes);

        Evacuation.GuestResult rolled = r.guests().get(1);
        assertEquals(Boolean.TRUE, rolled.rolledBack());
        assertEquals(FROM, rolled.runningOn());
        assertEquals("live migrate to " + TO, rolled.step());
        assertTrue(rolled.error().contains("connection refused"), rolled.error());
        assertNull(rolled.mode());
        assertNull(rolled.destVf());

        Evacuation.GuestResult taken = r.guests().get(2);
        assertNull(taken.rolledBack(), "nothing to roll back");
        assertEquals(FROM, taken.runningOn(), "refused: it stays on the source");
        assertTrue(taken.error().contains("already exists"), taken.error());

        Evacuation.GuestResult stuck = r.guests().get(3);
        assertEquals(Boolean.FALSE, stuck.rolledBack());
        assertEquals(TO, stuck.runningOn());
        assertEquals("passthru recover stuck --connect " + TO, stuck.leftToDo());

        Evacuation.GuestResult bug = r.guests().get(4);
        assertEquals("a bug", bug.error());
        assertNull(bug.runningOn(), "unknown");
    }

    @Test
    void nGuestsReallyMigrateAtOnce() {
        int n = 3;
        // each fake migration waits at the barrier until n are under way: with fewer at once it would time out
        CyclicBarrier together = new CyclicBarrier(n);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Evacuation ev = new Evacuation(TO, (from, to, name) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                together.await(PATIENCE_S, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("fewer than " + n + " migrations at once: " + e, e);
            } finally {
                running.decrementAndGet();
            }
            return report(from, to, name);
        });
        Evacuation.Result r = ev.evacuate(FROM, List.of("g1", "g2", "g3", "g4", "g5", "g6"), n);
        assertEquals(6, r.migrated(), r.guests().toString());
        assertEquals(n, most.get(), "never more than --parallel at once");
    }

    @Test
    void parallelOneRunsOneAtATime() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        Evacuation ev = new Evacuation(TO, (from, to, name) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            Thread.yield();
            running.decrementAndGet();
            return report(from, to, name);
        });
        Evacuation.Result r = ev.evacuate(FROM, List.of("a", "b", "c", "d"), 1);
        assertEquals(4, r.migrated());
        assertEquals(1, most.get());
        assertEquals(1, threads.stream().distinct().count(), "one thread: " + threads);
        assertTrue(threads.get(0).startsWith("passthru-evacuate-"), threads.get(0));
    }

    @Test
    void parallelBelowOneAndSameHostAreRefusedBeforeAnyMigration() {
        AtomicInteger calls = new AtomicInteger();
        Evacuation ev = new Evacuation(TO, (from, to, name) -> {
            calls.incrementAndGet();
            return report(from, to, name);
        });
        InvalidRequestException zero = assertThrows(InvalidRequestException.class,
                () -> ev.evacuate(FROM, List.of("a"), 0));
        assertTrue(zero.getMessage().contains("--parallel must be 1 or more") && zero.getMessage().contains("not 0"),
                zero.getMessage());
        assertThrows(InvalidRequestException.class, () -> ev.evacuate(FROM, List.of("a"), -2));
        InvalidRequestException same = assertThrows(InvalidRequestException.class,
                () -> ev.evacuate(TO, List.of("a"), 1));
        assertTrue(same.getMessage().contains("same libvirt host"), same.getMessage());
        assertEquals(0, calls.get());
    }

    @Test
    void nothingToEvacuateIsNoFailure() {
        Evacuation ev = new Evacuation(TO, (from, to, name) -> {
            throw new AssertionError("no guest to migrate");
        });
        Evacuation.Result r = ev.evacuate(FROM, List.of(), 4);
        assertTrue(r.guests().isEmpty());
        assertFalse(r.anyFailed());
        assertEquals(0, r.migrated() + r.refused() + r.failed());
    }

    @Test
    void moreParallelThanGuestsIsFine() {
        Evacuation ev = new Evacuation(TO, EvacuationTest::report);
        Evacuation.Result r = ev.evacuate(FROM, List.of("a", "b"), 8);
        assertEquals(2, r.migrated());
        assertEquals(8, r.parallel(), "as asked");
    }

    @Test
    void runningDomainsOfTheTestDriver() {
        try (Hosts hosts = new Hosts()) {
            // test:///default has one running domain, "test"; the SR-IOV node file has none
            assertEquals(List.of("test"), Evacuation.runningDomains(hosts.open("test:///default")));
            assertEquals(List.of(), Evacuation.runningDomains(hosts.open(TestDriver.sriovHost())));
        }
    }
}
