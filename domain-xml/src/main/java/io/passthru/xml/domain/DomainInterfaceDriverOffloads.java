package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * The offload switches {@code csum tso4 tso6 ecn ufo} that the {@code <host>} and {@code <guest>} children of a
 * virtio-net {@code <driver>} share (formatdomain.html#network-interfaces); the subclasses name the element.
 */
@XmlTransient
public abstract class DomainInterfaceDriverOffloads extends XmlCatchAll {
    @XmlAttribute(name = "csum")
    private String csum;
    @XmlAttribute(name = "tso4")
    private String tso4;
    @XmlAttribute(name = "tso6")
    private String tso6;
    @XmlAttribute(name = "ecn")
    private String ecn;
    @XmlAttribute(name = "ufo")
    private String ufo;

    protected DomainInterfaceDriverOffloads() {
    }

    /** Raw {@code csum} attribute, {@code null} if absent. */
    public String getCsum() {
        return csum;
    }

    public void setCsum(String csum) {
        this.csum = csum;
    }

    /** Raw {@code tso4} attribute, {@code null} if absent. */
    public String getTso4() {
        return tso4;
    }

    public void setTso4(String tso4) {
        this.tso4 = tso4;
    }

    /** Raw {@code tso6} attribute, {@code null} if absent. */
    public String getTso6() {
        return tso6;
    }

    public void setTso6(String tso6) {
        this.tso6 = tso6;
    }

    /** Raw {@code ecn} attribute, {@code null} if absent. */
    public String getEcn() {
        return ecn;
    }

    public void setEcn(String ecn) {
        this.ecn = ecn;
    }

    /** Raw {@code ufo} attribute, {@code null} if absent. */
    public String getUfo() {
        return ufo;
    }

    public void setUfo(String ufo) {
        this.ufo = ufo;
    }
}
