package io.passthru.xml.domain;

import io.passthru.xml.InvalidXmlValueException;
import io.passthru.xml.XmlAttributeCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

import java.math.BigInteger;
import java.util.Locale;

/**
 * {@code <memory unit='KiB'>219136</memory>} and {@code <currentMemory>}
 * (formatdomain.html#memory-allocation). Unit absent means KiB.
 */
public class DomainMemory extends XmlAttributeCatchAll {
    @XmlAttribute(name = "unit")
    private String unit;
    @XmlValue
    private String valueRaw;

    public DomainMemory() {
    }

    /** {@code b|bytes|KB|k|KiB|MB|M|MiB|GB|G|GiB|TB|T|TiB|PB|P|PiB|EB|E|EiB}, {@code null} = KiB. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /** Raw text. */
    public String getValueRaw() {
        return valueRaw;
    }

    public void setValueRaw(String valueRaw) {
        this.valueRaw = valueRaw;
    }

    /** Value in {@link #getUnit()} units, or {@code null} if empty. */
    public Long getValue() {
        return valueRaw == null || valueRaw.isBlank() ? null : XmlValues.decimalLong(valueRaw, "memory");
    }

    public void setValue(Long value) {
        this.valueRaw = XmlValues.decimal(value);
    }

    /** Memory of {@code kib} KiB with {@code unit='KiB'}. */
    public static DomainMemory ofKiB(long kib) {
        DomainMemory m = new DomainMemory();
        m.unit = "KiB";
        m.valueRaw = Long.toString(kib);
        return m;
    }

    /**
     * Value converted to KiB (rounded down), by libvirt's unit rules (formatdomain.html#memory-allocation):
     * {@code b}, {@code byte}, {@code bytes} are bytes; {@code k}, {@code KiB} (1 letter or letter + {@code iB})
     * are powers of 1024 ({@code K/M/G/T/P/E}); letter + {@code B} ({@code KB}, {@code MB}, ...) are powers of 1000;
     * case does not matter; no unit means KiB.
     *
     * @throws InvalidXmlValueException for an unknown unit, a missing value or an overflow
     */
    public long toKiB() {
        Long v = getValue();
        if (v == null) {
            throw new InvalidXmlValueException("memory has no value");
        }
        return toKiB(v, unit);
    }

    /**
     * Converts {@code value} in {@code unit} ({@code null} or empty: KiB) to KiB, rounded down; rules as
     * {@link #toKiB()}.
     *
     * @throws InvalidXmlValueException for an unknown unit or if the result does not fit a long
     */
    public static long toKiB(long value, String unit) {
        BigInteger bytes = BigInteger.valueOf(value).multiply(bytesPerUnit(unit));
        BigInteger kib = bytes.shiftRight(10);
        if (kib.bitLength() > 63) {
            throw new InvalidXmlValueException("memory " + value + " " + unit + " is too large");
        }
        return kib.longValue();
    }

    /**
     * Bytes per {@code unit} by libvirt's rules ({@code virScaleInteger}, see {@link #toKiB()}).
     *
     * @throws InvalidXmlValueException for an unknown unit, naming the allowed ones
     */
    public static BigInteger bytesPerUnit(String unit) {
        if (unit == null || unit.isEmpty()) {
            return BigInteger.valueOf(1024);
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return BigInteger.ONE;
        }
        int power = "kmgtpe".indexOf(u.charAt(0));
        String rest = u.substring(1);
        if (power >= 0) {
            if (rest.isEmpty() || rest.equals("ib")) {
                return BigInteger.valueOf(1024).pow(power + 1);
            }
            if (rest.equals("b")) {
                return BigInteger.valueOf(1000).pow(power + 1);
            }
        }
        throw new InvalidXmlValueException("memory unit='" + unit + "' is invalid: expected b, bytes, k, KiB, KB, "
                + "M, MiB, MB, G, GiB, GB, T, TiB, TB, P, PiB, PB, E, EiB or EB");
    }
}
