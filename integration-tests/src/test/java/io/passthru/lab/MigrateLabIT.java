package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.Inventory;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * passthru migrate on the nested lab: a guest with a VF bonded to a virtio NIC moves from host 1 to host 2 while a
 * peer on the lab wire pings it; a migration to an unreachable address rolls back; a second guest moves the same way
 * peer-to-peer ({@code --p2p-uri}: host 1's libvirtd drives the migration, reaching host 2 over the migration link).
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrateLabIT {
    static final String NAME = "it-migrate";
    static final String MAC = "52:54:00:a1:00:20";
    static final String ADDR = "192.0.2.20";

    static final String P2P_NAME = "it-migrate-p2p";
    static final String P2P_MAC = "52:54:00:a1:00:21";
    static final String P2P_ADDR = "192.0.2.21";

    org.libvirt.Domain dom;
    PciAddress sourceVf;

    @AfterAll
    void cleanup() {
        Lab.removeGuest(1, NAME);
        Lab.removeGuest(2, NAME);
        Lab.removeGuest(1, P2P_NAME);
        Lab.removeGuest(2, P2P_NAME);
    }

    private void guestWithVfOnHost1() throws Exception {
        dom = Lab.startGuest(1, NAME, MAC, ADDR + "/24");
        sourceVf = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree).findFirst()
                .orElseThrow().address();
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--vf", sourceVf.toString(), "--mac", MAC,
                "--bond", "bond0");
        assertEquals(0, a.exit(), a.err());
    }

    @Test
    @Order(1)
    @Tag(Lab.EXTENDED) // slow (56-118 s on the lab): the test command stays under 45 minutes
    void failedMigrationRollsBack() throws Exception {
        guestWithVfOnHost1();
        // nothing listens on .99 of the migration link: the migration itself fails after the VF was unplugged
        Lab.CliResult r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://198.51.100.99", "--output", "json");
        assertEquals(1, r.exit(), r.out());
        JsonNode j = r.json();
        assertEquals("failed", j.get("outcome").asText());
        assertTrue(j.get("step").asText().startsWith("live migrate"), j.toString());
        assertTrue(j.get("rolledBack").asBoolean(), j.toString());
        assertTrue(Lab.exists(1, NAME) && Host.isActive(Lab.host(1).domain(NAME)), "still running on host 1");
        assertFalse(Lab.exists(2, NAME), "nothing left on host 2");
        GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(dom)));
        GuestLink vf = net.findPciByMac(MAC).orElseThrow(() -> new AssertionError("VF not re-plugged"));
        assertEquals("bond0", vf.master());
        assertEquals(vf.name(), net.bond("bond0").activeSlave(), "VF is the active slave again");
        assertEquals(NAME, Inventory.scan(Lab.host(1)).vf(sourceVf).orElseThrow().usedBy());
    }

    @Test
    @Tag(Lab.EXTENDED) // with its guest's boot 75 s: FaultLabIT's destination without a free VF keeps a pre-check refusal in the main tier
    @Order(2)
    void destinationOnAnotherPhysicalNetworkIsRefusedBeforeAnyChange() throws Exception {
        if (!Lab.exists(1, NAME)) {
            guestWithVfOnHost1();
        }
        String spec = "{\"device_spec\": [{\"vendor_id\": \"8086\", \"product_id\": \"10ca\", "
                + "\"physical_network\": \"%s\"}], \"alias\": []}";
        java.nio.file.Path src = java.nio.file.Files.createTempFile("pool-src", ".json");
        java.nio.file.Path dst = java.nio.file.Files.createTempFile("pool-dst", ".json");
        java.nio.file.Files.writeString(src, String.format(spec, "physnet-a"));
        java.nio.file.Files.writeString(dst, String.format(spec, "physnet-b"));
        String before = Host.xml(dom, false);
        Lab.CliResult r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "--pool", src.toString(),
                "--dest-pool", dst.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("on physical network physnet-a"), r.err());
        assertEquals(before, Host.xml(dom, false), "pre-check failure: nothing changed");
        assertFalse(Lab.exists(2, NAME));
    }

    @Test
    @Tag(Lab.EXTENDED) // 41 s and its guest: the peer-to-peer test below runs the same bond migration under pings, and so does the demo
    @Order(3)
    void migratesWithVfAndKeepsAnsweringPings() throws Exception {
        if (!Lab.exists(1, NAME)) {
            guestWithVfOnHost1();
        }
        Lab.Ping ping = new Lab.Ping(2, ADDR); // the peer on host 2's side of the lab wire
        Lab.sleep(2000);
        Lab.CliResult r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "--output", "json");
        Lab.sleep(2000);
        Lab.PingLog pings = ping.stopWithReplies();
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode rep = r.json();

        // the guest runs on host 2, persistently, and is gone from host 1
        assertFalse(Lab.exists(1, NAME), "undefined on the source");
        org.libvirt.Domain moved = Lab.host(2).domain(NAME);
        assertTrue(Host.isActive(moved) && Host.isPersistent(moved));
        // its VF belongs to host 2's PF and is bound to vfio-pci there
        Domain live = XmlCodec.unmarshal(Host.xml(moved, false), Domain.class);
        DomainInterface vfIf = live.devices().interfaces().stream().filter(DomainInterface::isHostdev).findFirst()
                .orElseThrow();
        PciAddress destVf = vfIf.sourcePciAddress().orElseThrow();
        assertEquals(rep.get("destVf").asText(), destVf.toString());
        Inventory dst = Inventory.scan(Lab.host(2));
        Inventory.Vf v = dst.vf(destVf).orElseThrow();
        assertEquals(NAME, v.usedBy());
        assertEquals("vfio-pci", v.driver());
        assertTrue(dst.pf(v.pf()).isPresent(), "VF of host 2's PF");
        // it is the bond's active slave in the guest
        GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(moved)));
        GuestLink gl = net.findPciByMac(MAC).orElseThrow();
        assertEquals(gl.name(), net.bond("bond0").activeSlave());
        // the source VF is released
        assertNull(Inventory.scan(Lab.host(1)).vf(sourceVf).orElseThrow().usedBy());
        // the guest answered the peer during the whole migration: no silence near the VF gap
        assertTrue(rep.get("vfGapMs").asLong() > 0 && rep.get("migrationStats").get("downtime").asLong() > 0);
        BondSilences.assertBondCarriedTheGuest("MIGRATION", rep, pings);
    }

    @Test
    @Order(4)
    void migratesPeerToPeerWithVfAndKeepsAnsweringPings() throws Exception {
        // host 1's libvirtd reaches host 2's over the migration link, not through this machine's port forward
        String p2pUri = "qemu+tcp://" + Lab.migrationAddress(2) + "/system";
        Lab.removeGuest(1, P2P_NAME);
        Lab.removeGuest(2, P2P_NAME);
        org.libvirt.Domain guest = Lab.startGuest(1, P2P_NAME, P2P_MAC, P2P_ADDR + "/24");
        String uuid = guest.getUUIDString();
        PciAddress vf = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree).findFirst()
                .orElseThrow().address();
        Lab.CliResult a = Lab.cli("attach", P2P_NAME, "--connect", Lab.uri(1), "--vf", vf.toString(), "--mac",
                P2P_MAC, "--bond", "bond0");
        assertEquals(0, a.exit(), a.err());

        Lab.Ping ping = new Lab.Ping(2, P2P_ADDR);
        Lab.sleep(2000);
        Lab.CliResult r = Lab.cli("migrate", P2P_NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--p2p-uri", p2pUri, "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "--output", "json");
        Lab.sleep(2000);
        Lab.PingLog pings = ping.stopWithReplies();
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode rep = r.json();
        System.out.printf("P2P MIGRATION: %s bytes in %s ms%n", rep.get("migrationStats").get("data_total"),
                rep.get("migrationStats").get("time_elapsed"));
        assertEquals(p2pUri, rep.get("p2pUri").asText(), "the report says the migration was peer-to-peer");

        // the guest runs on host 2 only: shut off or gone on host 1 (undefined there), running and persistent on 2
        assertTrue(!Lab.exists(1, P2P_NAME) || !Host.isActive(Lab.host(1).domain(P2P_NAME)), "not running on host 1");
        org.libvirt.Domain moved = Lab.host(2).domain(uuid);
        assertTrue(Host.isActive(moved) && Host.isPersistent(moved));
        // with a VF of host 2's PF, bound to vfio-pci there
        Domain live = XmlCodec.unmarshal(Host.xml(moved, false), Domain.class);
        PciAddress destVf = live.devices().interfaces().stream().filter(DomainInterface::isHostdev).findFirst()
                .orElseThrow().sourcePciAddress().orElseThrow();
        assertEquals(rep.get("destVf").asText(), destVf.toString());
        Inventory dst = Inventory.scan(Lab.host(2));
        Inventory.Vf v = dst.vf(destVf).orElseThrow();
        assertEquals(P2P_NAME, v.usedBy());
        assertEquals("vfio-pci", v.driver());
        assertTrue(dst.pf(v.pf()).isPresent(), "VF of host 2's PF");
        // the VF is the bond's active slave in the guest, and the guest answered the peer throughout
        GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(moved)));
        GuestLink gl = net.findPciByMac(P2P_MAC).orElseThrow();
        assertEquals(gl.name(), net.bond("bond0").activeSlave());
        assertNull(Inventory.scan(Lab.host(1)).vf(vf).orElseThrow().usedBy(), "source VF released");
        assertTrue(rep.get("migrationStats").get("downtime").asLong() > 0);
        BondSilences.assertBondCarriedTheGuest("P2P MIGRATION", rep, pings);
        // the operation is over: no record left in the domain's metadata nor in the journal mirror
        OperationJournal journal = new OperationJournal();
        assertTrue(journal.read(moved).isEmpty(), "no operation record left: " + journal.read(moved));
        assertTrue(journal.readMirror(uuid).isEmpty(), "no mirrored record left: " + journal.readMirror(uuid));
    }
}
