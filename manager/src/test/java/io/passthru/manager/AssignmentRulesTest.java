package io.passthru.manager;

import io.passthru.manager.error.DeviceNotAssignableException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.pool.DeviceType;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules on inventories the test driver cannot express (it drops node devices' drivers): group members bound to
 * host drivers.
 */
class AssignmentRulesTest {
    private static final PciAddress GPU = PciAddress.parse("0000:05:00.0");
    private static final PciAddress AUDIO = PciAddress.parse("0000:05:00.1");
    private static final PciAddress PORT = PciAddress.parse("0000:00:1c.0");
    private static final List<PciAddress> GROUP = List.of(PORT, GPU, AUDIO);

    private static Inventory host(String audioDriver, String audioUser) {
        return Inventory.of("test:///rules", List.of(), List.of(
                new Inventory.PciFunction(PORT, DeviceType.PCI, null, "0x8086", "0xa110", "0x060400", "pcieport", 30,
                        GROUP, null, null),
                new Inventory.PciFunction(GPU, DeviceType.PCI, null, "0x10de", "0x1db6", "0x030000", null, 30, GROUP,
                        0, null),
                new Inventory.PciFunction(AUDIO, DeviceType.PCI, null, "0x10de", "0x10f2", "0x040300", audioDriver,
                        30, GROUP, 0, audioUser)));
    }

    private static List<PassthroughDevice> gpu() {
        return List.of(new PassthroughDevice.Hostdev(GPU, DeviceType.PCI));
    }

    @Test
    void groupMemberOnAHostDriverIsNamedAndTheBridgeIsNot() {
        DeviceNotAssignableException e = assertThrows(DeviceNotAssignableException.class,
                () -> AssignmentRules.check(host("snd_hda_intel", null), "vm1", gpu()));
        assertTrue(e.getMessage().contains("IOMMU group 30"), e.getMessage());
        assertTrue(e.getMessage().contains(AUDIO + " (bound to host driver snd_hda_intel)"), e.getMessage());
        assertFalse(e.getMessage().contains(PORT + " ("), "a bridge never blocks: " + e.getMessage());
        assertTrue(e.getMessage().contains("--pci ADDR"), "the fix is named: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was changed"), e.getMessage());
    }

    @Test
    void wholeGroupToOneGuestOrIsolatingDriverPasses() {
        // both functions to the same guest
        assertDoesNotThrow(() -> AssignmentRules.check(host("snd_hda_intel", null), "vm1", List.of(
                new PassthroughDevice.Hostdev(GPU, DeviceType.PCI), new PassthroughDevice.Hostdev(AUDIO, DeviceType.PCI))));
        // the other member already in this guest, unbound, or parked on vfio-pci / pci-stub
        assertDoesNotThrow(() -> AssignmentRules.check(host("vfio-pci", "vm1"), "vm1", gpu()));
        assertDoesNotThrow(() -> AssignmentRules.check(host(null, null), "vm1", gpu()));
        assertDoesNotThrow(() -> AssignmentRules.check(host("vfio-pci", null), "vm1", gpu()));
        assertDoesNotThrow(() -> AssignmentRules.check(host("pci-stub", null), "vm1", gpu()));
    }

    @Test
    void groupMemberInAnotherGuestBlocks() {
        DeviceNotAssignableException e = assertThrows(DeviceNotAssignableException.class,
                () -> AssignmentRules.check(host("vfio-pci", "other"), "vm1", gpu()));
        assertTrue(e.getMessage().contains(AUDIO + " (used by domain 'other')"), e.getMessage());
    }

    @Test
    void bridgesAndNamingTwiceAreRefused() {
        DeviceNotAssignableException bridge = assertThrows(DeviceNotAssignableException.class,
                () -> AssignmentRules.pci(host(null, null), PORT));
        assertTrue(bridge.getMessage().contains("PCI bridge"), bridge.getMessage());
        assertThrows(InvalidRequestException.class,
                () -> AssignmentRules.pci(host(null, null), PciAddress.parse("0000:09:00.0")));
        DeviceNotAssignableException twice = assertThrows(DeviceNotAssignableException.class,
                () -> AssignmentRules.check(host(null, null), "vm1", List.of(
                        new PassthroughDevice.Hostdev(GPU, DeviceType.PCI),
                        new PassthroughDevice.Hostdev(GPU, DeviceType.PCI))));
        assertTrue(twice.getMessage().contains("named twice"), twice.getMessage());
    }

    @Test
    void vlanOutOfRangeIsRefused() {
        assertThrows(InvalidRequestException.class, () -> new PassthroughDevice.Vf(GPU, null, 4096, false));
        assertThrows(InvalidRequestException.class, () -> new PassthroughDevice.Vf(GPU, null, -1, false));
        assertThrows(IllegalArgumentException.class, () -> new PassthroughDevice.Hostdev(GPU, DeviceType.VF));
    }
}
