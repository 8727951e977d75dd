package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <page size='1' unit='G' nodeset='0-3,5'/>} (formatdomain.html#memory-backing).
 */
@XmlType(propOrder = {"extra"})
public class DomainMemoryBackingHugepagesPage extends XmlCatchAll {
    @XmlAttribute(name = "size")
    private String size;
    @XmlAttribute(name = "unit")
    private String unit;
    @XmlAttribute(name = "nodeset")
    private String nodeset;

    public DomainMemoryBackingHugepagesPage() {
    }

    /** Raw {@code size} attribute, {@code null} if absent. */
    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    /** Raw {@code unit} attribute, {@code null} if absent. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /** Raw {@code nodeset} attribute, {@code null} if absent. */
    public String getNodeset() {
        return nodeset;
    }

    public void setNodeset(String nodeset) {
        this.nodeset = nodeset;
    }
}
