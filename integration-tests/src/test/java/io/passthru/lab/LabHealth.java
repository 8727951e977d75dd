package io.passthru.lab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
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
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.opentest4j.TestAbortedException;

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
 * failsafe's rerun, which now starts on a live lab. A host that stalled under the failure ({@link #STALL} in its
 * console since the class or test began) is rebooted the same way. A failure with every host alive and well is the
 * test's own.
 * <p>
 * A host that dies, resets itself or stalls <em>during</em> a class's tests takes with it the guests and devices that
 * the class's ordered tests build on (on CI, 2026-12-07: after host 1 closed its connections in one FailoverLabIT test,
 * the next ones and all their reruns failed with "no VF interface in the live XML"). A test-by-test rerun cannot
 * rebuild that, so the class is given up on at once: the rest of its tests are skipped (aborted, with the reason), and
 * the class is named in {@code target/lab-reruns.txt}. {@code run-tests.sh} then runs every class named there, and every
 * class that failed, once more from its {@code @BeforeAll}, on hosts booted afresh, and prints them as flakes.
 */
final class LabHealth implements BeforeAllCallback, BeforeEachCallback, TestWatcher, ExecutionCondition,
        LifecycleMethodExecutionExceptionHandler, TestExecutionExceptionHandler {
    private static final Path LAB_SH = Lab.CLI.getParent().getParent().getParent().getParent().getParent()
            .resolve("integration-tests/lab/lab.sh");
    /** lab.sh restart's bound: its watchdog's boots (LAB_BOOT_TRIES, 4) of at most LAB_BOOT_TIMEOUT (600 s) each. */
    private static final int RESTART_LIMIT_S = 4 * 600 + 60;
    private static int reboots;

    /**
     * Kernel messages of a host that stalled without dying: a soft or hard lockup, an RCU stall, a task blocked for
     * minutes (seen on CI: khugepaged stuck 52 s in smp_call_function on the TCG vCPUs; libvirt's keepalive then
     * closed the test's connection, and the guests on that host did not answer their agents for minutes after). Such
     * a host answers {@code virsh version} again, so it is not dead, but a test that failed under it is rerun on a
     * fresh boot of it.
     */
    static final Pattern STALL = Pattern.compile("soft lockup|hard LOCKUP|rcu\\S* (self-)?detected stall|"
            + "rcu_\\S+ kthread (timer wakeup didn't happen|starved)|blocked for more than \\d+ seconds");
    /** Per host, the length of its console log when the current class or test began (what is new is read). */
    private static final Map<Integer, Long> consoleMarks = new HashMap<>();
    /** Classes whose lab state a host took with it during their tests: their remaining tests are skipped. */
    private static final Set<String> lostClasses = new HashSet<>();
    /** Where the classes to run once more are named, one per line with the reason ({@code run-tests.sh} reads it). */
    static final Path RERUNS = LAB_SH.getParent().getParent().resolve("target/lab-reruns.txt");

    /**
     * A kernel that starts again on a host's console: the host reset itself (on the lab, TCG resets a machine whose CPU
     * triple-faulted; lab.sh logs such resets with {@code -d cpu_reset} to {@code hN.qemu.log}). Its libvirtd comes
     * back with no guests, so it answers like a live host.
     */
    static final Pattern RESET = Pattern.compile("Linux version \\d");

    @Override
    public void beforeAll(ExtensionContext context) {
        heal();
        markConsoles();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<Integer> sick = deadResetOrStalledHosts(false);
        if (!sick.isEmpty()) { // between two tests of this class: its guests went with the host
            heal(sick);
            String cls = context.getRequiredTestClass().getName();
            String why = "lab host(s) " + sick + " died, reset or stalled after the tests before it in this class";
            giveUpOnClass(cls, why);
            throw new TestAbortedException(why + "; run-tests.sh runs " + cls + " once more");
        }
        markConsoles();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() && lostClasses.contains(context.getRequiredTestClass().getName())) {
            return ConditionEvaluationResult.disabled("a lab host went down during an earlier test of this class and "
                    + "took the guests its tests build on; run-tests.sh runs the whole class once more");
        }
        return ConditionEvaluationResult.enabled("the lab held up so far");
    }

    /** Skips the remaining tests of {@code cls} and names it in {@link #RERUNS} with {@code why}. */
    static synchronized void giveUpOnClass(String cls, String why) {
        if (!lostClasses.add(cls)) {
            return;
        }
        System.out.println("LAB CLASS GIVEN UP: " + cls + ": " + why + "; its remaining tests are skipped and "
                + "run-tests.sh runs the class once more");
        try {
            Files.createDirectories(RERUNS.getParent());
            Files.writeString(RERUNS, rerunLine(cls, why) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot record " + cls + " in " + RERUNS, e);
        }
    }

    /** A line of {@link #RERUNS}: the class's simple name (what {@code -Dit.test} takes), a tab, and why. */
    static String rerunLine(String cls, String why) {
        return cls.substring(cls.lastIndexOf('.') + 1) + "\t" + why.replace('\n', ' ').replace('\t', ' ');
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
        List<Integer> dead = sickHosts(failure);
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
        List<Integer> dead = sickHosts(failure);
        if (!dead.isEmpty()) {
            System.out.println("LAB HOST DIED during " + context.getDisplayName() + " (hosts " + dead + "): "
                    + failure + "; rebooting it now, so the next tests start on a live lab");
            heal(dead); // prints each dead host's console before it reboots it
            giveUpOnClass(context.getRequiredTestClass().getName(), "lab host(s) " + dead + " died, reset or "
                    + "stalled during " + context.getDisplayName() + ": " + firstLine(failure));
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

    /**
     * Started hosts whose libvirtd does not answer, and those whose console shows a stall ({@link #STALL}) since the
     * class or test began: the failure may be theirs, and the rerun must not meet the same sick kernel.
     */
    static List<Integer> deadOrStalledHosts() {
        return deadResetOrStalledHosts(true);
    }

    /**
     * Started hosts that do not answer or reset themselves since the class or test began, and with {@code stalls} also
     * those that stalled ({@link #STALL}); a stall that a test survived is not reason enough to reboot a host.
     */
    static List<Integer> deadResetOrStalledHosts(boolean stalls) {
        List<Integer> hosts = deadHosts();
        for (int n : startedHosts()) {
            if (!hosts.contains(n)) {
                String since = consoleSince(n, consoleMarks.getOrDefault(n, 0L));
                if (consoleMarks.containsKey(n) && boots(since) > 0) {
                    System.out.println("LAB HOST " + n + " RESET ITSELF under the test (its kernel booted again, with "
                            + "no panic before; its guests are gone), so it is rebooted; QEMU's reset log: "
                            + resetLog(n));
                    hosts.add(n);
                    continue;
                }
                List<String> stalled = stalls ? stalls(since) : List.of();
                if (!stalled.isEmpty()) {
                    System.out.println("LAB HOST " + n + " STALLED under the failed test (its libvirtd answers "
                            + "again), so it is rebooted: " + String.join(" | ", stalled));
                    hosts.add(n);
                }
            }
        }
        return hosts;
    }

    /**
     * {@link #deadOrStalledHosts()}, and the host whose connection {@code failure} says was closed under a wait
     * ({@link Lab.HostLost}; both hosts 1 and 2 when it cannot tell which), alive or not.
     */
    static List<Integer> sickHosts(Throwable failure) {
        List<Integer> hosts = new ArrayList<>(deadOrStalledHosts());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Lab.HostLost lost) {
                List<Integer> lostHosts = lost.host != 0 ? List.of(lost.host) : List.of(1, 2);
                for (int n : lostHosts) {
                    if (!hosts.contains(n) && startedHosts().contains(n)) {
                        System.out.println("LAB HOST " + n + " closed the test's connection under a wait (it answers "
                                + "again), so it is rebooted");
                        hosts.add(n);
                    }
                }
                break;
            }
        }
        return hosts;
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return t.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }

    /** How many times a kernel started in {@code console} ({@link #RESET}). */
    static int boots(String console) {
        return (int) console.lines().filter(l -> RESET.matcher(l).find()).count();
    }

    /** The lines of {@code console} that report a stall ({@link #STALL}), at most 5. */
    static List<String> stalls(String console) {
        return console.lines().filter(l -> STALL.matcher(l).find()).map(String::strip).limit(5).toList();
    }

    private static synchronized void markConsoles() {
        for (int n : startedHosts()) {
            try {
                consoleMarks.put(n, Files.size(consoleLog(n)));
            } catch (IOException e) {
                consoleMarks.put(n, 0L);
            }
        }
    }

    /** Host n's console output after byte {@code mark} (all of it when the log was replaced by a reboot since). */
    static String consoleSince(int n, long mark) {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(consoleLog(n))) {
            long from = ch.size() < mark ? 0 : mark;
            ch.position(from);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) Math.min(ch.size() - from, 4 << 20));
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read up to 4 MiB of new output
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * What QEMU's {@code -d cpu_reset} log of host n says of triple faults (lab.sh writes {@code hN.qemu.log}): how
     * many, and the CPU state at the last one (its RIP line and its control registers: CR2 is the address whose
     * fault the CPU could not deliver).
     */
    static String resetLog(int n) {
        Path log = Lab.DIR.resolve("h" + n + ".qemu.log");
        try {
            return tripleFaults(Files.readAllLines(log, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return "(no " + log.getFileName() + ")";
        }
    }

    /** {@link #resetLog} of the lines of a {@code -d cpu_reset} log. */
    static String tripleFaults(List<String> lines) {
        int count = 0;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Triple fault")) {
                count++;
                last = i;
            }
        }
        if (last < 0) {
            return "no triple fault logged";
        }
        List<String> state = lines.subList(last + 1, Math.min(lines.size(), last + 20)).stream()
                .filter(l -> l.startsWith("RIP=") || l.startsWith("EIP=") || l.startsWith("CR0=")
                        || l.startsWith("RAX=") || l.startsWith("RSP=") || l.startsWith("RSI=")).toList();
        return count + " triple fault(s) logged; the CPU at the last one: " + String.join(" | ", state);
    }

    private static Path consoleLog(int n) {
        return Lab.DIR.resolve("h" + n + ".console.log");
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
                        + Lab.uri(n) + " or stalled; its console ends with:\n" + consoleTail(n, 60));
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
        if (!reboot.isEmpty()) {
            markConsoles(); // a reboot started a new console log: its boot is not a reset under the next test
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
            List<String> all = Files.readAllLines(consoleLog(n),
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
