package io.passthru.manager.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two steps of Ctrl-C, without a real signal: {@link Signals.TwoStep#interrupted()} is what one SIGINT does. */
class SignalsTest {
    @Test
    void firstInterruptStartsTheActionOnItsOwnDaemonThreadAndReturnsAtOnce() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> threads = new ArrayList<>();
        List<Integer> halts = new ArrayList<>();
        Signals.TwoStep steps = new Signals.TwoStep("first line", "run passthru recover g1", () -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : ""));
            }
            running.countDown();
            try {
                release.await(); // an abortJob blocked on a dead connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, err, halts::add);

        long t0 = System.nanoTime();
        Thread t = steps.interrupted();
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "the handler must not wait for the action");
        assertNotNull(t);
        assertTrue(running.await(5, TimeUnit.SECONDS), "the action runs");
        assertEquals(List.of("passthru-cancel daemon"), threads);
        assertEquals(List.of(), halts);
        assertEquals("first line", bytes.toString(StandardCharsets.UTF_8).strip());

        // the action still blocks: the second Ctrl-C exits at once with 130
        assertNull(steps.interrupted());
        assertEquals(List.of(PassthruCli.EXIT_INTERRUPTED), halts);
        assertEquals(130, PassthruCli.EXIT_INTERRUPTED);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("first line",
                "passthru: second Ctrl-C: exiting now; run passthru recover g1"), lines);
        release.countDown();
        t.join(5000);
        assertEquals(1, threads.size(), "the action ran once");
    }

    @Test
    void aFailingAbortIsReportedInOneLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Signals.TwoStep steps = new Signals.TwoStep("first", "hint", () -> {
            throw new IllegalStateException("libvirt connection closed");
        }, err, code -> { });
        steps.interrupted().join(5000);
        assertEquals(List.of("first", "passthru: Ctrl-C: the abort failed: libvirt connection closed"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void recoverCommandNamesTheHostUnlessItIsTheDefault() {
        assertEquals("passthru recover g1", PassthruCli.recoverCommand("qemu:///system", "g1"));
        assertEquals("passthru recover --connect qemu+tcp://h1/system g1",
                PassthruCli.recoverCommand("qemu+tcp://h1/system", "g1"));
    }
}
