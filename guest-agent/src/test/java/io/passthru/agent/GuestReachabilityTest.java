package io.passthru.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestReachabilityTest {
    private static final String MAC = "52:54:00:ab:cd:01";
    private static final String NO_FILE = "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Guest agent command "
            + "failed, error was 'Failed to execute child process “%s” (No such file or directory)'\"}}";

    private final ScriptedAgentChannel channel = new ScriptedAgentChannel();
    private final GuestReachability reach = new GuestReachability(new GuestAgent(channel));

    /** guest-network-get-interfaces: lo, bond0 with the MAC (IPv4 + IPv6), eth0 with the MAC and no address, eth1. */
    private static final String INTERFACES = """
            {"return": [
              {"name": "lo", "hardware-address": "00:00:00:00:00:00",
               "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "127.0.0.1", "prefix": 8}]},
              {"name": "bond0", "hardware-address": "52:54:00:AB:CD:01",
               "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "192.0.2.5", "prefix": 24},
                                {"ip-address-type": "ipv4", "ip-address": "192.0.2.6", "prefix": 24},
                                {"ip-address-type": "ipv6", "ip-address": "2001:db8::5", "prefix": 64}]},
              {"name": "eth0", "hardware-address": "52:54:00:ab:cd:01"},
              {"name": "eth1", "hardware-address": "52:54:00:ab:cd:02",
               "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "192.0.2.9", "prefix": 24}]}
            ]}""";

    @Test
    void announceSendsGratuitousArpsForEachIpv4AddressOfTheInterfacesWithTheMac() {
        channel.expect("guest-network-get-interfaces", INTERFACES);
        channel.expectRun(List.of("/usr/sbin/arping", "-U", "-c", "2", "-I", "bond0", "192.0.2.5"));
        channel.expectRun(List.of("/usr/sbin/arping", "-U", "-c", "2", "-I", "bond0", "192.0.2.6"));
        expectNeighbourNotification("bond0", "0");
        GuestReachability.Announcement a = reach.announce("52:54:00:AB:CD:01", Duration.ZERO);
        assertEquals(List.of("bond0 192.0.2.5", "bond0 192.0.2.6", "bond0 2001:db8::5"), a.announced());
        assertEquals(List.of(), a.notAnnounced());
        channel.assertDone();
    }

    /** sysctl reads ndisc_notify (as {@code old}), sets it to 1, ip sets the MAC to itself, sysctl gives it back. */
    private void expectNeighbourNotification(String iface, String old) {
        String key = "net/ipv6/conf/" + iface + "/ndisc_notify";
        channel.expectRun(List.of("/usr/sbin/ip", "-6", "-o", "addr", "show", "dev", iface), 0, "", "");
        channel.expectRun(List.of("/usr/sbin/sysctl", "-n", key), 0, old + "\n", "");
        channel.expectRun(List.of("/usr/sbin/sysctl", "-w", key + "=1"));
        channel.expectRun(List.of("/usr/sbin/ip", "link", "set", "dev", iface, "address", MAC));
        channel.expectRun(List.of("/usr/sbin/sysctl", "-w", key + "=" + old));
    }

    @Test
    void ipv6AddressesAreAdvertisedByTheGuestKernelAndNdiscNotifyIsGivenBackEvenWhenTheMacCannotBeSet() {
        String vlanIface = "{\"return\": [{\"name\": \"eth0.42\", \"hardware-address\": \"52:54:00:ab:cd:01\", "
                + "\"ip-addresses\": [{\"ip-address-type\": \"ipv6\", \"ip-address\": \"fe80::5054:ff:feab:cd01\", "
                + "\"prefix\": 64}, {\"ip-address-type\": \"ipv6\", \"ip-address\": \"2001:db8::7\", \"prefix\": 64}]}]}";
        String key = "net/ipv6/conf/eth0.42/ndisc_notify";
        channel.expect("guest-network-get-interfaces", vlanIface);
        channel.expectRun(List.of("/usr/sbin/ip", "-6", "-o", "addr", "show", "dev", "eth0.42"), 0,
                "3: eth0.42    inet6 2001:db8::7/64 scope global \\       valid_lft forever preferred_lft forever\n", "");
        channel.expect("guest-exec", String.format(NO_FILE, "/usr/sbin/sysctl"));
        channel.expectRun(List.of("/sbin/sysctl", "-n", key), 0, "0\n", "");
        channel.expectRun(List.of("/sbin/sysctl", "-w", key + "=1"));
        channel.expectRun(List.of("/usr/sbin/ip", "link", "set", "dev", "eth0.42", "address", MAC), 2, "",
                "RTNETLINK answers: Operation not permitted\n");
        channel.expectRun(List.of("/sbin/sysctl", "-w", key + "=0"));
        GuestReachability.Announcement a = reach.announce(MAC, Duration.ZERO);
        assertEquals(List.of(), a.announced());
        assertEquals(2, a.notAnnounced().size(), a.notAnnounced().toString());
        assertTrue(a.notAnnounced().get(0).startsWith("eth0.42 fe80::5054:ff:feab:cd01: no unsolicited neighbour "
                + "advertisement: "), a.notAnnounced().toString());
        assertTrue(a.notAnnounced().get(1).contains("Operation not permitted"), a.notAnnounced().toString());
        channel.assertDone();
    }

    @Test
    void aTentativeAddressIsWaitedForAndOneStillTentativeIsNotClaimedAsAnnounced() {
        String bothTentative = "2: eth0    inet6 2001:db8::9/64 scope global tentative \\       valid_lft forever\n"
                + "2: eth0    inet6 fe80::5054:ff:feab:cd01/64 scope link tentative \\       valid_lft forever\n";
        String globalFailed = "2: eth0    inet6 2001:db8::9/64 scope global dadfailed tentative \\       valid\n"
                + "2: eth0    inet6 fe80::5054:ff:feab:cd01/64 scope link \\       valid_lft forever\n";
        DadChannel guest = new DadChannel(bothTentative, globalFailed);
        long start = System.nanoTime();
        GuestReachability.Announcement a = new GuestReachability(new GuestAgent(guest)).announce(MAC, Duration.ZERO);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("eth0 fe80::5054:ff:feab:cd01"), a.announced());
        assertEquals(1, a.notAnnounced().size(), a.notAnnounced().toString());
        assertTrue(a.notAnnounced().get(0).startsWith("eth0 2001:db8::9: still tentative after 3000 ms"),
                a.notAnnounced().toString());
        assertTrue(ms >= GuestReachability.DAD_WAIT.toMillis(), "waited for the detection: " + ms + " ms");
        List<String> after = guest.argvs.subList(guest.shows, guest.argvs.size());
        assertTrue(guest.shows >= 2 && guest.argvs.subList(0, guest.shows).stream().allMatch(c -> c.contains(
                "\"show\"")), guest.argvs.toString());
        assertEquals(4, after.size(), after.toString());
        assertTrue(after.get(0).contains("\"-n\"") && after.get(1).contains("ndisc_notify=1")
                && after.get(2).contains("\"address\"") && after.get(3).contains("ndisc_notify=0"), after.toString());
    }

    /**
     * A guest whose link-local address finishes duplicate address detection after the first look and whose global
     * one fails it: answers guest-network-get-interfaces with both, {@code ip -6 addr show} first with {@code first}
     * and then with {@code then}, and every other command (sysctl, ip link set) with success.
     */
    private static final class DadChannel implements AgentChannel {
        private final String first;
        private final String then;
        int shows;
        private String last = "";
        final List<String> argvs = new java.util.ArrayList<>();

        DadChannel(String first, String then) {
            this.first = first;
            this.then = then;
        }

        @Override
        public String execute(String commandJson, Duration timeout) {
            if (commandJson.contains("guest-network-get-interfaces")) {
                return "{\"return\": [{\"name\": \"eth0\", \"hardware-address\": \"52:54:00:ab:cd:01\", "
                        + "\"ip-addresses\": [{\"ip-address-type\": \"ipv6\", \"ip-address\": "
                        + "\"fe80::5054:ff:feab:cd01\", \"prefix\": 64}, {\"ip-address-type\": \"ipv6\", "
                        + "\"ip-address\": \"2001:db8::9\", \"prefix\": 64}]}]}";
            }
            if (commandJson.contains("guest-exec-status")) {
                return "{\"return\":" + ScriptedAgentChannel.exited(0, last, "") + "}";
            }
            argvs.add(commandJson);
            if (commandJson.contains("\"show\"")) {
                last = shows++ == 0 ? first : then;
            } else {
                last = commandJson.contains("\"-n\"") ? "0\n" : "";
            }
            return "{\"return\":{\"pid\":7}}";
        }
    }

    @Test
    void anInterfaceThatAlreadyNotifiesOnlyHasItsMacSetToItself() {
        String one = "{\"return\": [{\"name\": \"eth0\", \"hardware-address\": \"52:54:00:ab:cd:01\", "
                + "\"ip-addresses\": [{\"ip-address-type\": \"ipv6\", \"ip-address\": \"fe80::5054:ff:feab:cd01\", "
                + "\"prefix\": 64}]}]}";
        channel.expect("guest-network-get-interfaces", one);
        channel.expect("guest-exec", String.format(NO_FILE, "/usr/sbin/ip"));
        channel.expectRun(List.of("/sbin/ip", "-6", "-o", "addr", "show", "dev", "eth0"), 0, "", "");
        channel.expectRun(List.of("/usr/sbin/sysctl", "-n", "net/ipv6/conf/eth0/ndisc_notify"), 0, "1\n", "");
        channel.expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth0", "address", MAC));
        assertEquals(List.of("eth0 fe80::5054:ff:feab:cd01"), reach.announce(MAC, Duration.ZERO).announced());
        channel.assertDone();
    }

    @Test
    void announceFindsArpingWhereTheGuestHasItAndKeepsThatPath() {
        channel.expect("guest-network-get-interfaces", INTERFACES);
        channel.expect("guest-exec", String.format(NO_FILE, "/usr/sbin/arping"));
        channel.expect("guest-exec", String.format(NO_FILE, "/usr/bin/arping"));
        channel.expect("guest-exec", String.format(NO_FILE, "/sbin/arping"));
        channel.expectRun(List.of("/bin/arping", "-U", "-c", "2", "-I", "bond0", "192.0.2.5"));
        channel.expectRun(List.of("/bin/arping", "-U", "-c", "2", "-I", "bond0", "192.0.2.6"));
        expectNeighbourNotification("bond0", "0");
        assertEquals(3, reach.announce(MAC, Duration.ZERO).announced().size());
        channel.assertDone();
    }

    @Test
    void aFailedArpingIsReportedNotThrown() {
        channel.expect("guest-network-get-interfaces", INTERFACES);
        channel.expectRun(List.of("/usr/sbin/arping", "-U", "-c", "2", "-I", "bond0", "192.0.2.5"), 2, "",
                "arping: bind: Cannot assign requested address\n");
        channel.expectRun(List.of("/usr/sbin/arping", "-U", "-c", "2", "-I", "bond0", "192.0.2.6"));
        expectNeighbourNotification("bond0", "0");
        GuestReachability.Announcement a = reach.announce(MAC, Duration.ZERO);
        assertEquals(List.of("bond0 192.0.2.6", "bond0 2001:db8::5"), a.announced());
        assertTrue(a.notAnnounced().get(0).startsWith("bond0 192.0.2.5: "), a.notAnnounced().toString());
    }

    @Test
    void aGuestWithoutArpingGetsAnErrorThatSaysWhatToInstall() {
        channel.expect("guest-network-get-interfaces", INTERFACES);
        for (String p : GuestReachability.ARPING_PATHS) {
            channel.expect("guest-exec", String.format(NO_FILE, p));
        }
        for (String p : GuestReachability.ARPING_PATHS) {
            channel.expect("guest-exec", String.format(NO_FILE, p));
        }
        expectNeighbourNotification("bond0", "0");
        GuestReachability.Announcement a = reach.announce(MAC, Duration.ZERO);
        assertEquals(List.of("bond0 2001:db8::5"), a.announced());
        assertTrue(a.notAnnounced().get(0).contains("the guest has no arping"), a.notAnnounced().toString());
        assertTrue(a.notAnnounced().get(0).contains("iputils-arping"), a.notAnnounced().toString());
    }

    @Test
    void announceWaitsForTheGuestToPutAnAddressOnTheVf() {
        String bare = "{\"return\": [{\"name\": \"eth0\", \"hardware-address\": \"52:54:00:ab:cd:01\"}]}";
        String linkLocal = "{\"return\": [{\"name\": \"eth0\", \"hardware-address\": \"52:54:00:ab:cd:01\", "
                + "\"ip-addresses\": [{\"ip-address-type\": \"ipv6\", \"ip-address\": \"fe80::5054:ff:feab:cd01\", "
                + "\"prefix\": 64}]}]}";
        channel.expect("guest-network-get-interfaces", bare);
        channel.expect("guest-network-get-interfaces", linkLocal);
        channel.expect("guest-network-get-interfaces", "{\"return\": [{\"name\": \"eth0\", \"hardware-address\": "
                + "\"52:54:00:ab:cd:01\", \"ip-addresses\": [{\"ip-address-type\": \"ipv4\", "
                + "\"ip-address\": \"192.0.2.51\", \"prefix\": 24}]}]}");
        channel.expectRun(List.of("/usr/sbin/arping", "-U", "-c", "2", "-I", "eth0", "192.0.2.51"));
        assertEquals(List.of("eth0 192.0.2.51"), reach.announce(MAC, Duration.ofSeconds(5)).announced());
        channel.assertDone();
    }

    @Test
    void noInterfaceWithTheMacAnnouncesNothing() {
        channel.expectForever("guest-network-get-interfaces", INTERFACES);
        GuestReachability.Announcement a = reach.announce("52:54:00:00:00:99", Duration.ofMillis(300));
        assertEquals(List.of(), a.announced());
        assertEquals(List.of(), a.notAnnounced());
        channel.assertDone();
    }

    @Test
    void reachPingsUntilTheAddressAnswers() {
        List<String> ping = List.of("/usr/bin/ping", "-c", "1", "-W", "1", "192.0.2.101");
        channel.expectRun(ping, 1, "1 packets transmitted, 0 received\n", "");
        channel.expectRun(ping, 1, "1 packets transmitted, 0 received\n", "");
        channel.expectRun(ping, 0, "1 packets transmitted, 1 received\n", "");
        GuestReachability.TrafficCheck c = reach.reach("192.0.2.101", Duration.ofSeconds(10));
        assertTrue(c.answered());
        assertEquals(3, c.attempts());
        assertTrue(c.afterMs() >= 2 * GuestReachability.PING_PAUSE.toMillis(), "two pauses: " + c.afterMs());
        assertEquals("", c.lastError());
        channel.assertDone();
    }

    @Test
    void reachGivesUpAfterTheLimitAndSaysWhatTheLastPingPrinted() {
        GuestReachability r = new GuestReachability(new GuestAgent(new AlternatingChannel()));
        GuestReachability.TrafficCheck c = r.reach("2001:DB8::1", Duration.ofMillis(500));
        assertFalse(c.answered());
        assertTrue(c.attempts() >= 2, "tried until the limit: " + c.attempts());
        assertTrue(c.afterMs() >= 500, "" + c.afterMs());
        assertEquals("2001:db8::1", c.address());
        assertTrue(c.lastError().contains("exit"), c.lastError());
    }

    /** Answers every guest-exec with a pid and every guest-exec-status with "exited 1": a ping never answered. */
    private static final class AlternatingChannel implements AgentChannel {
        @Override
        public String execute(String commandJson, Duration timeout) {
            return commandJson.contains("guest-exec-status")
                    ? "{\"return\":" + ScriptedAgentChannel.exited(1, "", "ping: no answer\n") + "}"
                    : "{\"return\":{\"pid\":7}}";
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-c", "host.example", "192.0.2.256", "192.0.2", "", "1:2:3:4:5:6:7:8:9", "::1; reboot"})
    void anythingButAnIpAddressIsRefusedBeforeTheGuestRunsAnything(String bad) {
        InvalidGuestInputException e = assertThrows(InvalidGuestInputException.class,
                () -> reach.reach(bad, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("not an IP address"), e.getMessage());
        assertEquals(List.of(), channel.requests);
    }

    @Test
    void addresses() {
        assertEquals("192.0.2.1", GuestReachability.validateAddress("192.0.2.1"));
        assertEquals("2001:db8::1", GuestReachability.validateAddress("2001:DB8::1"));
        assertEquals("::ffff:192.0.2.1", GuestReachability.validateAddress("::ffff:192.0.2.1"));
    }
}
