package io.passthru.xml.domain;

import io.passthru.xml.InvalidXmlValueException;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainAddressTest {
    private static DomainAddress address(String attrs) {
        String xml = "<hostdev mode='subsystem' type='pci'><address " + attrs + "/></hostdev>";
        return XmlCodec.unmarshal(xml, DomainHostdev.class).getAddress();
    }

    @Test
    void pciHexOrDecimalInRangeAndWrittenAsLibvirtDoes() {
        assertEquals(PciAddress.parse("0000:01:10.2"),
                address("type='pci' domain='0' bus='1' slot='16' function='2'").toPciAddress());
        assertEquals(PciAddress.parse("ffff:ff:1f.7"),
                address("type='pci' domain='0xffff' bus='0xff' slot='0x1f' function='0x7'").toPciAddress());
        String out = XmlCodec.marshal(DomainHostdev.pciVfio(PciAddress.of(0, 1, 16, 2)));
        assertTrue(out.contains("domain=\"0x0000\" bus=\"0x01\" slot=\"0x10\" function=\"0x2\""), out);
    }

    @Test
    void pciOutOfRangeIsAClearError() {
        InvalidXmlValueException e = assertThrows(InvalidXmlValueException.class,
                () -> address("type='pci' domain='0x0000' bus='0x00' slot='0x20' function='0x0'").toPciAddress());
        assertTrue(e.getMessage().contains("slot='0x20'") && e.getMessage().contains("0x0-0x1f"), e.getMessage());
        assertThrows(InvalidXmlValueException.class,
                () -> address("type='pci' domain='0x10000' bus='0' slot='0' function='0'").toPciAddress());
        assertThrows(InvalidXmlValueException.class,
                () -> address("type='pci' bus='256' slot='0' function='0'").toPciAddress());
        assertThrows(InvalidXmlValueException.class,
                () -> address("type='pci' bus='0' slot='0' function='8'").toPciAddress());
        assertThrows(InvalidXmlValueException.class, () -> address("type='drive' unit='1'").toPciAddress());
    }

    @Test
    void typedViewsPerAddressType() {
        assertEquals(new DomainAddress.Drive(0, 1, 0, 1), address("type='drive' controller='0' bus='1' unit='1'").drive());
        assertEquals(new DomainAddress.VirtioSerial(0, 0, 2),
                address("type='virtio-serial' controller='0' bus='0' port='2'").virtioSerial());
        assertEquals(new DomainAddress.Ccid(0, 0), address("type='ccid' controller='0' slot='0'").ccid());
        assertEquals(new DomainAddress.Usb(0, "1.2"), address("type='usb' bus='0' port='1.2'").usb());
        assertEquals(new DomainAddress.Ccw(0xfe, 0, 0x0a), address("type='ccw' cssid='0xfe' ssid='0x0' devno='0x000a'").ccw());
        assertEquals(0x2000L, address("type='spapr-vio' reg='0x00002000'").spaprVioReg());
        assertEquals(new DomainAddress.Isa(0x505, 5), address("type='isa' iobase='0x505' irq='5'").isa());
        assertEquals(new DomainAddress.Dimm(0, 0x100000000L), address("type='dimm' slot='0' base='0x100000000'").dimm());
        assertTrue(address("type='virtio-mmio'").isType("virtio-mmio"));
        assertThrows(InvalidXmlValueException.class, () -> address("type='ccw' cssid='0xff' ssid='0' devno='0'").ccw());
        assertThrows(InvalidXmlValueException.class, () -> address("type='usb' bus='0' port='1..2'").usb());
        assertThrows(InvalidXmlValueException.class, () -> address("type='pci'").drive());

        DomainAddress z = address("type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'");
        z.setZpciValues(new DomainAddress.Zpci(1, 0L));
        String out = XmlCodec.marshal(XmlCodec.unmarshal("<hostdev/>", DomainHostdev.class));
        assertTrue(out.startsWith("<hostdev"), out);
        assertEquals("0x0001", z.getZpci().getUid());
        assertEquals("0x00000000", z.getZpci().getFid());
        assertEquals(new DomainAddress.Zpci(1, 0L), z.zpciValues().orElseThrow());
        assertEquals("0xfe", DomainAddress.ccw(new DomainAddress.Ccw(0xfe, 0, 1)).getCssid());
        assertEquals("0x0001", DomainAddress.ccw(new DomainAddress.Ccw(0xfe, 0, 1)).getDevno());
        assertEquals("2", DomainAddress.drive(new DomainAddress.Drive(0, 0, 0, 2)).getUnit());
    }

    @Test
    void memoryUnitsFollowLibvirt() {
        assertEquals(1, DomainMemory.toKiB(1024, "b"));
        assertEquals(1, DomainMemory.toKiB(1024, "bytes"));
        assertEquals(1000, DomainMemory.toKiB(1024000, "B"));
        assertEquals(1, DomainMemory.toKiB(1, "k"));
        assertEquals(1, DomainMemory.toKiB(1, "KiB"));
        assertEquals(0, DomainMemory.toKiB(1, "KB"), "1000 bytes round down");
        assertEquals(1024, DomainMemory.toKiB(1, "M"));
        assertEquals(1024, DomainMemory.toKiB(1, "MiB"));
        assertEquals(976, DomainMemory.toKiB(1, "MB"));
        assertEquals(1048576, DomainMemory.toKiB(1, "GiB"));
        assertEquals(976562, DomainMemory.toKiB(1, "GB"));
        assertEquals(1073741824L, DomainMemory.toKiB(1, "TiB"));
        assertEquals(976562500L, DomainMemory.toKiB(1, "TB"));
        assertEquals(1099511627776L, DomainMemory.toKiB(1, "PiB"));
        assertEquals(5, DomainMemory.toKiB(5, null));
        assertThrows(InvalidXmlValueException.class, () -> DomainMemory.toKiB(1, "XB"));
        assertThrows(InvalidXmlValueException.class, () -> DomainMemory.toKiB(Long.MAX_VALUE, "EiB"));
    }
}
