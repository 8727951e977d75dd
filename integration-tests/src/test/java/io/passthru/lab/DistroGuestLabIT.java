package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.agent.AgentException;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.agent.GuestNetworkManager;
import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bond flow on a distribution guest (Debian 12 with systemd, NetworkManager 1.42 and Debian's qemu-guest-agent;
 * integration-tests/lab/build-distro-image.sh): NetworkManager owns bond0 (active-backup, fail_over_mac=active) with
 * a bond-slave profile for the virtio NIC and one for the VF's MAC, so it enslaves a hot-plugged VF by itself.
 * attach --bond, a failed migration's rollback and a migration with pings run with NetworkManager running, and the
 * bond is what NetworkManager shows at the end; then the agent is restarted with guest-exec blocked (as RHEL ships
 * it) and the bond flow refuses before changing anything.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistroGuestLabIT {
    static final String NAME = "it-distro";
    static final String MAC = "52:54:00:a1:00:40";
    static final String VF_MAC = "52:54:00:a1:00:41";
    static final String ADDR = "192.0.2.40";


    @BeforeAll
    void bootTheDistroGuest() throws Exception {
        long t0 = System.nanoTime();
        org.libvirt.Domain dom = Lab.define(1, Lab.distroGuestCommand(NAME, MAC, VF_MAC, ADDR + "/24"));
        dom.create();
        Lab.waitForAgent(dom, NAME);
        long agentMs = (System.nanoTime() - t0) / 1_000_000;
        GuestNetworkManager nm = nm(dom);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                if (nm.device("bond0").map(GuestNetworkManager.Device::connected).orElse(false)) {
                    break;
                }
            } catch (AgentException starting) {
                // nmcli waits for NetworkManager while it starts (seen: more than 10 s on the lab)
            }
            assertTrue(System.nanoTime() < deadline, "NetworkManager never connected bond0");
            Lab.sleep(500);
        }
        System.out.printf("DISTRO GUEST: agent answers %d ms after start, NetworkManager's bond0 up after %d ms%n%s",
                agentMs, (System.nanoTime() - t0) / 1_000_000, nmcli(dom));
    }

    @AfterAll
    void cleanup() {
        Lab.removeGuest(1, NAME);
        Lab.removeGuest(2, NAME);
    }

    /** The host the guest runs on now (a rerun of a test starts from where the last attempt left it). */
    private static int where() {
        return Lab.exists(2, NAME) ? 2 : 1;
    }

    private org.libvirt.Domain dom() {
        return Lab.host(where()).domain(NAME);
    }

    private static GuestNetworkManager nm(org.libvirt.Domain d) {
        return new GuestNetworkManager(new GuestAgent(new LibvirtAgentChannel(d)));
    }

    private static GuestNetwork net(org.libvirt.Domain d) {
        return new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(d)));
    }

    /** {@code nmcli -t device} in the guest, for the log. */
    private static String nmcli(org.libvirt.Domain d) {
        StringBuilder b = new StringBuilder();
        for (GuestNetworkManager.Device x : nm(d).devices()) {
            b.append("  nmcli: ").append(x).append('\n');
        }
        return b.toString();
    }

    private static PciAddress freeVf(int host) {
        return Inventory.scan(Lab.host(host)).vfs().stream().filter(Inventory.Vf::isFree).findFirst().orElseThrow()
                .address();
    }

    /** The VF is in bond0, its active slave, and NetworkManager shows it connected with its bond-slave profile. */
    private static GuestLink assertBondedUnderNm(org.libvirt.Domain d) {
        GuestNetwork net = net(d);
        GuestLink vf = net.waitForPciMac(VF_MAC, Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("no VF with MAC " + VF_MAC + " in the guest"));
        assertEquals("bond0", vf.master(), vf.toString());
        assertEquals(vf.name(), net.bond("bond0").activeSlave(), "the VF is the active slave");
        GuestNetworkManager.Device dev = nm(d).waitConnected(vf.name(), Duration.ofSeconds(20)).orElseThrow();
        assertTrue(dev.connected(), "NetworkManager shows the VF connected: " + nmcli(d));
        assertEquals("bond0-vf", dev.connection(), nmcli(d));
        assertTrue(nm(d).device("bond0").orElseThrow().connected(), nmcli(d));
        return vf;
    }

    @Test
    @Order(1)
    void attachWithBondUnderNetworkManager() throws Exception {
        assertTrue(nm(dom()).running());
        PciAddress vf = freeVf(1);
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--vf", vf.toString(), "--mac", VF_MAC,
                "--bond", "bond0");
        assertEquals(0, a.exit(), a.out() + a.err());
        System.out.print("DISTRO ATTACH: " + a.out() + nmcli(dom()));
        assertBondedUnderNm(dom());
        assertEquals(0, Lab.onHost(2, Duration.ofSeconds(20), "/bin/ping", "-c", "3", "-W", "2", ADDR).exitCode(),
                "the peer on host 2 reaches the guest");
    }

    @Test
    @Order(2)
    void failedMigrationRollsBackAndNetworkManagerAgrees() throws Exception {
        Lab.CliResult r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2), "--migrate-uri",
                "tcp://198.51.100.99", "--output", "json");
        assertEquals(1, r.exit(), r.out() + r.err());
        JsonNode j = r.json();
        assertTrue(j.get("rolledBack").asBoolean(), j.toString());
        assertFalse(Lab.exists(2, NAME), "nothing left on host 2");
        System.out.print("DISTRO ROLLBACK: " + j.get("error").asText() + "\n" + nmcli(dom()));
        assertBondedUnderNm(dom());
    }

    @Test
    @Order(3)
    void migratesWithPingsUnderNetworkManager() throws Exception {
        int from = where();
        int to = 3 - from;
        if (Inventory.scan(Lab.host(from)).vfs().stream().noneMatch(v -> NAME.equals(v.usedBy()))) {
            // a rerun starts from a freshly booted guest, without the VF test 1 attached
            Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(from), "--vf", freeVf(from).toString(),
                    "--mac", VF_MAC, "--bond", "bond0");
            assertEquals(0, a.exit(), a.out() + a.err());
        }
        assertBondedUnderNm(dom());
        PciAddress srcVf = Inventory.scan(Lab.host(from)).vfs().stream().filter(v -> NAME.equals(v.usedBy()))
                .findFirst().orElseThrow().address();
        Lab.Ping ping = new Lab.Ping(2, ADDR);
        Lab.sleep(2000);
        Lab.CliResult r = Lab.cli("migrate", NAME, "--connect", Lab.uri(from), "--to", Lab.uri(to),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(to), "--output", "json");
        Lab.sleep(2000);
        Lab.PingLog pings = ping.stopWithReplies();
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode rep = r.json();
        StringBuilder steps = new StringBuilder();
        for (JsonNode s : rep.get("steps")) {
            steps.append(s.get("name").asText()).append('\n');
        }
        assertTrue(steps.toString().contains("NetworkManager: leave VF"), "the VF was taken out of NM's hands: "
                + steps);
        assertFalse(Lab.exists(from, NAME), "undefined on the source");
        assertBondedUnderNm(dom());
        System.out.print(nmcli(dom()));
        assertNull(Inventory.scan(Lab.host(from)).vf(srcVf).orElseThrow().usedBy(), "the source VF is free");
        BondSilences.assertBondCarriedTheGuest("DISTRO MIGRATION", rep, pings);
    }

    @Test
    @Order(4)
    void anAgentThatBlocksGuestExecIsRefusedBeforeAnythingChanges() throws Exception {
        int at = where();
        org.libvirt.Domain d = dom();
        String before = Host.xml(d, false);
        // qemu-ga reads /etc/qemu/qemu-ga.conf when it starts (QEMU docs, qemu-ga "-c"; --dump-conf shows the keys)
        Lab.inGuestNoWait(d, "printf '[general]\\nblock-rpcs=guest-exec,guest-exec-status\\n' > /etc/qemu/qemu-ga.conf"
                + " && systemctl restart qemu-guest-agent");
        Lab.awaitAgentWithoutGuestExec(d);
        Lab.CliResult m = Lab.cli("migrate", NAME, "--connect", Lab.uri(at), "--to", Lab.uri(3 - at),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(3 - at), "--output", "json");
        assertEquals(1, m.exit(), m.out() + m.err());
        String err = m.json().get("error").asText();
        System.out.println("DISTRO GUEST-EXEC BLOCKED: " + err);
        assertTrue(err.contains("refuses guest-exec, guest-exec-status") && err.contains("--mode failover")
                && err.contains("/etc/qemu/qemu-ga.conf"), err);
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(at), "--vf", freeVf(at).toString(), "--bond",
                "bond0");
        assertEquals(1, a.exit(), a.out() + a.err());
        assertTrue(a.err().contains("refuses guest-exec"), a.err());
        assertEquals(before, Host.xml(d, false), "nothing changed");
        assertFalse(Lab.exists(3 - at, NAME));
        assertEquals(0, Lab.onHost(2, Duration.ofSeconds(20), "/bin/ping", "-c", "3", "-W", "2", ADDR).exitCode(),
                "the guest still answers");
    }
}
