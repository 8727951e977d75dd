package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <hub type='usb'>} (formatdomain.html#hub-devices).
 */
@XmlRootElement(name = "hub")
@XmlType(propOrder = {"alias", "address", "extra"})
public class DomainHub extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "alias")
    private DomainAlias alias;
    @XmlElement(name = "address")
    private DomainAddress address;

    public DomainHub() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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
