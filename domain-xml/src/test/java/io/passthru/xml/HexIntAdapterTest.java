package io.passthru.xml;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HexIntAdapterTest {

    @Test
    void readsHexWithPrefixAndDecimalOtherwise() {
        assertEquals(31, HexIntAdapter.parse("0x1f"));
        assertEquals(31, HexIntAdapter.parse("0X1F"));
        assertEquals(31, HexIntAdapter.parse("31"));
        assertEquals(10, HexIntAdapter.parse("010"));
        assertEquals(0, HexIntAdapter.parse(" 0x0000 "));
        assertEquals(Integer.MAX_VALUE, HexIntAdapter.parse("0x7fffffff"));
        assertNull(new HexIntAdapter().unmarshal(null));
    }

    @Test
    void writesLibvirtStylePerAttribute() {
        assertEquals("0x0000", new HexIntAdapter.PciDomain().marshal(0));
        assertEquals("0x00ab", new HexIntAdapter.PciDomain().marshal(0xab));
        assertEquals("0x01", new HexIntAdapter.PciBus().marshal(1));
        assertEquals("0xff", new HexIntAdapter.PciBus().marshal(255));
        assertEquals("0x10", new HexIntAdapter.PciSlot().marshal(16));
        assertEquals("0x02", new HexIntAdapter.PciSlot().marshal(2));
        assertEquals("0x2", new HexIntAdapter.PciFunction().marshal(2));
        assertEquals("0x1f", new HexIntAdapter().marshal(31));
        assertNull(new HexIntAdapter.PciBus().marshal(null));
    }

    @Test
    void rejectsGarbageNamingTheValue() {
        for (String bad : new String[] {"", "0x", "0xg", "-1", "1e3", "abc", "0x80000000", "99999999999"}) {
            InvalidXmlValueException e = assertThrows(InvalidXmlValueException.class, () -> HexIntAdapter.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(InvalidXmlValueException.class, () -> HexIntAdapter.parse(null));
    }
}
