package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <maxphysaddr mode='passthrough' limit='64'/>} of host-model (formatdomaincaps.html#cpu-configuration).
 */
@XmlType(propOrder = {"extra"})
public class DomainCapsCpuMaxphysaddr extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "limit")
    private String limit;

    public DomainCapsCpuMaxphysaddr() {
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** Raw {@code limit} attribute, {@code null} if absent. */
    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }
}
