package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <section node='0' size='262144' unit='KiB'/>} (formatdomaincaps.html#sgx-capabilities).
 */
@XmlType(propOrder = {"extra"})
public class DomainCapsSgxSection extends XmlCatchAll {
    @XmlAttribute(name = "node")
    private String node;
    @XmlAttribute(name = "size")
    private String size;
    @XmlAttribute(name = "unit")
    private String unit;

    public DomainCapsSgxSection() {
    }

    /** Raw {@code node} attribute, {@code null} if absent. */
    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
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
}
