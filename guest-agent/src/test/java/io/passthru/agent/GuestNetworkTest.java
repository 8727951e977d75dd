package io.passthru.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestNetworkTest {
    private static final List<String> SHOW = List.of("/sbin/ip", "-j", "-d", "link", "show");
    private static final String VF_MAC = "52:54:00:ab:cd:01";
    private static final String VIRTIO_MAC = "52:54:00:12:34:56";

    private final ScriptedAgentChannel channel = new ScriptedAgentChannel();
    private final GuestNetwork net = new GuestNetwork(new GuestAgent(channel));

    static String resource(String name) {
        try (InputStream in = GuestNetworkTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void expectShow(String resourceName) {
        channel.expectRun(SHOW, 0, resource(resourceName), "");
    }

    @Test
    void linksParsesIpJsonOutput() {
        expectShow("ip-link-bond.json");
        List<GuestLink> links = net.links();
        assertEquals(List.of("lo", "eth0", "eth1", "bond0"), links.stream().map(GuestLink::name).toList());
        assertEquals(new GuestLink("lo", "00:00:00:00:00:00", "UNKNOWN", true, true, null, null, null), links.get(0));
        assertEquals(new GuestLink("eth0", VIRTIO_MAC, "UP", true, true, "bond0", null, VIRTIO_MAC, "virtio"), links.get(1));
        assertFalse(links.get(1).isPciDevice());
        assertEquals(new GuestLink("eth1", VIRTIO_MAC, "UP", true, true, "bond0", null, VF_MAC, "pci"), links.get(2));
        assertTrue(links.get(2).isPciDevice());
        GuestLink bond = links.get(3);
        assertEquals("bond", bond.kind());
        assertTrue(bond.isBond());
        assertNull(bond.master());
        assertEquals(List.of(SHOW), channel.execArgvs());
    }

    @Test
    void linkQueryIsRunAgainWhenTheAgentDroppedInTheMiddle() {
        long pid = channel.expectExec(SHOW);
        channel.expectThrow("guest-exec-status", new AgentUnavailableException(
                "guest agent command guest-exec-status failed: Guest agent disappeared while executing command"));
        channel.expect("guest-ping", "{\"return\":{}}");
        expectShow("ip-link-bond.json");
        assertEquals("eth1", net.bond("bond0").activeSlave());
        assertEquals(List.of(SHOW, SHOW), channel.execArgvs());
        assertTrue(pid > 0);
        channel.assertDone();
    }

    @Test
    void linkQueryThatFailsInTheGuestIsNotRunAgain() {
        channel.expectRun(SHOW, 1, "", "ip: something broke");
        assertThrows(GuestCommandFailedException.class, () -> net.links());
        assertEquals(List.of(SHOW), channel.execArgvs());
    }

    @Test
    void linksParsesDownLinkFlags() {
        expectShow("ip-link-newvf.json");
        GuestLink eth2 = net.links().get(3);
        assertEquals("eth2", eth2.name());
        assertFalse(eth2.up());
        assertFalse(eth2.lowerUp());
        assertEquals("DOWN", eth2.operstate());
        assertNull(eth2.master());
        assertNull(eth2.permanentMac());
    }

    @Test
    void bondStateOfActiveBackupBond() {
        expectShow("ip-link-bond.json");
        BondState bond = net.bond("bond0");
        assertEquals("bond0", bond.name());
        assertEquals("active-backup", bond.mode());
        assertEquals("eth1", bond.activeSlave());
        assertEquals(List.of("eth0", "eth1"), bond.slaves());
        assertEquals(Map.of("eth0", "UP", "eth1", "UP"), bond.slaveMiiStatus());
        assertTrue(bond.hasSlave("eth1"));
    }

    @Test
    void bondOfMissingOrNonBondLinkFails() {
        expectShow("ip-link-bond.json");
        expectShow("ip-link-bond.json");
        AgentException missing = assertThrows(AgentException.class, () -> net.bond("bond1"));
        assertTrue(missing.getMessage().contains("bond1"), missing.getMessage());
        AgentException notBond = assertThrows(AgentException.class, () -> net.bond("eth0"));
        assertTrue(notBond.getMessage().contains("not a bond"), notBond.getMessage());
    }

    @Test
    void findByMacMatchesPermanentAddressOfEnslavedVf() {
        expectShow("ip-link-bond.json");
        // eth1's current address is the bond's (fail_over_mac=none); its own MAC is only in permaddr
        Optional<GuestLink> vf = net.findByMac("52:54:00:AB:CD:01");
        assertEquals("eth1", vf.orElseThrow().name());
    }

    @Test
    void findByMacPrefersPhysicalLinkOverBond() {
        expectShow("ip-link-bond.json");
        expectShow("ip-link-bond.json");
        assertEquals("eth0", net.findByMac(VIRTIO_MAC).orElseThrow().name());
        List<GuestLink> all = net.findAllByMac(VIRTIO_MAC);
        assertEquals(List.of("eth0", "eth1", "bond0"), all.stream().map(GuestLink::name).toList(),
                "bond last; eth1 matches on its current (inherited) address");
    }

    @Test
    void findByMacUnknownIsEmptyAndInvalidIsRejected() {
        expectShow("ip-link-bond.json");
        assertTrue(net.findByMac("52:54:00:00:00:99").isEmpty());
        assertThrows(InvalidGuestInputException.class, () -> net.findByMac("52:54:00:ab:cd"));
        assertThrows(InvalidGuestInputException.class, () -> net.findByMac("52-54-00-ab-cd-01"));
        assertThrows(InvalidGuestInputException.class, () -> net.findByMac(null));
        assertEquals(1, channel.execArgvs().size(), "invalid MACs are rejected before running ip");
    }

    @Test
    void enslaveRunsDownMasterUpThenVerifies() {
        channel.expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth1", "down"))
                .expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth1", "master", "bond0"))
                .expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth1", "up"));
        expectShow("ip-link-bond.json");
        net.enslave("bond0", "eth1");
        channel.assertDone();
        assertEquals(List.of(
                List.of("/sbin/ip", "link", "set", "dev", "eth1", "down"),
                List.of("/sbin/ip", "link", "set", "dev", "eth1", "master", "bond0"),
                List.of("/sbin/ip", "link", "set", "dev", "eth1", "up"),
                SHOW), channel.execArgvs());
    }

    @Test
    void enslaveFailsWhenInterfaceIsNotASlaveAfterwards() {
        channel.expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth2", "down"))
                .expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth2", "master", "bond0"))
                .expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth2", "up"));
        expectShow("ip-link-newvf.json"); // eth2 still has no master
        AgentException e = assertThrows(AgentException.class, () -> net.enslave("bond0", "eth2"));
        assertTrue(e.getMessage().contains("eth2") && e.getMessage().contains("bond0"), e.getMessage());
    }

    @Test
    void enslaveStopsAtFirstFailingIpCommand() {
        channel.expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth2", "down"))
                .expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth2", "master", "bond0"), 2, "",
                        "RTNETLINK answers: Device or resource busy\n");
        GuestCommandFailedException e = assertThrows(GuestCommandFailedException.class,
                () -> net.enslave("bond0", "eth2"));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("master, bond0"), e.getMessage());
        assertTrue(e.getMessage().contains("Device or resource busy"), e.getMessage());
        channel.assertDone();
    }

    @Test
    void unenslaveRunsNomasterThenVerifies() {
        channel.expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth1", "nomaster"));
        expectShow("ip-link-novf.json");
        net.unenslave("bond0", "eth1");
        assertEquals(List.of(List.of("/sbin/ip", "link", "set", "dev", "eth1", "nomaster"), SHOW),
                channel.execArgvs());
    }

    @Test
    void unenslaveFailsWhenStillASlave() {
        channel.expectRun(List.of("/sbin/ip", "link", "set", "dev", "eth1", "nomaster"));
        expectShow("ip-link-bond.json");
        AgentException e = assertThrows(AgentException.class, () -> net.unenslave("bond0", "eth1"));
        assertTrue(e.getMessage().contains("still a slave"), e.getMessage());
    }

    @Test
    void setActiveSlaveRunsTypeBondActiveSlaveThenVerifies() {
        channel.expectRun(List.of("/sbin/ip", "link", "set", "dev", "bond0", "type", "bond", "active_slave", "eth1"));
        expectShow("ip-link-bond.json");
        net.setActiveSlave("bond0", "eth1");
        channel.assertDone();
    }

    @Test
    void setActiveSlaveFailsWhenAnotherSlaveIsActive() {
        channel.expectRun(List.of("/sbin/ip", "link", "set", "dev", "bond0", "type", "bond", "active_slave", "eth1"));
        expectShow("ip-link-novf.json");
        AgentException e = assertThrows(AgentException.class, () -> net.setActiveSlave("bond0", "eth1"));
        assertTrue(e.getMessage().contains("'eth0'"), e.getMessage());
    }

    @Test
    void linkUpAndCustomIpPath() {
        GuestNetwork custom = new GuestNetwork(new GuestAgent(channel), "/usr/sbin/ip");
        channel.expectRun(List.of("/usr/sbin/ip", "link", "set", "dev", "eth2", "up"));
        custom.linkUp("eth2");
        channel.assertDone();
        assertEquals("/usr/sbin/ip", custom.ipPath());
        assertThrows(InvalidGuestInputException.class, () -> new GuestNetwork(new GuestAgent(channel), "ip"));
        assertThrows(InvalidGuestInputException.class, () -> new GuestNetwork(new GuestAgent(channel), "/sbin/ip; id"));
    }

    @Test
    void waitForMacPollsUntilTheHotPluggedVfAppears() {
        expectShow("ip-link-novf.json");
        expectShow("ip-link-novf.json");
        expectShow("ip-link-newvf.json");
        long start = System.nanoTime();
        Optional<GuestLink> vf = net.waitForMac(VF_MAC, Duration.ofSeconds(5));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("eth2", vf.orElseThrow().name());
        assertTrue(elapsedMs >= 200, "two 100 ms intervals, took " + elapsedMs);
        channel.assertDone();
    }

    @Test
    void waitForMacReturnsEmptyAfterTimeout() {
        // every poll is a guest-exec + guest-exec-status pair showing no VF
        for (int i = 0; i < 10; i++) {
            expectShow("ip-link-novf.json");
        }
        long start = System.nanoTime();
        assertTrue(net.waitForMac(VF_MAC, Duration.ofMillis(250)).isEmpty());
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 250 && elapsedMs < 1000, "took " + elapsedMs);
        int polls = channel.execArgvs().size();
        assertTrue(polls >= 3 && polls <= 4, "polls every 100 ms: " + polls);
    }

    @Test
    void unparsableIpOutputIsAgentException() {
        channel.expectRun(SHOW, 0, "Option \"-j\" is unknown, try \"ip -help\".", "");
        AgentException e = assertThrows(AgentException.class, net::links);
        assertTrue(e.getMessage().contains("-j -d link show"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eth0; rm -rf /", "a/b", "abcdefghijklmnop", "", ".", "..", "eth 0", "-j", "eth0\n",
            "bond0$(id)", "ètha"})
    void invalidNamesAreRejectedBeforeAnythingRuns(String name) {
        InvalidGuestInputException e = assertThrows(InvalidGuestInputException.class, () -> net.enslave("bond0", name));
        assertTrue(e.getMessage().contains("invalid Linux interface name"), e.getMessage());
        assertThrows(InvalidGuestInputException.class, () -> net.enslave(name, "eth1"));
        assertThrows(InvalidGuestInputException.class, () -> net.unenslave("bond0", name));
        assertThrows(InvalidGuestInputException.class, () -> net.setActiveSlave(name, "eth1"));
        assertThrows(InvalidGuestInputException.class, () -> net.linkUp(name));
        assertThrows(InvalidGuestInputException.class, () -> net.bond(name));
        assertTrue(channel.requests.isEmpty(), "nothing sent to the guest");
    }

    @Test
    void validNamesAreAccepted() {
        for (String ok : List.of("eth0", "enp7s0f1v0", "bond0.100", "a", "abcdefghijklmno", "veth_a-b", "...")) {
            assertEquals(ok, GuestNetwork.validateInterfaceName(ok));
        }
        assertThrows(InvalidGuestInputException.class, () -> GuestNetwork.validateInterfaceName(null));
        assertThrows(InvalidGuestInputException.class, () -> net.enslave("bond0", "bond0"));
    }
}
