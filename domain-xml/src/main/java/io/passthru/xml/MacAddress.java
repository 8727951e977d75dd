package io.passthru.xml;

import java.util.Arrays;
import java.util.Locale;

/**
 * A 48-bit MAC address, normalised to lower case with two hex digits per octet, e.g. {@code 52:54:00:ab:cd:ef}
 * (libvirt's {@code <mac address='..'/>}, formatdomain.html#network-interfaces). Immutable, value equality.
 */
public final class MacAddress {
    private static final String FORMAT =
            "expected 6 octets of 1-2 hex digits separated by ':' or '-' (e.g. 52:54:00:ab:cd:ef)";

    private final byte[] octets;

    private MacAddress(byte[] octets) {
        this.octets = octets;
    }

    /**
     * Parses {@code "52:54:00:AB:cd:ef"} (also {@code '-'} as separator, 1 or 2 digits per octet, as libvirt's
     * {@code virMacAddrParse} accepts).
     *
     * @throws InvalidXmlValueException naming the bad value and the expected format
     */
    public static MacAddress parse(String text) {
        if (text == null) {
            throw new InvalidXmlValueException("missing MAC address: " + FORMAT);
        }
        String t = text.trim();
        String[] parts = t.split("[:-]", -1);
        if (parts.length != 6) {
            throw new InvalidXmlValueException("invalid MAC address '" + text + "': has " + parts.length
                    + " octet(s); " + FORMAT);
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new InvalidXmlValueException("invalid MAC address '" + text + "': octet " + (i + 1) + " '" + p
                        + "' is not 00-ff; " + FORMAT);
            }
            b[i] = (byte) Integer.parseInt(p, 16);
        }
        return new MacAddress(b);
    }

    /** From 6 raw octets. */
    public static MacAddress of(byte[] octets) {
        if (octets == null || octets.length != 6) {
            throw new InvalidXmlValueException("invalid MAC address: need exactly 6 octets");
        }
        return new MacAddress(octets.clone());
    }

    /** Copy of the 6 octets. */
    public byte[] octets() {
        return octets.clone();
    }

    /** True if the group bit (least significant bit of the first octet) is set; libvirt rejects such guest MACs. */
    public boolean isMulticast() {
        return (octets[0] & 1) != 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", octets[i] & 0xff));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && Arrays.equals(m.octets, octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }
}
