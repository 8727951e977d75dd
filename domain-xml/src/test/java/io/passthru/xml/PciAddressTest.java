package io.passthru.xml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PciAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"0000:01:10.2", "01:10.2", "pci_0000_01_10_2", " 0000:01:10.2\n", "0:1:10.2"})
    void parsesAllFormsToTheSameAddress(String text) {
        PciAddress a = PciAddress.parse(text);
        assertEquals(PciAddress.of(0, 1, 0x10, 2), a);
        assertEquals("0000:01:10.2", a.toString());
        assertEquals("pci_0000_01_10_2", a.nodeDeviceName());
    }

    @Test
    void hexDigitsAnyCaseAndMaxima() {
        PciAddress a = PciAddress.parse("FFFF:Ff:1f.7");
        assertEquals(0xffff, a.domain());
        assertEquals(0xff, a.bus());
        assertEquals(0x1f, a.slot());
        assertEquals(7, a.function());
        assertEquals("ffff:ff:1f.7", a.toString());
        assertEquals("pci_ffff_ff_1f_7", a.nodeDeviceName());
        assertEquals(a, PciAddress.parse(a.nodeDeviceName()));
    }

    @Test
    void outOfRangeNamesValueRangeAndFormat() {
        InvalidXmlValueException e = assertThrows(InvalidXmlValueException.class, () -> PciAddress.parse("0000:01:20.0"));
        assertTrue(e.getMessage().contains("0000:01:20.0"), e.getMessage());
        assertTrue(e.getMessage().contains("slot 0x20"), e.getMessage());
        assertTrue(e.getMessage().contains("0x0-0x1f"), e.getMessage());
        assertTrue(e.getMessage().contains("DDDD:BB:SS.F"), e.getMessage());

        assertTrue(assertThrows(InvalidXmlValueException.class, () -> PciAddress.parse("0000:01:10.8"))
                .getMessage().contains("function 0x8 is out of range 0x0-0x7"));
        assertTrue(assertThrows(InvalidXmlValueException.class, () -> PciAddress.parse("10000:01:10.0"))
                .getMessage().contains("domain 0x10000 is out of range 0x0-0xffff"));
        assertTrue(assertThrows(InvalidXmlValueException.class, () -> PciAddress.parse("0000:100:10.0"))
                .getMessage().contains("bus 0x100 is out of range 0x0-0xff"));
        assertTrue(assertThrows(InvalidXmlValueException.class, () -> PciAddress.of(0, 0, 32, 0))
                .getMessage().contains("slot 32 (0x20) is out of range 0x0-0x1f"));
        assertThrows(InvalidXmlValueException.class, () -> PciAddress.of(-1, 0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0000:01:10", "0000-01-10.2", "0000:01:10.2.3", "pci_0000_01_10", "zz:10.2", "01.10.2"})
    void malformedNamesTheExpectedFormat(String text) {
        InvalidXmlValueException e = assertThrows(InvalidXmlValueException.class, () -> PciAddress.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected DDDD:BB:SS.F"), e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(InvalidXmlValueException.class, () -> PciAddress.parse(null));
    }

    @Test
    void fromLibvirtAttributesHexOrDecimalMissingIsZero() {
        assertEquals(PciAddress.of(0, 6, 0x12, 2), PciAddress.fromXmlAttributes("0x0000", "0x06", "0x12", "0x2"));
        assertEquals(PciAddress.of(0, 6, 18, 2), PciAddress.fromXmlAttributes(null, "6", "18", "2"));
        InvalidXmlValueException e = assertThrows(InvalidXmlValueException.class,
                () -> PciAddress.fromXmlAttributes("0x0000", "0x06", "0x20", "0x0"));
        assertTrue(e.getMessage().contains("slot='0x20'") && e.getMessage().contains("0x0-0x1f"), e.getMessage());
        assertThrows(InvalidXmlValueException.class, () -> PciAddress.fromXmlAttributes("0x0000", "x", "0", "0"));
    }

    @Test
    void equalityHashAndOrder() {
        PciAddress a = PciAddress.parse("0000:01:10.2");
        assertEquals(a, PciAddress.parse("pci_0000_01_10_2"));
        assertEquals(a.hashCode(), PciAddress.parse("01:10.2").hashCode());
        assertNotEquals(a, PciAddress.parse("0000:01:10.3"));
        TreeSet<PciAddress> sorted = new TreeSet<>(List.of(PciAddress.parse("0001:00:00.0"),
                PciAddress.parse("0000:02:00.0"), PciAddress.parse("0000:01:1f.7"), PciAddress.parse("0000:01:10.2")));
        assertEquals("[0000:01:10.2, 0000:01:1f.7, 0000:02:00.0, 0001:00:00.0]", sorted.toString());
    }
}
