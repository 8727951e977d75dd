package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <node id='0' bandwidth='60'/>} of a memorytune (formatdomain.html#cpu-tuning).
 */
@XmlType(propOrder = {"extra"})
public class DomainCputuneMemorytuneNode extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String id;
    @XmlAttribute(name = "bandwidth")
    private String bandwidth;

    public DomainCputuneMemorytuneNode() {
    }

    /** Raw {@code id} attribute, {@code null} if absent. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Raw {@code bandwidth} attribute, {@code null} if absent. */
    public String getBandwidth() {
        return bandwidth;
    }

    public void setBandwidth(String bandwidth) {
        this.bandwidth = bandwidth;
    }
}
