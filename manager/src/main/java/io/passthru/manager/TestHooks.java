package io.passthru.manager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Fault-injection points for passthru's own lab tests, read from the environment only (never from options):
 * <ul>
 *   <li>{@code PASSTHRU_TEST_KILL_AFTER=STEP[,STEP...]}: the process kills itself with SIGKILL right after step STEP
 *       completed and was journaled (no cleanup of any kind runs, as with {@code kill -9});</li>
 *   <li>{@code PASSTHRU_TEST_BARRIER=STEP} with {@code PASSTHRU_TEST_BARRIER_DIR=DIR}: before step STEP starts, the
 *       process creates {@code DIR/reached-STEP} and waits (up to 10 min) for {@code DIR/go-STEP}, so a test can
 *       inject a fault at exactly that point.</li>
 * </ul>
 * Step names are the operation's step ids ({@code switch-bond}, {@code unenslave-vf}, {@code unplug-vf},
 * {@code migrate}, {@code announce}, {@code plug-vf}, {@code dest-agent}, {@code find-vf}, {@code enslave-vf}, {@code activate-vf}).
 */
public final class TestHooks {
    private static final Set<String> KILL_AFTER = split(System.getenv("PASSTHRU_TEST_KILL_AFTER"));
    private static final String BARRIER = System.getenv("PASSTHRU_TEST_BARRIER");
    private static final String BARRIER_DIR = System.getenv("PASSTHRU_TEST_BARRIER_DIR");

    private TestHooks() {
    }

    private static Set<String> split(String v) {
        return v == null || v.isBlank() ? Set.of()
                : Arrays.stream(v.split(",")).map(String::strip).collect(Collectors.toUnmodifiableSet());
    }

    /** Called before step {@code id} starts. */
    public static void beforeStep(String id) {
        if (BARRIER == null || BARRIER_DIR == null || !BARRIER.equals(id)) {
            return;
        }
        Path dir = Path.of(BARRIER_DIR);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("reached-" + id), Long.toString(ProcessHandle.current().pid()));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!Files.exists(dir.resolve("go-" + id)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new IllegalStateException("test barrier " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called after step {@code id} completed and was recorded in the journal. */
    public static void afterStep(String id) {
        if (!KILL_AFTER.contains(id)) {
            return;
        }
        System.err.println("passthru: test hook: SIGKILL after step " + id);
        System.err.flush();
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).inheritIO().start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // fall through to halt
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(137);
    }
}
