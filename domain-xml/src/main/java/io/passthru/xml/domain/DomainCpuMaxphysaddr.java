package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <maxphysaddr mode='passthrough' limit='39'/>} (formatdomain.html#cpu-model-and-topology).
 */
@XmlType(propOrder = {"extra"})
public class DomainCpuMaxphysaddr extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "bits")
    private String bits;
    @XmlAttribute(name = "limit")
    private String limit;

    public DomainCpuMaxphysaddr() {
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** Raw {@code bits} attribute, {@code null} if absent. */
    public String getBits() {
        return bits;
    }

    public void setBits(String bits) {
        this.bits = bits;
    }

    /** Raw {@code limit} attribute, {@code null} if absent. */
    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }
}
