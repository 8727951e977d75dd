package io.passthru.agent;

import io.passthru.agent.GuestHooks.Device;
import io.passthru.agent.GuestHooks.Event;
import io.passthru.agent.GuestHooks.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestHooksTest {
    private static final String DIR = "/etc/passthru/hooks.d";
    private static final List<String> LS = List.of("/bin/ls", "-1FL", DIR);
    private static final Device NIC = new Device("0000:07:00.0", "8086:10D3", "52:54:00:AB:CD:01");
    private static final Device NVME = new Device("0000:08:00.0", "144d:a808", null);

    private final ScriptedAgentChannel channel = new ScriptedAgentChannel();
    private final GuestAgent agent = new GuestAgent(channel);
    private final GuestHooks hooks = new GuestHooks(agent);

    private static List<String> argv(String hook, String... args) {
        List<String> a = new ArrayList<>(List.of(DIR + "/" + hook));
        a.addAll(List.of(args));
        return a;
    }

    @Test
    void listKeepsExecutablesWithRunPartsNamesSortedInTheCLocale() {
        // GNU ls -1FL output, in an order ls's locale could give: executables end with '*'
        channel.expectRun(LS, 0, String.join("\n", "a_b*", "50-net*", "10-nvme*", "05-x~*", "20-net.dpkg-old*",
                "30 sp*", "40-noexec", "50-dir/", "70-dangling@", "90-fifo|", "Z9*", "*", ""), "");
        assertEquals(List.of(DIR + "/10-nvme", DIR + "/50-net", DIR + "/Z9", DIR + "/a_b"), hooks.list());
        assertEquals(List.of(LS), channel.execArgvs(), "one guest-exec");
        channel.assertDone();
    }

    @Test
    void listOfAMissingDirectoryIsEmpty() {
        channel.expectRun(LS, 1, "", "ls: /etc/passthru/hooks.d: No such file or directory\n") // busybox
                .expectRun(LS, 2, "", "/bin/ls: cannot access '/etc/passthru/hooks.d': No such file or directory\n");
        assertEquals(List.of(), hooks.list());
        assertEquals(List.of(), hooks.list());
        channel.assertDone();
    }

    @Test
    void listSkipsADanglingSymlinkButKeepsTheOtherHooks() {
        // both ls variants list the rest and exit 1 when an entry's target is missing
        channel.expectRun(LS, 1, "20-net*\n10-nvme*\n70-dangling@\n",
                "/bin/ls: cannot access '/etc/passthru/hooks.d/70-dangling': No such file or directory\n");
        assertEquals(List.of(DIR + "/10-nvme", DIR + "/20-net"), hooks.list());
    }

    @Test
    void listRethrowsOtherLsFailures() {
        channel.expectRun(LS, 2, "", "/bin/ls: cannot open directory '/etc/passthru/hooks.d': Permission denied\n")
                .expectRun(LS, 1, "10-nvme*\n", "ls: /etc/passthru/hooks.d/70-a: No such file or directory\n"
                        + "ls: /etc/passthru/hooks.d/80-b: Too many levels of symbolic links\n");
        GuestCommandFailedException denied = assertThrows(GuestCommandFailedException.class, hooks::list);
        assertTrue(denied.getMessage().contains("Permission denied"), denied.getMessage());
        GuestCommandFailedException loop = assertThrows(GuestCommandFailedException.class, hooks::list);
        assertEquals(1, loop.exitCode());
    }

    @Test
    void listFailsWhenTheDirectoryIsAFile() {
        channel.expectRun(LS, 0, DIR + "*\n", "");
        AgentException e = assertThrows(AgentException.class, hooks::list);
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void customDirectory() {
        GuestHooks custom = new GuestHooks(agent, "/opt/vendor/hooks");
        channel.expectRun(List.of("/bin/ls", "-1FL", "/opt/vendor/hooks"), 0, "x*\n", "");
        assertEquals(List.of("/opt/vendor/hooks/x"), custom.list());
        assertEquals("/opt/vendor/hooks", custom.dir());
    }

    @Test
    void runPassesEventAndDeviceToEachHookInOrder() {
        channel.expectRun(LS, 0, "20-net*\n10-nvme*\n", "")
                .expectRun(argv("10-nvme", "pre-unplug", "0000:07:00.0", "8086:10d3", "52:54:00:ab:cd:01"), 0,
                        "quiesced\n", "")
                .expectRun(argv("20-net", "pre-unplug", "0000:07:00.0", "8086:10d3", "52:54:00:ab:cd:01"), 0, "",
                        "warning: x\n");
        List<Outcome> outcomes = hooks.run(Event.PRE_UNPLUG, NIC, Duration.ofSeconds(5));
        assertEquals(2, outcomes.size());
        assertEquals(DIR + "/10-nvme", outcomes.get(0).hook());
        assertEquals(0, outcomes.get(0).exitCode());
        assertEquals("quiesced\n", outcomes.get(0).stdout());
        assertEquals("warning: x\n", outcomes.get(1).stderr());
        assertTrue(outcomes.get(1).ms() >= 0 && outcomes.get(1).ms() < 5000, outcomes.get(1).ms() + " ms");
        channel.assertDone();
    }

    @Test
    void runWithoutMacPassesFourArguments() {
        channel.expectRun(LS, 0, "10-nvme*\n", "")
                .expectRun(argv("10-nvme", "post-plug", "0000:08:00.0", "144d:a808"));
        assertEquals(1, hooks.run(Event.POST_PLUG, NVME).size());
        assertEquals(argv("10-nvme", "post-plug", "0000:08:00.0", "144d:a808"), channel.execArgvs().get(1));
        channel.assertDone();
    }

    @Test
    void noHooksIsAnEmptyResult() {
        channel.expectRun(LS, 1, "", "ls: /etc/passthru/hooks.d: No such file or directory\n");
        assertEquals(List.of(), hooks.run(Event.PRE_UNPLUG, NIC, Duration.ofSeconds(5)));
        assertEquals(List.of(LS), channel.execArgvs(), "only the listing ran");
        channel.assertDone();
    }

    @Test
    void runStopsAtTheFirstFailingHookWithItsOutput() {
        String longErr = "e".repeat(5000);
        channel.expectRun(LS, 0, "10-a*\n20-b*\n30-c*\n", "")
                .expectRun(argv("10-a", "pre-unplug", "0000:08:00.0", "144d:a808"))
                .expectRun(argv("20-b", "pre-unplug", "0000:08:00.0", "144d:a808"), 3, "  fs busy\n", longErr + "\n");
        GuestHookFailedException e = assertThrows(GuestHookFailedException.class,
                () -> hooks.run(Event.PRE_UNPLUG, NVME, Duration.ofSeconds(5)));
        channel.assertDone(); // 30-c never ran
        assertEquals(3, channel.execArgvs().size());
        assertEquals(DIR + "/20-b", e.hook());
        assertEquals("pre-unplug", e.event());
        assertEquals(3, e.exitCode());
        assertNull(e.signal());
        assertFalse(e.timedOut());
        assertEquals("  fs busy\n", e.stdout());
        assertEquals(longErr + "\n", e.stderr());
        String m = e.getMessage();
        assertTrue(m.startsWith("guest hook /etc/passthru/hooks.d/20-b (pre-unplug 0000:08:00.0 144d:a808) exited 3: eee"), m);
        assertTrue(m.contains("e".repeat(2000) + "...; stdout: fs busy; "), m);
        assertFalse(m.contains("e".repeat(2001)), "stderr cut in the message");
        assertTrue(m.endsWith("fix or remove the hook in the guest, or migrate with --no-guest-notify"), m);
        assertInstanceOf(GuestCommandFailedException.class, e.getCause());
    }

    @Test
    void hookKilledBySignal() {
        channel.expectRun(LS, 0, "10-a*\n", "");
        long pid = channel.expectExec(argv("10-a", "post-plug", "0000:07:00.0", "8086:10d3", "52:54:00:ab:cd:01"));
        channel.expectStatus(pid, "{\"exited\": true, \"signal\": 9}");
        GuestHookFailedException e = assertThrows(GuestHookFailedException.class,
                () -> hooks.run(Event.POST_PLUG, NIC, Duration.ofSeconds(5)));
        assertNull(e.exitCode());
        assertEquals(9, e.signal());
        assertTrue(e.getMessage().contains("(post-plug 0000:07:00.0 8086:10d3 52:54:00:ab:cd:01) was killed by signal 9;"),
                e.getMessage());
    }

    @Test
    void hookThatDoesNotExitWithinTheLimitTimesOut() {
        channel.expectRun(LS, 0, "10-a*\n", "");
        channel.expectExec(argv("10-a", "pre-unplug", "0000:08:00.0", "144d:a808"));
        channel.expectForever("guest-exec-status", "{\"return\": {\"exited\": false}}");
        long t0 = System.nanoTime();
        GuestHookFailedException e = assertThrows(GuestHookFailedException.class,
                () -> hooks.run(Event.PRE_UNPLUG, NVME, Duration.ofMillis(300)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 300 && ms < 3000, ms + " ms");
        assertTrue(e.timedOut());
        assertNull(e.exitCode());
        assertEquals("", e.stderr());
        assertTrue(e.getMessage().contains("did not exit within 300 ms (QGA cannot stop it: it may still run in the guest)"),
                e.getMessage());
        assertInstanceOf(AgentTimeoutException.class, e.getCause());
        assertTrue(new GuestHookFailedException("/h", "pre-unplug", "0000:08:00.0 144d:a808", null, null,
                Duration.ofSeconds(30), "", "", null).getMessage().contains("did not exit within 30 s"));
    }

    @Test
    void hookTheGuestCannotStart() {
        channel.expectRun(LS, 0, "10-a*\n", "");
        channel.expect("guest-exec", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Guest agent command failed, "
                + "error was 'Failed to execute child process “/etc/passthru/hooks.d/10-a” (No such file or directory)'\"}}");
        GuestHookFailedException e = assertThrows(GuestHookFailedException.class,
                () -> hooks.run(Event.PRE_UNPLUG, NVME, Duration.ofSeconds(5)));
        assertNull(e.exitCode());
        assertFalse(e.timedOut());
        assertTrue(e.getMessage().contains("could not be started: Guest agent command failed"), e.getMessage());
    }

    @Test
    void netdevAtReadsTheDevicesNetDirectory() {
        List<String> ls = List.of("/bin/ls", "-1", "/sys/bus/pci/devices/0000:07:00.0/net");
        channel.expectRun(ls, 0, "enp7s0\n", "")
                .expectRun(ls, 1, "", "ls: /sys/bus/pci/devices/0000:07:00.0/net: No such file or directory\n")
                .expectRun(ls, 0, "", "");
        assertEquals(Optional.of("enp7s0"), hooks.netdevAt("0000:07:00.0"));
        assertEquals(Optional.empty(), hooks.netdevAt("0000:07:00.0"), "no network driver bound");
        assertEquals(Optional.empty(), hooks.netdevAt("0000:07:00.0"), "no interface");
        channel.assertDone();
    }

    @Test
    void setMacRunsIpLinkSetAddress() {
        channel.expectRun(List.of("/sbin/ip", "link", "set", "dev", "enp7s0", "address", "52:54:00:ab:cd:01"))
                .expectRun(List.of("/usr/bin/ip", "link", "set", "dev", "eth9", "address", "52:54:00:ab:cd:02"), 1, "",
                        "Cannot find device \"eth9\"\n");
        hooks.setMac("enp7s0", "52:54:00:AB:CD:01");
        GuestHooks other = new GuestHooks(agent, DIR, "/usr/bin/ip");
        GuestCommandFailedException e = assertThrows(GuestCommandFailedException.class,
                () -> other.setMac("eth9", "52:54:00:ab:cd:02"));
        assertTrue(e.getMessage().contains("Cannot find device"), e.getMessage());
        channel.assertDone();
    }

    @Test
    void deviceIsNormalisedToLowerCase() {
        Device d = new Device("0000:AF:1F.7", "8086:10ED", "52:54:00:AB:CD:0F");
        assertEquals(new Device("0000:af:1f.7", "8086:10ed", "52:54:00:ab:cd:0f"), d);
        assertNull(NVME.mac());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000:07:00", "07:00.0", "0000:07:20.0", "0000:07:00.8", "0000:7:00.0", "0000:07:00.0 ",
            "0000:07:00.0; id", "0000:g7:00.0", ""})
    void invalidPciAddressesAreRejected(String address) {
        InvalidGuestInputException e = assertThrows(InvalidGuestInputException.class,
                () -> new Device(address, "8086:10d3", null));
        assertTrue(e.getMessage().contains("guest PCI address"), e.getMessage());
        assertThrows(InvalidGuestInputException.class, () -> hooks.netdevAt(address));
        assertTrue(channel.requests.isEmpty(), "nothing sent to the guest");
    }

    @Test
    void otherInvalidInputIsRejectedBeforeAnythingRuns() {
        assertThrows(InvalidGuestInputException.class, () -> new Device(null, "8086:10d3", null));
        for (String vd : new String[] {"8086-10d3", "8086:10d", "zzzz:10d3", "8086:10d3:1", ""}) {
            assertThrows(InvalidGuestInputException.class, () -> new Device("0000:07:00.0", vd, null), vd);
        }
        assertThrows(InvalidGuestInputException.class, () -> new Device("0000:07:00.0", null, null));
        assertThrows(InvalidGuestInputException.class, () -> new Device("0000:07:00.0", "8086:10d3", "52:54:00:ab:cd"));
        for (String dir : new String[] {"hooks.d", "/", "/etc/hooks/", "/etc/../root", "/etc/./x", "/etc/..",
                "/etc/hooks d", "/etc/hooks;id", "//etc"}) {
            assertThrows(InvalidGuestInputException.class, () -> new GuestHooks(agent, dir), dir);
        }
        assertThrows(InvalidGuestInputException.class, () -> new GuestHooks(agent, null));
        assertThrows(InvalidGuestInputException.class, () -> new GuestHooks(agent, DIR, "ip"));
        assertThrows(InvalidGuestInputException.class, () -> hooks.setMac("eth0; id", "52:54:00:ab:cd:01"));
        assertThrows(InvalidGuestInputException.class, () -> hooks.setMac("-j", "52:54:00:ab:cd:01"));
        assertThrows(InvalidGuestInputException.class, () -> hooks.setMac("eth0", "52-54-00-ab-cd-01"));
        assertThrows(IllegalArgumentException.class, () -> hooks.run(Event.PRE_UNPLUG, NIC, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> hooks.run(Event.PRE_UNPLUG, NIC, null));
        assertTrue(channel.requests.isEmpty(), "nothing sent to the guest");
    }

    @Test
    void eventIds() {
        assertEquals("pre-unplug", Event.PRE_UNPLUG.id);
        assertEquals("post-plug", Event.POST_PLUG.id);
        assertEquals("/etc/passthru/hooks.d", GuestHooks.DEFAULT_DIR);
        assertEquals(Duration.ofSeconds(30), GuestHooks.DEFAULT_LIMIT);
    }
}
