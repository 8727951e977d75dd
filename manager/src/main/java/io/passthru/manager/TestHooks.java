package io.passthru.manager;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * {@code migrate}, {@code announce}, {@code plug-vf}, {@code dest-agent}, {@code find-vf}, {@code enslave-vf}, {@code activate-vf});
 * of attach and detach ({@link DeviceOperations}): {@code attach-device} (after each device), {@code enslave},
 * {@code unplug}.
 *
 * <p>The variables are honoured only in a build made with {@code mvn -Dpassthru.testHooks=true} (the lab's test
 * command, integration-tests/lab/run-tests.sh, does that): Maven writes the switch into the resource
 * {@code io/passthru/manager/build.properties} ({@code testHooks=true|false}, false by default), read once here. In
 * any other build a set variable is ignored, with one warning on standard error: an operator's environment cannot
 * make a production passthru kill itself or stop at a step.
 */
public final class TestHooks {
    /** The resource, next to this class, that holds the build's switch ({@code testHooks=true|false}). */
    static final String BUILD_PROPERTIES = "build.properties";

    private static final boolean ENABLED = builtWithHooks();
    private static final Hooks HOOKS = Hooks.from(ENABLED, System.getenv(), System.err);
    private static final Set<String> KILL_AFTER = HOOKS.killAfter();
    private static final String BARRIER = HOOKS.barrier();
    private static final String BARRIER_DIR = HOOKS.barrierDir();

    private TestHooks() {
    }

    /** Whether this build honours the {@code PASSTHRU_TEST_*} variables ({@code -Dpassthru.testHooks=true}). */
    static boolean enabled() {
        return ENABLED;
    }

    /** {@code testHooks} of {@link #BUILD_PROPERTIES}; false when the resource or the key is missing or unfiltered. */
    private static boolean builtWithHooks() {
        try (InputStream in = TestHooks.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                return false;
            }
            Properties p = new Properties();
            p.load(in);
            return "true".equals(p.getProperty("testHooks", "").strip());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The hooks in force.
     *
     * @param killAfter  steps after which the process kills itself
     * @param barrier    the step to wait before, or null
     * @param barrierDir where the barrier's files are, or null
     */
    record Hooks(Set<String> killAfter, String barrier, String barrierDir) {
        /** The environment variables the hooks read. */
        static final List<String> VARIABLES = List.of("PASSTHRU_TEST_KILL_AFTER", "PASSTHRU_TEST_BARRIER",
                "PASSTHRU_TEST_BARRIER_DIR");

        /**
         * The hooks {@code env} asks for when {@code enabled}; none otherwise, and then, when any of the
         * variables is set, one warning line on {@code err}.
         */
        static Hooks from(boolean enabled, Map<String, String> env, PrintStream err) {
            if (enabled) {
                return new Hooks(split(env.get("PASSTHRU_TEST_KILL_AFTER")), env.get("PASSTHRU_TEST_BARRIER"),
                        env.get("PASSTHRU_TEST_BARRIER_DIR"));
            }
            List<String> set = VARIABLES.stream().filter(env::containsKey).toList();
            if (!set.isEmpty()) {
                err.println("passthru: warning: " + String.join(", ", set) + (set.size() == 1 ? " is" : " are")
                        + " set but ignored: this passthru was built without the test hooks, which work only in a "
                        + "build made with mvn -Dpassthru.testHooks=true");
            }
            return new Hooks(Set.of(), null, null);
        }
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
