package io.passthru.xml.domain;

import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainBuildersTest {
    private static final PciAddress VF = PciAddress.parse("0000:01:10.2");

    @Test
    void hostdevVfInterfaceMarshalsExactly() {
        String xml = XmlCodec.marshal(DomainInterface.hostdevVf(VF, MacAddress.parse("52:54:00:AB:CD:EF")));
        assertEquals("""
                <interface type="hostdev" managed="yes">
                  <mac address="52:54:00:ab:cd:ef"/>
                  <source>
                    <address type="pci" domain="0x0000" bus="0x01" slot="0x10" function="0x2"/>
                  </source>
                  <driver name="vfio"/>
                </interface>
                """, xml);
        // the shape given in formatdomain.html#pci-passthrough, children in another order
        String doc = "<interface type='hostdev' managed='yes'><mac address='52:54:00:ab:cd:ef'/><driver name='vfio'/>"
                + "<source><address type='pci' domain='0x0000' bus='0x01' slot='0x10' function='0x2'/></source>"
                + "</interface>";
        assertFalse(TestData.similar(doc, xml).hasDifferences(), () -> TestData.similar(doc, xml).toString());
    }

    @Test
    void hostdevVfWithVlanAndTrustMarshalsExactly() {
        String xml = XmlCodec.marshal(DomainInterface.hostdevVf(VF, MacAddress.parse("52:54:00:ab:cd:ef"), 42, true));
        assertEquals("""
                <interface type="hostdev" managed="yes" trustGuestRxFilters="yes">
                  <mac address="52:54:00:ab:cd:ef"/>
                  <source>
                    <address type="pci" domain="0x0000" bus="0x01" slot="0x10" function="0x2"/>
                  </source>
                  <vlan>
                    <tag id="42"/>
                  </vlan>
                  <driver name="vfio"/>
                </interface>
                """, xml);
        DomainInterface back = XmlCodec.unmarshal(xml, DomainInterface.class);
        assertEquals(42, back.vlanTag().orElseThrow());
        assertEquals(Boolean.TRUE, back.getTrustGuestRxFilters());
        DomainInterface plain = DomainInterface.hostdevVf(VF, null, null, false);
        assertTrue(plain.vlanTag().isEmpty());
        assertNull(plain.getTrustGuestRxFiltersRaw(), "untrusted leaves the attribute out (libvirt's default: no)");
    }

    @Test
    void virtioNicsMarshalExactly() {
        assertEquals("""
                <interface type="bridge">
                  <source bridge="br0"/>
                  <model type="virtio"/>
                </interface>
                """, XmlCodec.marshal(DomainInterface.virtioBridge("br0", null)));
        assertEquals("""
                <interface type="network">
                  <mac address="52:54:00:00:00:01"/>
                  <source network="default"/>
                  <model type="virtio"/>
                </interface>
                """, XmlCodec.marshal(DomainInterface.virtioNetwork("default", MacAddress.parse("52:54:00:00:00:01"))));
    }

    @Test
    void hostdevVfWithoutMacHasNoMacElement() {
        DomainInterface i = DomainInterface.hostdevVf(VF, null);
        assertNull(i.getMac());
        assertFalse(XmlCodec.marshal(i).contains("<mac"));
        assertEquals(VF, XmlCodec.unmarshal(XmlCodec.marshal(i), DomainInterface.class).sourcePciAddress().orElseThrow());
    }

    @Test
    void pciVfioHostdevMarshalsExactly() {
        String xml = XmlCodec.marshal(DomainHostdev.pciVfio(PciAddress.parse("0000:3b:02.7")));
        assertEquals("""
                <hostdev mode="subsystem" type="pci" managed="yes">
                  <driver name="vfio"/>
                  <source>
                    <address domain="0x0000" bus="0x3b" slot="0x02" function="0x7"/>
                  </source>
                </hostdev>
                """, xml);
        DomainHostdev back = XmlCodec.unmarshal(xml, DomainHostdev.class);
        assertEquals(PciAddress.parse("0000:3b:02.7"), back.sourcePciAddress().orElseThrow());
        assertEquals(Boolean.TRUE, back.getManaged());
        assertEquals("vfio", back.getDriver().getName());
    }

    @Test
    void pcieRootPortAndGuestAgent() {
        assertEquals("<controller type=\"pci\" index=\"7\" model=\"pcie-root-port\"/>\n",
                XmlCodec.marshal(DomainController.pcieRootPort(7)));
        String agent = XmlCodec.marshal(DomainChannel.guestAgent());
        assertEquals("""
                <channel type="unix">
                  <source mode="bind"/>
                  <target type="virtio" name="org.qemu.guest_agent.0"/>
                </channel>
                """, agent);
        // same as libvirt's own hot-plug test fragment
        String libvirt = TestData.read("hotplug-devices/qemuhotplug-qemu-agent.xml");
        DomainChannel c = XmlCodec.unmarshal(libvirt, DomainChannel.class);
        assertTrue(c.isGuestAgent());
        assertEquals("bind", c.getSource().getMode());
        assertEquals("virtio-serial", c.getAddress().getType());
    }

    @Test
    void domainAddressPciFactoryAndAccessors() {
        DomainAddress a = DomainAddress.pci(PciAddress.of(0x1234, 0xab, 0x1f, 7));
        assertEquals("pci", a.getType());
        assertEquals("0x1234", a.getDomain());
        assertEquals("0xab", a.getBus());
        assertEquals("0x1f", a.getSlot());
        assertEquals("0x7", a.getFunction());
        assertTrue(a.isPci());
        assertEquals(PciAddress.of(0x1234, 0xab, 0x1f, 7), a.toPciAddress());
        DomainAddress drive = new DomainAddress();
        drive.setType("drive");
        assertFalse(drive.isPci());
        assertTrue(drive.pciAddress().isEmpty());
    }

    @Test
    void addFindAndRemoveDevicesInADomain() {
        Domain d = XmlCodec.unmarshal(TestData.read("domain/hostdev-vfio.x86_64-latest.xml"), Domain.class);
        DomainDevices devs = d.getDevices();
        int before = devs.getDevices().size();
        PciAddress vf = PciAddress.parse("0000:81:02.1");
        assertTrue(devs.findBySourcePci(vf).isEmpty());

        DomainInterface nic = DomainInterface.hostdevVf(vf, MacAddress.parse("52:54:00:00:00:01"));
        devs.add(nic);
        devs.add(DomainController.pcieRootPort(9));
        Domain back = XmlCodec.unmarshal(XmlCodec.marshal(d), Domain.class);
        Object found = back.getDevices().findBySourcePci(vf).orElseThrow();
        assertTrue(found instanceof DomainInterface);
        assertEquals("52:54:00:00:00:01", ((DomainInterface) found).macAddress().orElseThrow().toString());
        assertEquals(before + 2, back.getDevices().getDevices().size());
        assertTrue(back.getDevices().getDevices().get(before + 1) instanceof DomainController);

        assertTrue(devs.remove(nic));
        assertFalse(devs.remove(nic));
        assertTrue(devs.findBySourcePci(vf).isEmpty());
    }

    @Test
    void addRejectsNonDevices() {
        DomainDevices devs = new DomainDevices();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> devs.add("disk"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> devs.add(new DomainAlias()));
    }
}
