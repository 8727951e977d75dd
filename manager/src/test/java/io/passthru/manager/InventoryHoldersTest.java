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

/** Who holds which PCI device, from domain definitions on libvirt's test driver (sriov-host.xml). */
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
}
