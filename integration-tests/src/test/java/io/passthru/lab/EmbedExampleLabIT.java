package io.passthru.lab;

import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.examples.EmbedExample;
import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedding example ({@link EmbedExample}) on the nested lab: through the Java API only, a free VF of host 1 is
 * hot-plugged into a running guest, bonded as the active slave, and the guest is live-migrated to host 2, where it
 * must run with a VF of host 2 as the bond's active slave.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedExampleLabIT {
    static final String NAME = "it-embed";
    static final String MAC = "52:54:00:a1:00:60";
    static final String ADDR = "192.0.2.60";
    static final String BOND = "bond0";

    @AfterAll
    void cleanup() {
        Lab.removeGuest(1, NAME);
        Lab.removeGuest(2, NAME);
    }

    @Test
    @Tag(Lab.EXTENDED)
    void attachesAVfAndMigratesWithItThroughTheJavaApi() throws Exception {
        Lab.startGuest(1, NAME, MAC, ADDR + "/24");
        PciAddress sourceVf = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree).findFirst()
                .orElseThrow(() -> new AssertionError("no free VF on host 1")).address();

        EmbedExample.Result r = EmbedExample.attachAndMigrate(Lab.HOSTS, Lab.uri(1), Lab.uri(2), NAME, sourceVf,
                MacAddress.parse(MAC), BOND, "tcp://" + Lab.migrationAddress(2));
        System.out.printf("EMBED: attached %s as %s, migrated in %d ms (VF gap %d ms) to VF %s%n", r.attach().vf(),
                r.sourceLink(), r.migration().totalMs(), r.migration().vfGapMs(), r.migration().destVf());

        // what the example reports
        assertEquals(sourceVf, r.attach().vf());
        assertEquals(MAC, r.attach().mac());
        assertEquals(sourceVf, r.migration().sourceVf());
        assertEquals(BOND, r.migration().bond());
        assertTrue(r.migration().vfGapMs() > 0, "the bond ran on the virtual NIC for a while");

        // the guest left host 1 and runs, persistently, on host 2
        assertFalse(Lab.exists(1, NAME), "undefined on the source");
        org.libvirt.Domain moved = Lab.host(2).domain(NAME);
        assertTrue(Host.isActive(moved) && Host.isPersistent(moved));

        // with a VF of host 2's PF, bound to vfio-pci, that libvirt's XML and the report agree on
        Domain live = XmlCodec.unmarshal(Host.xml(moved, false), Domain.class);
        DomainInterface vfIf = live.devices().interfaces().stream().filter(DomainInterface::isHostdev).findFirst()
                .orElseThrow(() -> new AssertionError("no hostdev interface on host 2"));
        PciAddress destVf = vfIf.sourcePciAddress().orElseThrow();
        assertEquals(r.migration().destVf(), destVf);
        Inventory dst = Inventory.scan(Lab.host(2));
        Inventory.Vf v = dst.vf(destVf).orElseThrow();
        assertEquals(NAME, v.usedBy());
        assertEquals("vfio-pci", v.driver());
        assertTrue(dst.pf(v.pf()).isPresent(), "a VF of host 2's PF");

        // inside the guest: the VF (same MAC) is the bond's active slave
        GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(moved)));
        GuestLink link = net.findPciByMac(MAC).orElseThrow(() -> new AssertionError("no VF with " + MAC));
        assertEquals(BOND, link.master());
        assertEquals(link.name(), net.bond(BOND).activeSlave());
        assertNotEquals(r.migration().backupSlave(), net.bond(BOND).activeSlave());

        // host 1's VF is free again
        assertNull(Inventory.scan(Lab.host(1)).vf(sourceVf).orElseThrow().usedBy());
    }
}
