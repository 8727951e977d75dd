package io.passthru.xml.nodedev;

import io.passthru.xml.PciAddress;
import io.passthru.xml.RoundTrip;
import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed access to libvirt's node device XML (formatnode.html) on the corpus' SR-IOV PF and VF files. */
class NodeDeviceTest {

    private static NodeDevice read(String file) {
        return XmlCodec.unmarshal(TestData.read("nodedev/" + file), NodeDevice.class);
    }

    @Test
    void physicalFunctionWithVfs() {
        NodeDevice pf = read("pci_0000_02_10_7_sriov_vfs.xml");
        assertEquals("pci_0000_02_10_7", pf.getName());
        assertEquals("pci_0000_00_04_0", pf.getParent());
        assertEquals(PciAddress.parse("0000:02:10.7"), pf.pciAddress().orElseThrow());
        assertEquals(pf.getName(), pf.pciAddress().orElseThrow().nodeDeviceName());
        assertTrue(pf.isPhysicalFunction());
        assertFalse(pf.isVirtualFunction());
        assertEquals(List.of(PciAddress.parse("0000:02:00.2"), PciAddress.parse("0000:02:00.3"),
                PciAddress.parse("0000:02:00.4"), PciAddress.parse("0000:02:00.5")), pf.virtFunctions());
        assertTrue(pf.physFunction().isEmpty());
        assertEquals(OptionalInt.empty(), pf.maxVirtFunctions());
        assertEquals("0x8086", pf.vendorId());
        assertEquals("0x10ca", pf.productId());
        assertEquals("Intel Corporation", pf.pciCapability().orElseThrow().getVendor().getName());
        assertEquals("0xffffff", pf.pciCapability().orElseThrow().getPciClass());
        assertEquals(OptionalInt.of(31), pf.iommuGroup());
        assertEquals(List.of(PciAddress.parse("0000:02:10.7")), pf.iommuGroupMembers());
        assertEquals(OptionalInt.of(0), pf.numaNode());
        assertEquals(2, pf.pciCapability().orElseThrow().getPciExpress().getLinks().size());
        assertEquals("2.5", pf.pciCapability().orElseThrow().getPciExpress().getLinks().get(0).getSpeed());
        assertTrue(pf.driverName().isEmpty());
    }

    @Test
    void virtualFunctionKnowsItsPf() {
        NodeDevice vf = read("pci_0000_02_10_7_sriov.xml");
        assertTrue(vf.isVirtualFunction());
        assertFalse(vf.isPhysicalFunction());
        assertEquals(PciAddress.parse("0000:02:00.1"), vf.physFunction().orElseThrow());
        assertEquals(List.of(), vf.virtFunctions());
        assertEquals(OptionalInt.of(31), vf.iommuGroup());
    }

    @Test
    void pfWithZeroVfsEnabledButMaxCount() {
        NodeDevice pf = read("pci_0000_02_10_7_sriov_zero_vfs_max_count.xml");
        assertTrue(pf.isPhysicalFunction(), "maxCount 3 makes it a PF even with no VF enabled");
        assertEquals(OptionalInt.of(3), pf.maxVirtFunctions());
        assertEquals(List.of(), pf.virtFunctions());

        NodeDevice bf2 = read("pci_0000_42_00_0_vpd.xml");
        assertTrue(bf2.isPhysicalFunction());
        assertEquals(OptionalInt.of(16), bf2.maxVirtFunctions());
        assertEquals("0x15b3", bf2.vendorId());
        assertEquals(PciAddress.parse("0000:42:00.0"), bf2.pciAddress().orElseThrow());
        assertTrue(bf2.pciCapability().orElseThrow().capability("vpd").orElseThrow().getVpdFields().size() >= 1);
    }

    @Test
    void emptyVirtFunctionsIsNotAPf() {
        NodeDevice nic = read("pci_82579LM_network_adapter.xml");
        assertFalse(nic.isPhysicalFunction());
        assertFalse(nic.isVirtualFunction());
        assertEquals("e1000e", nic.driverName().orElseThrow());
        assertEquals(PciAddress.parse("0000:00:19.0"), nic.pciAddress().orElseThrow());
        assertEquals(OptionalInt.empty(), nic.iommuGroup());
        assertEquals(OptionalInt.empty(), nic.numaNode());
    }

    @Test
    void plainPciDeviceIommuGroupWithTwoMembers() {
        NodeDevice d = read("pci_8086_10c9_sriov_pf.xml");
        assertEquals(OptionalInt.of(12), d.iommuGroup());
        assertEquals(List.of(PciAddress.parse("0000:02:00.0"), PciAddress.parse("0000:02:00.1")), d.iommuGroupMembers());
    }

    @Test
    void netDevice() {
        NodeDevice net = read("net_00_13_02_b9_f9_d3.xml");
        assertEquals("eth0", net.netInterface().orElseThrow());
        assertEquals("00:13:02:b9:f9:d3", net.netAddress().orElseThrow());
        assertTrue(net.linkState().isEmpty());
        assertTrue(net.pciAddress().isEmpty());
        assertFalse(net.isPhysicalFunction());
        assertNull(net.vendorId());
        assertEquals("80211", net.netCapability().orElseThrow().getCapabilities().get(0).getType());
        assertEquals(12, net.netCapability().orElseThrow().getFeatures().size(), "12 <feature> typed");
        assertEquals("rx", net.netCapability().orElseThrow().getFeatures().get(0).getName());

        NodeDevice up = XmlCodec.unmarshal("<device><name>net_eth1_00_15_58_2f_e9_55</name><capability type='net'>"
                + "<interface>eth1</interface><address>00:15:58:2f:e9:55</address>"
                + "<link speed='10000' state='up'/></capability></device>", NodeDevice.class);
        assertEquals("up", up.linkState().orElseThrow());
        assertEquals("10000", up.netCapability().orElseThrow().getLink().getSpeed());
    }

    @Test
    void allNodeDeviceFilesRoundTrip() {
        RoundTrip.Result r = RoundTrip.run(TestData.xmlFiles("nodedev"));
        RoundTrip.report("roundtrip nodedev", r);
        assertTrue(r.files() > 40, "found only " + r.files());
        assertEquals(List.of(), r.failures());
    }

    @Test
    void mdevTypesOfAPciParentAnApMatrixAndAParentOfItsOwnClass() {
        assertEquals(List.of(new NodeDevice.MdevType("foo1", "bar1", "vfio-pci", 1),
                        new NodeDevice.MdevType("foo2", "bar2", "vfio-pci", 2)),
                read("pci_0000_02_10_7_mdev_types.xml").mdevTypes(), "nested in the pci capability");
        assertEquals(List.of(new NodeDevice.MdevType("vfio_ap-passthrough", "VFIO AP Passthrough Device", "vfio-ap",
                65536)), read("ap_matrix_mdev_types.xml").mdevTypes(), "nested in the ap_matrix capability");
        // as libvirt 11.3 shows Linux's mtty sample parent (measured on the lab): a top-level mdev_types capability
        // holding another
        NodeDevice mtty = XmlCodec.unmarshal("<device><name>mtty_mtty</name><path>/sys/devices/virtual/mtty/mtty"
                + "</path><parent>computer</parent><capability type='mdev_types'><capability type='mdev_types'>"
                + "<type id='mtty-1'><name>Single port serial</name><deviceAPI>vfio-pci</deviceAPI>"
                + "<availableInstances>24</availableInstances></type><type id='mtty-2'><name>Dual port serial</name>"
                + "<deviceAPI>vfio-pci</deviceAPI><availableInstances>12</availableInstances></type></capability>"
                + "</capability></device>", NodeDevice.class);
        assertEquals(List.of(new NodeDevice.MdevType("mtty-1", "Single port serial", "vfio-pci", 24),
                new NodeDevice.MdevType("mtty-2", "Dual port serial", "vfio-pci", 12)), mtty.mdevTypes());
        assertTrue(read("pci_0000_02_10_7_sriov_vfs.xml").mdevTypes().isEmpty(), "a VF parents no mdevs");
    }

    @Test
    void anMdevsTypeUuidAndParentAddress() {
        NodeDevice m = read("mdev_3627463d_b7f0_4fea_b468_f1da537d301b.xml");
        assertEquals(java.util.Optional.of("mtty-1"), m.mdevTypeId());
        NodeDevice started = XmlCodec.unmarshal("<device><name>mdev_b1ae8bf6_38b0_4c81_9d44_78ce3f520496_mtty</name>"
                + "<parent>mtty_mtty</parent><capability type='mdev'><type id='mtty-2'/><uuid>"
                + "b1ae8bf6-38b0-4c81-9d44-78ce3f520496</uuid><parent_addr>mtty</parent_addr><iommuGroup number='0'/>"
                + "</capability></device>", NodeDevice.class);
        assertEquals(java.util.Optional.of("mtty-2"), started.mdevTypeId());
        assertEquals(java.util.Optional.of("b1ae8bf6-38b0-4c81-9d44-78ce3f520496"), started.mdevUuid());
        assertEquals(java.util.Optional.of("mtty"), started.mdevParentAddress());
        assertFalse(read("pci_0000_02_10_7_sriov_vfs.xml").mdevTypeId().isPresent());
    }

    @Test
    void mdevTypesOfACssParentNameTheirDeviceApi() {
        assertEquals(List.of(new NodeDevice.MdevType("vfio_ccw-io", "I/O subchannel (Non-QDIO)", "vfio-ccw", 1)),
                read("css_0_0_fffe_mdev_types.xml").mdevTypes(), "nested in the css capability");
    }

    @Test
    void everyMdevOfTheCorpusHasAUuidAndATypeItsNameAgreesWith() {
        // with <uuid> (libvirt 7.3's mdevs), and without: the UUID is then read from the node device name
        assertEquals(java.util.Optional.of("d069d019-36ea-4111-8f0a-8c9a70e21366"),
                read("mdev_d069d019_36ea_4111_8f0a_8c9a70e21366.xml").mdevUuid());
        assertEquals(java.util.Optional.of("3627463d-b7f0-4fea-b468-f1da537d301b"),
                read("mdev_3627463d_b7f0_4fea_b468_f1da537d301b.xml").mdevUuid(), "from the name");
        assertEquals(java.util.Optional.of("ee0b88c4-f554-4dc1-809d-b2a01e8e48ad"),
                read("mdev_ee0b88c4_f554_4dc1_809d_b2a01e8e48ad.xml").mdevUuid(), "a name with '-' in the UUID");
        int mdevs = 0;
        for (java.nio.file.Path p : TestData.xmlFiles("nodedev")) {
            String file = p.getFileName().toString();
            if (!file.startsWith("mdev_")) {
                continue;
            }
            NodeDevice d = XmlCodec.unmarshal(TestData.read(p), NodeDevice.class);
            String uuid = d.mdevUuid().orElseThrow(() -> new AssertionError(file + ": no UUID"));
            assertEquals(file.substring(5, 5 + 36).replace('_', '-'), uuid, file);
            assertTrue(d.mdevTypeId().isPresent(), file + ": no type");
            assertTrue(d.mdevTypes().isEmpty(), file + ": an mdev parents no mdevs");
            mdevs++;
        }
        assertTrue(mdevs >= 10, "found only " + mdevs + " mdev samples");
        // a device that is no mdev has none, whatever its name
        NodeDevice notMdev = XmlCodec.unmarshal("<device><name>mdev_3627463d_b7f0_4fea_b468_f1da537d301b</name>"
                + "<capability type='system'/></device>", NodeDevice.class);
        assertTrue(notMdev.mdevUuid().isEmpty());
        NodeDevice badName = XmlCodec.unmarshal("<device><name>mdev_not_a_uuid</name><capability type='mdev'>"
                + "<type id='mtty-1'/></capability></device>", NodeDevice.class);
        assertTrue(badName.mdevUuid().isEmpty(), "no UUID in the name either");
    }
}
