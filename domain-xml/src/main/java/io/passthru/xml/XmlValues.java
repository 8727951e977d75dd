package io.passthru.xml;

/**
 * Conversions between the raw strings the model stores and typed values, with errors that name the attribute,
 * the bad value and what is allowed.
 */
public final class XmlValues {
    private XmlValues() {
    }

    /** {@code "yes"} → true, {@code "no"} → false, {@code null} → null (libvirt's virTristateBool). */
    public static Boolean yesNo(String raw, String name) {
        if (raw == null) {
            return null;
        }
        return switch (raw.trim()) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> throw new InvalidXmlValueException(name + "='" + raw + "' is invalid: expected 'yes' or 'no'");
        };
    }

    /** true → {@code "yes"}, false → {@code "no"}, null → null. */
    public static String yesNo(Boolean value) {
        return value == null ? null : value ? "yes" : "no";
    }

    /** {@code "on"} → true, {@code "off"} → false, {@code null} → null (libvirt's virTristateSwitch). */
    public static Boolean onOff(String raw, String name) {
        if (raw == null) {
            return null;
        }
        return switch (raw.trim()) {
            case "on" -> Boolean.TRUE;
            case "off" -> Boolean.FALSE;
            default -> throw new InvalidXmlValueException(name + "='" + raw + "' is invalid: expected 'on' or 'off'");
        };
    }

    /** true → {@code "on"}, false → {@code "off"}, null → null. */
    public static String onOff(Boolean value) {
        return value == null ? null : value ? "on" : "off";
    }

    /**
     * Non-negative int from decimal or {@code 0x} hex text, {@code null} stays {@code null}.
     *
     * @throws InvalidXmlValueException naming {@code name} and the bad value
     */
    public static Integer integer(String raw, String name) {
        if (raw == null) {
            return null;
        }
        try {
            return HexIntAdapter.parse(raw);
        } catch (InvalidXmlValueException e) {
            throw new InvalidXmlValueException(name + "='" + raw
                    + "' is invalid: expected a number 0-2147483647 (decimal, or hex with 0x prefix)", e);
        }
    }

    /**
     * Non-negative long from decimal text, {@code null} stays {@code null}.
     *
     * @throws InvalidXmlValueException naming {@code name} and the bad value
     */
    public static Long decimalLong(String raw, String name) {
        if (raw == null) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new InvalidXmlValueException(name + "='" + raw
                + "' is invalid: expected a decimal number 0-9223372036854775807");
    }

    /** Decimal text of a value, {@code null} stays {@code null}. */
    public static String decimal(Number value) {
        return value == null ? null : value.toString();
    }
}
