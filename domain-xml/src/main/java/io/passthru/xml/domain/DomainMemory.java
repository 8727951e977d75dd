package io.passthru.xml.domain;

import io.passthru.xml.InvalidXmlValueException;
import io.passthru.xml.XmlAttributeCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

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

    /** {@code b|bytes|KB|k|KiB|MB|M|MiB|GB|G|GiB|TB|T|TiB}, {@code null} = KiB. */
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
     * Value converted to KiB (rounded down), following libvirt's unit rules (1000-based for KB/MB/GB/TB, 1024-based
     * for k/KiB/M/MiB/...).
     *
     * @throws InvalidXmlValueException for an unknown unit or a missing value
     */
    public long toKiB() {
        Long v = getValue();
        if (v == null) {
            throw new InvalidXmlValueException("memory has no value");
        }
        String u = unit == null ? "KiB" : unit;
        long bytesPerUnit = switch (u) {
            case "b", "bytes" -> 1L;
            case "KB" -> 1000L;
            case "k", "K", "KiB" -> 1L << 10;
            case "MB" -> 1000L * 1000;
            case "M", "MiB" -> 1L << 20;
            case "GB" -> 1000L * 1000 * 1000;
            case "G", "GiB" -> 1L << 30;
            case "TB" -> 1000L * 1000 * 1000 * 1000;
            case "T", "TiB" -> 1L << 40;
            default -> throw new InvalidXmlValueException("memory unit='" + u
                    + "' is invalid: expected b, bytes, KB, k, KiB, MB, M, MiB, GB, G, GiB, TB, T or TiB");
        };
        return java.math.BigInteger.valueOf(v).multiply(java.math.BigInteger.valueOf(bytesPerUnit))
                .shiftRight(10).longValueExact();
    }
}
