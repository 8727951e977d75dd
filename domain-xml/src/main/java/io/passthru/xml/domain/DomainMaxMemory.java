package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <maxMemory slots='16' unit='KiB'>1524288</maxMemory>} (formatdomain.html#memory-allocation).
 */
public class DomainMaxMemory extends XmlAttributeCatchAll {
    @XmlAttribute(name = "slots")
    private String slots;
    @XmlAttribute(name = "unit")
    private String unit;
    @XmlValue
    private String value;

    public DomainMaxMemory() {
    }

    /** Raw {@code slots} attribute, {@code null} if absent. */
    public String getSlots() {
        return slots;
    }

    public void setSlots(String slots) {
        this.slots = slots;
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
