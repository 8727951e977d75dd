package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <local address='192.168.0.1' port='5555'/>} of a udp interface source (formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceSourceLocal extends XmlCatchAll {
    @XmlAttribute(name = "address")
    private String address;
    @XmlAttribute(name = "port")
    private String port;

    public DomainInterfaceSourceLocal() {
    }

    /** Raw {@code address} attribute, {@code null} if absent. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** Raw {@code port} attribute, {@code null} if absent. */
    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }
}
