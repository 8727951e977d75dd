package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <protocol type='raw'|'telnet'|'telnets'|'tls'/>} of a TCP character device
 * (formatdomain.html#consoles-serial-parallel-channel-devices).
 */
@XmlRootElement(name = "protocol")
@XmlType(propOrder = {"extra"})
public class DomainChardevProtocol extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;

    public DomainChardevProtocol() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
