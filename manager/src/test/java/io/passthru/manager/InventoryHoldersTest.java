package io.passthru.manager;

import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who holds which PCI device, from domain definitions on libvirt's test driver (sriov-host.xml); the targeted reads
 * that stand in for a whole scan.
 */
class InventoryHoldersTest {
    private static final PciAddress VF0 = PciAddress.parse("0000:03:10.0");
    private static final PciAddress NIC = PciAddress.parse("0000:04:00.0");

    private Hosts hosts;
    private Host host;

    @BeforeEach
    void open() {
        hosts = new Hosts();
        host = hosts.open(TestDriver.sriovHost());
        new DomainDefiner().define(host, new DomainDefiner.Command("shutoff").memoryMiB(256)
                .vf(new PassthroughDevice.Vf(VF0, MacAddress.parse("52:54:00:00:00:10"), null, false))
                .pci(NIC), false);
    }

    @AfterEach
    void close() {
        hosts.close();
    }

    @Test
    void persistentDefinitionsOfShutOffDomainsHoldTheirDevices() {
        assertFalse(Host.isActive(host.domain("shutoff")));
        Map<PciAddress, List<String>> held = Inventory.definitionHolders(host);
        assertEquals(List.of("shutoff"), held.get(VF0), held.toString());
        assertEquals(List.of("shutoff"), held.get(NIC), held.toString());
        assertEquals(held, Inventory.holders(host), "with no domain running both views agree");
    }

    @Test
    void aDomainWithoutDevicesHoldsNothing() {
        new DomainDefiner().define(host, new DomainDefiner.Command("empty").memoryMiB(256), false);
        Map<PciAddress, List<String>> held = Inventory.definitionHolders(host);
        assertFalse(held.values().stream().anyMatch(names -> names.contains("empty")), held.toString());
        assertEquals(2, held.size(), held.toString());
    }

    @Test
    void withUsageTakesTodaysHoldersAndKeepsTheScannedNodeDevices() {
        Inventory scanned = Inventory.scan(host);
        PciAddress vf1 = scanned.vfs().stream().map(Inventory.Vf::address).filter(a -> !a.equals(VF0)).findFirst()
                .orElseThrow();
        assertEquals(null, scanned.vf(vf1).orElseThrow().usedBy());
        new DomainDefiner().define(host, new DomainDefiner.Command("later").memoryMiB(256)
                .vf(new PassthroughDevice.Vf(vf1, MacAddress.parse("52:54:00:00:00:11"), null, false)), false);

        Inventory now = scanned.withUsage(Inventory.usage(host));
        assertEquals("later", now.vf(vf1).orElseThrow().usedBy(), "the holder defined after the scan");
        assertEquals("later", now.function(vf1).orElseThrow().usedBy());
        assertEquals("shutoff", now.vf(VF0).orElseThrow().usedBy());
        assertEquals(scanned.vfs().stream().map(v -> List.of(v.address(), v.pf(), String.valueOf(v.driver()),
                String.valueOf(v.iommuGroup()))).toList(), now.vfs().stream().map(v -> List.of(v.address(), v.pf(),
                String.valueOf(v.driver()), String.valueOf(v.iommuGroup()))).toList(), "node device facts as scanned");
        assertEquals(scanned.pfs().size(), now.pfs().size());
        assertEquals(scanned.functions().size(), now.functions().size());
    }

    @Test
    void vfAndPfReadsTheVfAndItsPfAlone() {
        Inventory scanned = Inventory.scan(host);
        Inventory.Vf vf = scanned.vf(VF0).orElseThrow();
        Inventory.Pf pf = scanned.pf(vf.pf()).orElseThrow();
        Inventory.VfAndPf read = Inventory.vfAndPf(host, VF0).orElseThrow();
        assertEquals(new Inventory.VfAndPf(VF0, pf.address(), vf.vendorId(), vf.productId(), pf.vendorId(),
                pf.productId()), read);
        assertTrue(Inventory.vfAndPf(host, pf.address()).isEmpty(), "a PF is not a VF");
        assertTrue(Inventory.vfAndPf(host, PciAddress.parse("0000:7f:1f.7")).isEmpty(), "no such function");
    }

    @Test
    void asADestinationTransientRunningDomainsAreNotRead() throws Exception {
        PciAddress vf2 = Inventory.scan(host).vfs().stream().map(Inventory.Vf::address)
                .filter(a -> !a.equals(VF0)).reduce((a, b) -> b).orElseThrow();
        String xml = new DomainDefiner().define(host, new DomainDefiner.Command("arriving").memoryMiB(256)
                .vf(new PassthroughDevice.Vf(vf2, MacAddress.parse("52:54:00:00:00:12"), null, false)), true).xml();
        host.connect().domainCreateXML(xml, 0); // transient and running, as a guest being migrated in
        assertEquals("arriving", Inventory.scan(host).vf(vf2).orElseThrow().usedBy(), "a full scan reads it");
        Inventory dest = Inventory.scanAsDestination(host);
        assertEquals(null, dest.vf(vf2).orElseThrow().usedBy(), "as a destination its live XML is not read");
        assertEquals("shutoff", dest.vf(VF0).orElseThrow().usedBy(), "persistent definitions still count");
    }
}
