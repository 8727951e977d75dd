package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * A size with unit, e.g. {@code <hard_limit unit='KiB'>1048576</hard_limit>} or {@code <tseg unit='MiB'>48</tseg>}: unit rules as for {@link DomainMemory} (formatdomain.html#memory-tuning).
 */
public class DomainScaledInteger extends XmlAttributeCatchAll {
    @XmlAttribute(name = "unit")
    private String unit;
    @XmlValue
    private String value;

    public DomainScaledInteger() {
    }

    /** Raw {@code unit} attribute, {@code null} if absent. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /** Element text, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
