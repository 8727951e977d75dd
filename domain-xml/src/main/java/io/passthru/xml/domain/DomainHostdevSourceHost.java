package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <host name='example.org' port='3260'/>} of an iSCSI hostdev source (formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"extra"})
public class DomainHostdevSourceHost extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "port")
    private String port;

    public DomainHostdevSourceHost() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code port} attribute, {@code null} if absent. */
    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }
}
