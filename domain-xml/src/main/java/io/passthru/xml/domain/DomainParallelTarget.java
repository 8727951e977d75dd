package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target port='0'/>} of a parallel port.
 */
@XmlType(propOrder = {"extra"})
public class DomainParallelTarget extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "port")
    private String portRaw;

    public DomainParallelTarget() {
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
