package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * What the {@code <target type='...' port='0'/>} of a {@code <serial>}, {@code <parallel>} or {@code <console>}
 * share (libvirt's {@code qemucdevTgtDef}); the subclasses' {@code propOrder} lists the inherited properties.
 */
@XmlTransient
public abstract class DomainQemuCdevTarget extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "port")
    private String portRaw;

    protected DomainQemuCdevTarget() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code port} attribute text, number (decimal or 0x hex). */
    public String getPortRaw() {
        return portRaw;
    }

    public void setPortRaw(String portRaw) {
        this.portRaw = portRaw;
    }

    /** {@code port} attribute as Integer, {@code null} if absent. */
    public Integer getPort() {
        return XmlValues.integer(portRaw, "port");
    }

    public void setPort(Integer port) {
        this.portRaw = XmlValues.decimal(port);
    }
}
