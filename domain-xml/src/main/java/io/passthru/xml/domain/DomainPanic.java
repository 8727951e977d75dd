package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <panic model='isa'|'pseries'|'hyperv'|'s390'|'pvpanic'|...>} (formatdomain.html#panic-device).
 */
@XmlRootElement(name = "panic")
@XmlType(propOrder = {"alias", "address", "extra"})
public class DomainPanic extends XmlCatchAll {
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "alias")
    private DomainAlias alias;
    @XmlElement(name = "address")
    private DomainAddress address;

    public DomainPanic() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public DomainAlias getAlias() {
        return alias;
    }

    public void setAlias(DomainAlias alias) {
        this.alias = alias;
    }

    /** Guest-side address. */
    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }
}
