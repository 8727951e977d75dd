package io.passthru.xml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MacAddressTest {

    @Test
    void normalisesToLowerCaseTwoDigits() {
        assertEquals("52:54:00:ab:cd:ef", MacAddress.parse("52:54:00:AB:cd:ef").toString());
        assertEquals("52:54:00:0a:0b:0c", MacAddress.parse("52-54-0-a-B-c").toString());
        assertEquals(MacAddress.parse("52:54:00:ab:cd:ef"), MacAddress.parse(" 52:54:00:AB:CD:EF "));
        assertEquals(MacAddress.parse("52:54:00:ab:cd:ef").hashCode(), MacAddress.parse("52:54:00:AB:CD:EF").hashCode());
        assertArrayEquals(new byte[] {0x52, 0x54, 0, (byte) 0xab, (byte) 0xcd, (byte) 0xef},
                MacAddress.parse("52:54:00:ab:cd:ef").octets());
        assertEquals("52:54:00:ab:cd:ef", MacAddress.of(MacAddress.parse("52:54:00:ab:cd:ef").octets()).toString());
    }

    @Test
    void multicastBit() {
        assertTrue(MacAddress.parse("01:00:5e:00:00:01").isMulticast());
        assertFalse(MacAddress.parse("52:54:00:00:00:01").isMulticast());
    }

    @ParameterizedTest
    @ValueSource(strings = {"52:54:00:ab:cd", "52:54:00:ab:cd:ef:01", "52:54:00:ab:cd:eg", "52:54:00:ab:cd:123",
            "52:54::ab:cd:ef", "", "525400abcdef"})
    void rejectsMalformedWithClearMessage(String text) {
        InvalidXmlValueException e = assertThrows(InvalidXmlValueException.class, () -> MacAddress.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 6 octets"), e.getMessage());
    }

    @Test
    void rejectsNullAndWrongLength() {
        assertThrows(InvalidXmlValueException.class, () -> MacAddress.parse(null));
        assertThrows(InvalidXmlValueException.class, () -> MacAddress.of(new byte[5]));
    }
}
