package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.pool.DeviceType;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan's per-device logic: which devices the live XML holds, the operator's {@code --strategy} choices, and the
 * destination's equivalents (same kind and ids, held by no domain, allowed by the pool and the assignment rules).
 */
class DevicePlannerTest {
    static final PciAddress NVME = PciAddress.parse("0000:06:00.0");
    static final PciAddress NVME2 = PciAddress.parse("0000:07:00.0");
    static final PciAddress NVME3 = PciAddress.parse("0000:08:00.0");
    static final PciAddress AUDIO = PciAddress.parse("0000:08:00.1");
    static final PciAddress OTHER = PciAddress.parse("0000:09:00.0");

    static final String LIVE = "<domain type='kvm'><name>g</name><devices>"
            + "<interface type='hostdev' managed='yes'><mac address='52:54:00:00:00:01'/><source>"
            + "<address type='pci' domain='0x0000' bus='0x01' slot='0x10' function='0x0'/></source>"
            + "<alias name='hostdev0'/><address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x0'/>"
            + "</interface>"
            + "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' "
            + "slot='0x00' function='0x0'/></source><alias name='hostdev1'/><address type='pci' domain='0x0000' "
            + "bus='0x07' slot='0x00' function='0x0'/></hostdev>"
            + "<hostdev mode='subsystem' type='mdev' model='vfio-pci'><source><address "
            + "uuid='c2177883-f1bb-47f0-914d-32a22e3a8804'/></source><alias name='hostdev2'/></hostdev>"
            + "</devices></domain>";

    static Domain live() {
        return XmlCodec.unmarshal(LIVE, Domain.class);
    }

    static Operation.Device nvme() {
        List<DevicePlanner.Held> held = DevicePlanner.held(live());
        return DevicePlanner.entry(held.get(1), "pci", "0x144d", "0xa808", null, null, true);
    }

    /** NVME2 free; NVME3 shares its IOMMU group with an audio function on a host driver; OTHER another product. */
    static Inventory destination(String nvme2User) {
        return Inventory.of("test:///dest", List.of(), List.of(
                new Inventory.PciFunction(NVME2, DeviceType.PCI, null, "0x144d", "0xa808", "0x010802", "nvme", 21,
                        List.of(NVME2), 0, nvme2User),
                new Inventory.PciFunction(NVME3, DeviceType.PCI, null, "0x144d", "0xa808", "0x010802", null, 22,
                        List.of(NVME3, AUDIO), 0, null),
                new Inventory.PciFunction(AUDIO, DeviceType.PCI, null, "0x8086", "0x1234", "0x040300",
                        "snd_hda_intel", 22, List.of(NVME3, AUDIO), 0, null),
                new Inventory.PciFunction(OTHER, DeviceType.PCI, null, "0x144d", "0xa80a", "0x010802", null, 23,
                        List.of(OTHER), 0, null)));
    }

    @Test
    void theLiveXmlsDevicesWithTheirGuestAddressesInOrder() {
        List<DevicePlanner.Held> held = DevicePlanner.held(live());
        assertEquals(List.of("vf", "pci", "mdev"), held.stream().map(DevicePlanner.Held::kind).toList());
        assertEquals(PciAddress.parse("0000:07:00.0"), held.get(1).guestAddress());
        Operation.Device d = nvme();
        assertEquals("0000:07:00.0", d.guestAddress);
        assertEquals("hostdev1", d.alias);
        assertEquals(MigrationPlan.HOTPLUG, d.strategy);
        MigrationPlan.Entry mdev = DevicePlanner.unmovable(held.get(2));
        assertTrue(mdev.refusal().contains("mdev"), mdev.refusal());
    }

    @Test
    void anEquivalentIsHeldByNoDomainHasTheSameIdsAndPassesTheAssignmentRules() {
        // NVME2 is bound to its host driver: libvirt's managed hostdev takes it (attach --pci does the same);
        // NVME3's group holds an audio function on a host driver; OTHER is another product
        assertEquals(List.of(NVME2), DevicePlanner.equivalents(destination(null), "g", nvme(), null));
        assertEquals(List.of(), DevicePlanner.equivalents(destination("other-guest"), "g", nvme(), null));
        // a pool that does not allow the product leaves nothing
        DevicePool vfsOnly = DevicePool.parse("{\"device_spec\": [{\"vendor_id\": \"8086\", \"product_id\": "
                + "\"10ca\"}], \"alias\": []}");
        assertEquals(List.of(), DevicePlanner.equivalents(destination(null), "g", nvme(), vfsOnly));
        DevicePool nvmes = DevicePool.parse("{\"device_spec\": [{\"vendor_id\": \"144d\", \"product_id\": "
                + "\"a808\"}], \"alias\": []}");
        assertEquals(List.of(NVME2), DevicePlanner.equivalents(destination(null), "g", nvme(), nvmes));
    }

    @Test
    void aPfWhoseVfsExistIsNeverTheEquivalentOfAWholePf() {
        PciAddress busy = PciAddress.parse("0000:01:00.0");
        PciAddress spare = PciAddress.parse("0000:03:00.0");
        Inventory.Vf vf = new Inventory.Vf(PciAddress.parse("0000:01:10.0"), busy, "0x8086", "0x10ca", null, 40, 0,
                null);
        Inventory inv = Inventory.of("test:///dest", List.of(
                new Inventory.Pf(busy, "eth1", "up", "0x8086", "0x10c9", "igb", 7, 0, List.of(vf)),
                new Inventory.Pf(spare, "eth3", "up", "0x8086", "0x10c9", "igb", 7, 0, List.of())), List.of(
                new Inventory.PciFunction(busy, DeviceType.PF, null, "0x8086", "0x10c9", "0x020000", "igb", 31,
                        List.of(busy), 0, null),
                new Inventory.PciFunction(spare, DeviceType.PF, null, "0x8086", "0x10c9", "0x020000", "igb", 33,
                        List.of(spare), 0, null)));
        Operation.Device pf = nvme();
        pf.kind = "pf";
        pf.vendorId = "0x8086";
        pf.productId = "0x10c9";
        assertEquals(List.of(spare), DevicePlanner.equivalents(inv, "g", pf, null));
    }

    @Test
    void strategyChoicesNameHeldDevicesAndStrategiesThatFitThem() {
        List<DevicePlanner.Held> held = DevicePlanner.held(live());
        assertEquals(Map.of("hostdev0", "hotplug"), DevicePlanner.checkChoices(Map.of("0000:01:10.0", "hotplug"),
                held, "g"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () ->
                DevicePlanner.checkChoices(Map.of("hostdev9", "hotplug"), held, "g"));
        assertTrue(e.getMessage().contains("[hostdev0, hostdev1, hostdev2]"), e.getMessage());
        e = assertThrows(InvalidRequestException.class, () ->
                DevicePlanner.checkChoices(Map.of("hostdev1", "bond"), held, "g"));
        assertTrue(e.getMessage().contains("not a VF interface: it moves by hotplug, or by state"), e.getMessage());
        e = assertThrows(InvalidRequestException.class, () ->
                DevicePlanner.checkChoices(Map.of("hostdev0", "teleport"), held, "g"));
        assertTrue(e.getMessage().contains("unknown strategy"), e.getMessage());
    }

    @Test
    void thePlanTextNamesEachDeviceItsStrategyAndTheRefusals() {
        Operation.Device d = nvme();
        d.destAddress = NVME2.toString();
        MigrationPlan p = new MigrationPlan("g", "qemu:///a", "qemu:///b", "plain", List.of(
                DevicePlanner.planEntry(d, null), DevicePlanner.unmovable(DevicePlanner.held(live()).get(2))),
                List.of());
        assertFalse(p.movable());
        String text = p.describe();
        assertTrue(text.contains("hostdev1 pci  0000:06:00.0  guest 0000:07:00.0  144d:a808  hotplug -> "
                + "0000:07:00.0, guest hooks told"), text);
        assertTrue(text.contains("hostdev2 mdev") && text.contains("CANNOT MOVE"), text);
        assertEquals(List.of("hotplug"), MigrationPlan.strategiesFor(DeviceType.PCI));
        assertEquals(4, MigrationPlan.strategiesFor(DeviceType.VF).size());
    }
}
