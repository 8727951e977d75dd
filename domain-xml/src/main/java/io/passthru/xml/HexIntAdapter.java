package io.passthru.xml;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

import java.util.Locale;

/**
 * JAXB adapter for the numbers libvirt writes in hexadecimal (PCI address attributes, see
 * formatdomain.html#device-addresses). Reads {@code "0x1f"} (hex, prefix {@code 0x} or {@code 0X}) or {@code "31"}
 * (decimal otherwise); writes in libvirt's own style, which depends on the attribute: the nested classes
 * {@link PciDomain} ({@code 0x%04x}), {@link PciBus} ({@code 0x%02x}), {@link PciSlot} ({@code 0x%02x}) and
 * {@link PciFunction} ({@code 0x%x}); this base class writes {@code 0x%x}.
 *
 * <p>Note: libvirt itself parses these attributes with {@code strtoul(..., 0)}, so a leading {@code 0} means octal
 * there; libvirt never writes such values, and this class reads them as decimal.
 */
public class HexIntAdapter extends XmlAdapter<String, Integer> {
    private final String format;

    public HexIntAdapter() {
        this("0x%x");
    }

    protected HexIntAdapter(String format) {
        this.format = format;
    }

    @Override
    public Integer unmarshal(String text) {
        return text == null ? null : parse(text);
    }

    @Override
    public String marshal(Integer value) {
        return value == null ? null : format(value);
    }

    /** Formats a value in this adapter's style, e.g. {@code 0x0000} for {@link PciDomain}. */
    public String format(int value) {
        return String.format(Locale.ROOT, format, value);
    }

    /**
     * Parses {@code "0x1f"} (hex) or {@code "31"} (decimal) into a non-negative int.
     *
     * @throws InvalidXmlValueException if the text is empty, not a number, negative or above {@code 0x7fffffff}
     */
    public static int parse(String text) {
        if (text == null) {
            throw new InvalidXmlValueException("missing number: expected hex with 0x prefix (e.g. 0x1f) or decimal (e.g. 31)");
        }
        String t = text.trim();
        boolean hex = t.startsWith("0x") || t.startsWith("0X");
        String digits = hex ? t.substring(2) : t;
        int radix = hex ? 16 : 10;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            throw new InvalidXmlValueException("invalid number '" + text
                    + "': expected hex with 0x prefix (e.g. 0x1f) or decimal (e.g. 31), range 0-0x7fffffff");
        }
        long v = Long.parseLong(digits, radix);
        if (v > Integer.MAX_VALUE) {
            throw new InvalidXmlValueException("number '" + text + "' is out of range 0-0x7fffffff");
        }
        return (int) v;
    }

    /** PCI domain attribute: written as {@code 0x%04x} (e.g. {@code 0x0000}). */
    public static final class PciDomain extends HexIntAdapter {
        public PciDomain() {
            super("0x%04x");
        }
    }

    /** PCI bus attribute: written as {@code 0x%02x} (e.g. {@code 0x01}). */
    public static final class PciBus extends HexIntAdapter {
        public PciBus() {
            super("0x%02x");
        }
    }

    /** PCI slot attribute: written as {@code 0x%02x} (e.g. {@code 0x10}). */
    public static final class PciSlot extends HexIntAdapter {
        public PciSlot() {
            super("0x%02x");
        }
    }

    /** PCI function attribute: written as {@code 0x%x} (e.g. {@code 0x2}). */
    public static final class PciFunction extends HexIntAdapter {
        public PciFunction() {
            super("0x%x");
        }
    }
}
