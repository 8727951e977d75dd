package io.passthru.xml.domcaps;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <section_size unit='KiB'>262144</section_size>} (formatdomaincaps.html#sgx-capabilities).
 */
public class DomainCapsSgxSectionSize extends XmlAttributeCatchAll {
    @XmlAttribute(name = "unit")
    private String unit;
    @XmlValue
    private String value;

    public DomainCapsSgxSectionSize() {
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
