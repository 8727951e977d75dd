package io.passthru.lab;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * lab.sh's boot watchdog on a real hang: a lab host of its own (its own lab directory, libvirt port and wires, beside
 * the running lab) whose QEMU is paused once its kernel has begun to print, as the hangs seen in early boot looked
 * (the console stops, the kernel's timestamps no longer advance). {@code lab.sh up} must tell it is hung, say why with
 * the console's last lines, boot it again with the same options and wait for its libvirtd.
 */
class BootWatchdogLabIT {
    /** The host's silence bound here: above the longest healthy silence measured under load (boot-stress.sh: 34 s). */
    private static final int SILENCE_S = 45;
    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "passthru-watchdog-lab");
    private static final Map<String, String> ENV = Map.of(
            "LAB_DIR", DIR.toString(),
            "LAB_LIBVIRT_PORT_BASE", "16600",   // libvirtd of this host on 127.0.0.1:16601, apart from hosts 1-3
            "LAB_UDP_BASE", "40400",            // its wires lead nowhere
            "LAB_BOOT_SILENCE", Integer.toString(SILENCE_S),
            "LAB_BOOT_TRIES", "3");

    @AfterEach
    void down() throws Exception {
        lab(List.of("down"), 120);
        try (var files = Files.walk(DIR)) { // the lab's images (about 80 MB) and logs
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    @Tag(Lab.EXTENDED)
    void aHostThatHangsInEarlyBootIsBootedAgain() throws Exception {
        Files.createDirectories(DIR);
        Files.deleteIfExists(DIR.resolve("boot.log"));
        Path out = DIR.resolve("up.out");
        Process up = start(List.of("up", "--host", "1"), out);
        Path console = DIR.resolve("h1.console.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(console) || !Files.readString(console, StandardCharsets.ISO_8859_1)
                .contains("Linux version")) {
            assertTrue(System.nanoTime() < deadline, "the host's kernel printed nothing in 180 s");
            assertTrue(up.isAlive(), "lab.sh up ended before the hang was injected:\n" + Files.readString(out));
            Thread.sleep(200);
        }
        hmp(DIR.resolve("h1-monitor.sock"), "stop"); // the vCPUs stop: the console goes silent mid-kernel
        assertTrue(up.waitFor(900, TimeUnit.SECONDS), "lab.sh up did not end in 900 s");
        String text = Files.readString(out);
        System.out.println(text);
        assertEquals(0, up.exitValue(), "lab.sh up failed:\n" + text);
        assertTrue(text.contains("host 1: boot 1 of 3 hung: console silent for " + SILENCE_S + " s"), text);
        assertTrue(text.matches("(?s).*Console's last lines:\n    \\[ *\\d+\\.\\d+\\] .*"),
                "the console's last lines (the kernel's) are printed:\n" + text);
        assertTrue(text.matches("(?s).*host 1: ready after \\d+ s \\(boot [23],.*"), text);
        String log = Files.readString(DIR.resolve("boot.log"));
        assertTrue(log.contains("retry N=1 try=1 ") && log.contains("reason=console silent"), log);
        assertTrue(log.matches("(?s).*ready N=1 try=[23] .*"), log);
        assertTrue(Files.exists(DIR.resolve("h1.console.log.hung1")), "the hung boot's console is kept");
    }

    private static Process start(List<String> args, Path out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd(args)).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().putAll(ENV);
        return pb.start();
    }

    private static void lab(List<String> args, int timeoutS) throws Exception {
        Process p = start(args, DIR.resolve("lab.out"));
        assertTrue(p.waitFor(timeoutS, TimeUnit.SECONDS), "lab.sh " + args);
    }

    private static List<String> cmd(List<String> args) {
        List<String> c = new java.util.ArrayList<>();
        c.add(Lab.checkoutRoot().resolve("integration-tests/lab/lab.sh").toString());
        c.addAll(args);
        return c;
    }

    /** One human monitor command on QEMU's monitor socket. */
    private static void hmp(Path socket, String command) throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.read(ByteBuffer.allocate(4096)); // the monitor's banner
            ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer reply = ByteBuffer.allocate(4096);
            ch.read(reply); // the command's echo: it was taken
        }
    }
}
