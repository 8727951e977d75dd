package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <numatune><memory mode='strict' nodeset='1-4,^3' placement='static'/>}; mode {@code interleave|strict|preferred|restrictive} (formatdomain.html#numa-node-tuning).
 */
@XmlType(propOrder = {"extra"})
public class DomainNumatuneMemory extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "nodeset")
    private String nodeset;
    @XmlAttribute(name = "placement")
    private String placement;

    public DomainNumatuneMemory() {
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** Raw {@code nodeset} attribute, {@code null} if absent. */
    public String getNodeset() {
        return nodeset;
    }

    public void setNodeset(String nodeset) {
        this.nodeset = nodeset;
    }

    /** Raw {@code placement} attribute, {@code null} if absent. */
    public String getPlacement() {
        return placement;
    }

    public void setPlacement(String placement) {
        this.placement = placement;
    }
}
