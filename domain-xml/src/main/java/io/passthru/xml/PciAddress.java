package io.passthru.xml;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host or guest PCI address {@code domain:bus:slot.function}, e.g. {@code 0000:01:10.2}.
 *
 * <p>Ranges are libvirt's (formatdomain.html#device-addresses; {@code virPCIDeviceAddress}): domain
 * {@code 0..0xFFFF}, bus {@code 0..0xFF}, slot {@code 0..0x1F}, function {@code 0..0x7}. Immutable; equal when all
 * four numbers are equal; ordered by domain, bus, slot, function.
 */
public final class PciAddress implements Comparable<PciAddress> {
    public static final int MAX_DOMAIN = 0xFFFF;
    public static final int MAX_BUS = 0xFF;
    public static final int MAX_SLOT = 0x1F;
    public static final int MAX_FUNCTION = 0x7;

    private static final String FORMATS =
            "expected DDDD:BB:SS.F (hex, e.g. 0000:01:10.2), BB:SS.F (domain 0) or pci_DDDD_BB_SS_F (node device name)";
    private static final Pattern COLON = Pattern.compile(
            "(?:([0-9a-fA-F]+):)?([0-9a-fA-F]+):([0-9a-fA-F]+)\\.([0-9a-fA-F]+)");
    private static final Pattern NODEDEV = Pattern.compile(
            "pci_([0-9a-fA-F]+)_([0-9a-fA-F]+)_([0-9a-fA-F]+)_([0-9a-fA-F]+)");

    private final int domain;
    private final int bus;
    private final int slot;
    private final int function;

    /**
     * @throws InvalidXmlValueException if a number is outside libvirt's range
     */
    public PciAddress(int domain, int bus, int slot, int function) {
        String text = String.format(Locale.ROOT, "%x:%x:%x.%x", domain, bus, slot, function);
        check(text, "domain", domain, MAX_DOMAIN);
        check(text, "bus", bus, MAX_BUS);
        check(text, "slot", slot, MAX_SLOT);
        check(text, "function", function, MAX_FUNCTION);
        this.domain = domain;
        this.bus = bus;
        this.slot = slot;
        this.function = function;
    }

    public static PciAddress of(int domain, int bus, int slot, int function) {
        return new PciAddress(domain, bus, slot, function);
    }

    /**
     * Parses {@code "0000:01:10.2"}, {@code "01:10.2"} (domain 0) or libvirt's node device name
     * {@code "pci_0000_01_10_2"}; all numbers hex, any case; surrounding blanks ignored.
     *
     * @throws InvalidXmlValueException naming the bad value, the allowed range and the expected formats
     */
    public static PciAddress parse(String text) {
        if (text == null) {
            throw new InvalidXmlValueException("missing PCI address: " + FORMATS);
        }
        String t = text.trim();
        Matcher m = NODEDEV.matcher(t);
        if (!m.matches()) {
            m = COLON.matcher(t);
            if (!m.matches()) {
                throw new InvalidXmlValueException("invalid PCI address '" + text + "': " + FORMATS);
            }
        }
        int d = m.group(1) == null ? 0 : hex(text, "domain", m.group(1), MAX_DOMAIN);
        int b = hex(text, "bus", m.group(2), MAX_BUS);
        int s = hex(text, "slot", m.group(3), MAX_SLOT);
        int f = hex(text, "function", m.group(4), MAX_FUNCTION);
        return new PciAddress(d, b, s, f);
    }

    /**
     * Builds an address from libvirt XML attribute values ({@code domain='0x0000' bus='0x01' slot='0x10'
     * function='0x2'}, hex with 0x or decimal, see {@link HexIntAdapter#parse}); a missing attribute counts as 0,
     * as in libvirt's {@code virPCIDeviceAddressParseXML}.
     *
     * @throws InvalidXmlValueException if a value is not a number or out of range
     */
    public static PciAddress fromXmlAttributes(String domain, String bus, String slot, String function) {
        return new PciAddress(attr("domain", domain, MAX_DOMAIN), attr("bus", bus, MAX_BUS),
                attr("slot", slot, MAX_SLOT), attr("function", function, MAX_FUNCTION));
    }

    private static int attr(String name, String value, int max) {
        if (value == null) {
            return 0;
        }
        int v;
        try {
            v = HexIntAdapter.parse(value);
        } catch (InvalidXmlValueException e) {
            throw new InvalidXmlValueException("invalid PCI address attribute " + name + "='" + value
                    + "': expected hex with 0x prefix or decimal, range 0x0-0x" + Integer.toHexString(max), e);
        }
        if (v > max) {
            throw new InvalidXmlValueException("PCI address attribute " + name + "='" + value
                    + "' is out of range 0x0-0x" + Integer.toHexString(max));
        }
        return v;
    }

    private static int hex(String text, String part, String digits, int max) {
        if (digits.length() > 8 || Long.parseLong(digits, 16) > max) {
            throw new InvalidXmlValueException("invalid PCI address '" + text + "': " + part + " 0x" + digits
                    + " is out of range 0x0-0x" + Integer.toHexString(max) + "; " + FORMATS);
        }
        return Integer.parseInt(digits, 16);
    }

    private static void check(String text, String part, int value, int max) {
        if (value < 0 || value > max) {
            throw new InvalidXmlValueException("invalid PCI address " + text + ": " + part + " " + value + " (0x"
                    + Integer.toHexString(value) + ") is out of range 0x0-0x" + Integer.toHexString(max));
        }
    }

    public int domain() {
        return domain;
    }

    public int bus() {
        return bus;
    }

    public int slot() {
        return slot;
    }

    public int function() {
        return function;
    }

    /** libvirt's node device name, e.g. {@code pci_0000_01_10_2} (see {@code virsh nodedev-list --cap pci}). */
    public String nodeDeviceName() {
        return String.format(Locale.ROOT, "pci_%04x_%02x_%02x_%x", domain, bus, slot, function);
    }

    /** Canonical form {@code 0000:01:10.2}, as in sysfs ({@code /sys/bus/pci/devices/0000:01:10.2}). */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04x:%02x:%02x.%x", domain, bus, slot, function);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PciAddress p && p.domain == domain && p.bus == bus && p.slot == slot
                && p.function == function;
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, bus, slot, function);
    }

    @Override
    public int compareTo(PciAddress o) {
        int c = Integer.compare(domain, o.domain);
        if (c == 0) {
            c = Integer.compare(bus, o.bus);
        }
        if (c == 0) {
            c = Integer.compare(slot, o.slot);
        }
        return c != 0 ? c : Integer.compare(function, o.function);
    }
}
