package io.passthru.lab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the nested lab honest about its own health. The lab hosts are QEMU TCG machines running KVM inside; on a
 * loaded 2-core machine one of them has been seen to die (a kernel panic in the nested KVM code, or a hung
 * libvirtd), and every later test then failed with "Connection reset by peer" and no trace of why. Before each
 * test this checks every host that {@code lab.sh} started (its libvirtd answers {@code virsh version} within
 * 30 s); a dead host gets its console's last lines printed (so the CI log shows the cause) and is rebooted with
 * {@code lab.sh restart --host N}, with the options it was first booted with; lab.sh's boot watchdog boots it again
 * if that boot hangs or panics, and prints why. After a failed test the dead hosts'
 * consoles are printed too. Every reboot is counted and printed as {@code LAB HOST REBOOTED}: a passing run that
 * needed one says so.
 * <p>
 * A host that dies while a class's {@code @BeforeAll} boots its guests (seen on CI: the L1 kernel panicked in its
 * nested KVM code 12 s after two L2 guests started, "BUG: TASK stack guard page was hit") fails the whole class, and
 * failsafe's rerun alone did not save it. So when a {@code @BeforeAll} method or a test fails and a started host is
 * dead, the host is rebooted at once; the {@code @BeforeAll} method is then run once more (the classes using this
 * are {@code PER_CLASS}, their {@code @BeforeAll} methods start from a clean slate), and a failed test is left to
 * failsafe's rerun, which now starts on a live lab. A failure with every host alive is the test's own.
 */
final class LabHealth implements BeforeAllCallback, BeforeEachCallback, TestWatcher,
        LifecycleMethodExecutionExceptionHandler, TestExecutionExceptionHandler {
    private static final Path LAB_SH = Lab.CLI.getParent().getParent().getParent().getParent().getParent()
            .resolve("integration-tests/lab/lab.sh");
    /** lab.sh restart's bound: its watchdog's boots (LAB_BOOT_TRIES, 4) of at most LAB_BOOT_TIMEOUT (600 s) each. */
    private static final int RESTART_LIMIT_S = 4 * 600 + 60;
    private static int reboots;

    @Override
    public void beforeAll(ExtensionContext context) {
        heal();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        heal();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (int n : startedHosts()) {
            if (!alive(n)) {
                System.out.println("LAB HOST " + n + " IS DEAD after the failure of " + context.getDisplayName()
                        + "; its console ends with:\n" + consoleTail(n, 60));
            }
        }
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        List<Integer> dead = deadHosts();
        Object instance = context.getTestInstance().orElse(null);
        Method method = failedBeforeAll(context.getRequiredTestClass(), failure);
        if (dead.isEmpty() || instance == null || method == null) {
            throw failure;
        }
        System.out.println("LAB HOST DIED during " + context.getDisplayName() + "." + method.getName() + " (hosts "
                + dead + "): " + failure + "; the host is rebooted and " + method.getName() + " runs once more");
        heal(dead);
        try {
            method.setAccessible(true);
            method.invoke(instance);
        } catch (InvocationTargetException again) {
            again.getCause().addSuppressed(failure);
            throw again.getCause();
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        List<Integer> dead = deadHosts();
        if (!dead.isEmpty()) {
            System.out.println("LAB HOST DIED during " + context.getDisplayName() + " (hosts " + dead + "): "
                    + failure + "; rebooting it now, so failsafe's rerun and the next tests start on a live lab");
            heal(dead); // prints each dead host's console before it reboots it
        }
        throw failure;
    }

    /**
     * The {@code @BeforeAll} method of {@code testClass} that threw {@code failure}: the one on its stack trace, or
     * the only one; null when it cannot be told.
     */
    static Method failedBeforeAll(Class<?> testClass, Throwable failure) {
        List<Method> candidates = new ArrayList<>();
        for (Method m : testClass.getDeclaredMethods()) {
            if (m.isAnnotationPresent(BeforeAll.class) && m.getParameterCount() == 0) {
                candidates.add(m);
            }
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().equals(testClass.getName())) {
                for (Method m : candidates) {
                    if (m.getName().equals(frame.getMethodName())) {
                        return m;
                    }
                }
            }
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    /** Started hosts whose libvirtd does not answer. */
    static List<Integer> deadHosts() {
        List<Integer> dead = new ArrayList<>();
        for (int n : startedHosts()) {
            if (!alive(n)) {
                dead.add(n);
            }
        }
        return dead;
    }

    /**
     * Reboots every started host whose libvirtd does not answer, and with host 1 or 2 its migration partner too: on
     * CI a guest booted on a freshly rebooted host 1 and migrated to host 2, up 34 minutes longer, arrived hung (its
     * VF never probed, its agent silent for 63 s), while migrations between hosts booted together pass every run.
     */
    static synchronized void heal() {
        heal(deadHosts());
    }

    /** {@link #heal()} for hosts already found dead (each check of a dead host waits up to 30 s). */
    static synchronized void heal(List<Integer> dead) {
        List<Integer> started = startedHosts();
        List<Integer> reboot = new ArrayList<>(dead);
        for (int n : dead) {
            int partner = n == 1 ? 2 : n == 2 ? 1 : 0;
            if (partner != 0 && started.contains(partner) && !reboot.contains(partner)) {
                reboot.add(partner);
            }
        }
        for (int n : reboot) {
            reboots++;
            if (dead.contains(n)) {
                System.out.println("LAB HOST REBOOTED (" + reboots + " in this run): host " + n + " did not answer on "
                        + Lab.uri(n) + "; its console ends with:\n" + consoleTail(n, 60));
            } else {
                System.out.println("LAB HOST REBOOTED (" + reboots + " in this run): host " + n + ", alive, with its "
                        + "migration partner, so both start from a fresh boot");
            }
            // lab.sh's boot watchdog boots a host that hangs or panics again, up to LAB_BOOT_TRIES times, and says
            // why each time: its output goes to the test log
            int rc = run(List.of(LAB_SH.toString(), "restart", "--host", Integer.toString(n)), RESTART_LIMIT_S, true);
            if (rc != 0 || !alive(n)) {
                throw new AssertionError("lab host " + n + " could not be rebooted (lab.sh restart exit " + rc + ")");
            }
        }
    }

    /** Hosts with a pid file in the lab directory (booted by lab.sh and not taken down). */
    static List<Integer> startedHosts() {
        List<Integer> hosts = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            if (Files.exists(Lab.DIR.resolve("h" + n + ".pid"))) {
                hosts.add(n);
            }
        }
        return hosts;
    }

    static boolean alive(int n) {
        return run(List.of("virsh", "-q", "-c", Lab.uri(n), "version"), 30, false) == 0;
    }

    static String consoleTail(int n, int lines) {
        try {
            List<String> all = Files.readAllLines(Lab.DIR.resolve("h" + n + ".console.log"),
                    StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    private static int run(List<String> argv, int timeoutS, boolean showOutput) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(showOutput ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
