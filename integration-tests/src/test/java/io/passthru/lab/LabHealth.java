package io.passthru.lab;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
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
 */
final class LabHealth implements BeforeAllCallback, BeforeEachCallback, TestWatcher {
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

    /** Reboots every started host whose libvirtd does not answer. */
    static synchronized void heal() {
        for (int n : startedHosts()) {
            if (alive(n)) {
                continue;
            }
            reboots++;
            System.out.println("LAB HOST REBOOTED (" + reboots + " in this run): host " + n + " did not answer on "
                    + Lab.uri(n) + "; its console ends with:\n" + consoleTail(n, 60));
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
