package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration modes without a bond, on the nested lab: libvirt's virtio-net failover ({@code attach --failover},
 * {@code migrate --mode failover}, its rollback) and unplug-replug (the guest's address on the VF alone).
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverLabIT {
    static final String FO = "it-failover";
    static final String FO_MAC = "52:54:00:a1:00:50";
    static final String FO_ADDR = "192.0.2.50";
    static final String PLAIN = "it-unplug";
    static final String PLAIN_MAC = "52:54:00:a1:00:51";
    static final String PLAIN_ADDR = "192.0.2.51";

    org.libvirt.Domain fo;

    @AfterAll
    void cleanup() {
        for (String n : new String[] {FO, PLAIN}) {
            Lab.removeGuest(1, n);
            Lab.removeGuest(2, n);
        }
    }

    private static PciAddress freeVf(int host) {
        return Inventory.scan(Lab.host(host)).vfs().stream().filter(Inventory.Vf::isFree).findFirst().orElseThrow()
                .address();
    }

    private static DomainInterface vfInterface(org.libvirt.Domain dom) {
        Domain live = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
        return live.devices().interfaces().stream().filter(DomainInterface::isHostdev).findFirst()
                .orElseThrow(() -> new AssertionError("no VF interface in the live XML"));
    }

    /** The plain guest (tests 1 and 5) and the failover guest (tests 2 to 4) boot at once. */
    @BeforeAll
    void bootBothGuests() throws Exception {
        cleanup();
        Lab.startAll(Lab.definePlainGuest(1, PLAIN, PLAIN_MAC, PLAIN_ADDR + "/24"),
                Lab.defineFailoverGuest(1, FO, FO_MAC, FO_ADDR + "/24"));
        fo = Lab.host(1).domain(FO);
    }

    @Test
    @Order(1)
    void attachFailoverNeedsATeamedVirtioNic() throws Exception {
        // a bond guest's virtio NIC has no <teaming type='persistent'/>: refused, nothing attached
        org.libvirt.Domain plain = Lab.exists(1, PLAIN) ? Lab.host(1).domain(PLAIN)
                : Lab.startPlainGuest(1, PLAIN, PLAIN_MAC, PLAIN_ADDR + "/24");
        String before = Host.xml(plain, false);
        Lab.CliResult r = Lab.cli("attach", PLAIN, "--connect", Lab.uri(1), "--vf", freeVf(1).toString(),
                "--failover");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("teaming type='persistent'"), r.err());
        assertEquals(before, Host.xml(plain, false), "refused: the domain is unchanged");
    }

    @Test
    @Order(2)
    void attachFailoverPairsTheVfWithTheVirtioNic() throws Exception {
        if (!Lab.exists(1, FO)) {
            fo = Lab.startFailoverGuest(1, FO, FO_MAC, FO_ADDR + "/24");
        }
        PciAddress vf = freeVf(1);
        Lab.CliResult r = Lab.cli("attach", FO, "--connect", Lab.uri(1), "--vf", vf.toString(), "--failover");
        assertEquals(0, r.exit(), r.out() + r.err());
        DomainInterface i = vfInterface(fo);
        assertEquals("transient", i.getTeaming().getType());
        assertEquals(Lab.FAILOVER_ALIAS, i.getTeaming().getPersistent());
        assertEquals(FO_MAC, i.macAddress().orElseThrow().toString(), "the virtio NIC's MAC");
        Lab.failoverPrimary(fo, FO_MAC);
    }

    @Test
    @Order(3)
    void failedFailoverMigrationGetsTheVfBack() throws Exception {
        PciAddress vf = vfInterface(fo).sourcePciAddress().orElseThrow();
        // nothing listens on .99 of the migration link: passthru unplugs the VF, the migration fails, the rollback re-plugs it
        Lab.CliResult r = Lab.cli("migrate", FO, "--connect", Lab.uri(1), "--to", Lab.uri(2), "--mode", "failover",
                "--migrate-uri", "tcp://198.51.100.99", "--output", "json");
        assertEquals(1, r.exit(), r.out() + r.err());
        JsonNode j = r.json();
        assertEquals("failed", j.get("outcome").asText());
        assertTrue(j.get("rolledBack").asBoolean(), j.toString());
        assertFalse(Lab.exists(2, FO), "nothing left on host 2");
        assertEquals(vf, vfInterface(fo).sourcePciAddress().orElseThrow(), "the same VF on the source");
        Lab.failoverPrimary(fo, FO_MAC);
    }

    @Test
    @Order(4)
    void failoverMigrationKeepsAnsweringPings() throws Exception {
        PciAddress srcVf = vfInterface(fo).sourcePciAddress().orElseThrow();
        Lab.Ping ping = new Lab.Ping(2, FO_ADDR);
        Lab.sleep(2000);
        // --mode auto: the VF's <teaming type='transient'/> makes it a failover migration
        Lab.CliResult r = Lab.cli("migrate", FO, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "--output", "json");
        Lab.sleep(2000);
        Lab.PingLog pings = ping.stopWithReplies();
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode rep = r.json();
        assertEquals("failover", rep.get("mode").asText());
        long vfGap = rep.get("vfGapMs").asLong();
        long downtime = rep.get("migrationStats").get("downtime").asLong();
        System.out.printf("FAILOVER MIGRATION: total %d ms, VF gap %d ms, downtime %d ms, pings %d sent %d lost, "
                + "longest gap %d ms, silences %s%n%s%n", rep.get("totalMs").asLong(), vfGap, downtime,
                pings.transmitted(), pings.lost(), pings.longestGapMs(), pings.gapsOver(300), rep.get("steps"));
        assertFalse(Lab.exists(1, FO), "undefined on the source");
        org.libvirt.Domain moved = Lab.host(2).domain(FO);
        PciAddress destVf = vfInterface(moved).sourcePciAddress().orElseThrow();
        assertEquals(rep.get("destVf").asText(), destVf.toString());
        Inventory.Vf v = Inventory.scan(Lab.host(2)).vf(destVf).orElseThrow();
        assertEquals(FO, v.usedBy());
        assertEquals("vfio-pci", v.driver());
        Lab.failoverPrimary(moved, FO_MAC);
        assertNull(Inventory.scan(Lab.host(1)).vf(srcVf).orElseThrow().usedBy(), "the source VF is free");
        // the guest kept answering while its VF was away (on the virtio standby): the longest silence is the
        // switch-over's pause plus the guest's failover, far below the VF gap (unplug-replug is silent throughout)
        assertTrue(pings.transmitted() > 50, "pinged " + pings.transmitted());
        assertTrue(pings.longestGapMs() < Math.max(downtime + 2000, vfGap / 3), "longest gap "
                + pings.longestGapMs() + " ms, VF gap " + vfGap + " ms, downtime " + downtime + " ms");
    }

    @Test
    @Order(5)
    void unplugReplugMovesTheVfAndTheGuestIsOfflineInBetween() throws Exception {
        if (!Lab.exists(1, PLAIN)) {
            Lab.startPlainGuest(1, PLAIN, PLAIN_MAC, PLAIN_ADDR + "/24");
        }
        PciAddress srcVf = freeVf(1);
        Lab.CliResult a = Lab.cli("attach", PLAIN, "--connect", Lab.uri(1), "--vf", srcVf.toString(), "--mac",
                PLAIN_MAC);
        assertEquals(0, a.exit(), a.out() + a.err());
        // the bond mode refuses a VF without a bond, naming the other mode
        Lab.CliResult refused = Lab.cli("migrate", PLAIN, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2));
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("--mode unplug-replug"), refused.err());
        // what it found: the plain guest loads no bond (bonding with max_bonds=0), and nothing manages its links
        assertTrue(refused.err().contains("the guest has no bond device")
                && refused.err().contains("passthru attach --bond"), refused.err());
        Lab.Ping ping = new Lab.Ping(2, PLAIN_ADDR);
        Lab.sleep(2000);
        Lab.CliResult r = Lab.cli("migrate", PLAIN, "--connect", Lab.uri(1), "--to", Lab.uri(2), "--mode",
                "unplug-replug", "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "--output", "json");
        Lab.sleep(3000);
        Lab.PingLog pings = ping.stopWithReplies();
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode rep = r.json();
        assertEquals("unplug-replug", rep.get("mode").asText());
        long vfGap = rep.get("vfGapMs").asLong();
        System.out.printf("UNPLUG-REPLUG MIGRATION: total %d ms, VF gap %d ms, pings %d sent %d lost, longest gap "
                + "%d ms%n", rep.get("totalMs").asLong(), vfGap, pings.transmitted(), pings.lost(),
                pings.longestGapMs());
        org.libvirt.Domain moved = Lab.host(2).domain(PLAIN);
        PciAddress destVf = vfInterface(moved).sourcePciAddress().orElseThrow();
        assertEquals(PLAIN, Inventory.scan(Lab.host(2)).vf(destVf).orElseThrow().usedBy());
        GuestLink vf = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(moved))).findPciByMac(PLAIN_MAC)
                .orElseThrow();
        assertNull(vf.master(), "no bond: the VF carries the address itself");
        // the outage is the VF gap: the guest is silent from the unplug until its VF is back on the destination
        assertTrue(pings.longestGapMs() >= vfGap / 2, "longest gap " + pings.longestGapMs() + " ms over a VF gap of "
                + vfGap + " ms");
        long lastReply = pings.replies().get(pings.replies().size() - 1).epochMs();
        long firstReply = pings.replies().get(0).epochMs();
        assertTrue(lastReply - firstReply > pings.longestGapMs(), "the guest answered again on the destination VF");
    }
}
