package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target type='virtio' name='org.qemu.guest_agent.0' state='connected'/>} or {@code <target type='guestfwd'
 * address='10.0.2.1' port='4600'/>} of a channel (formatdomain.html#channel). {@code state} is output only: whether the
 * guest side is open.
 */
@XmlType(propOrder = {"extra"})
public class DomainChannelTarget extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "state")
    private String state;
    @XmlAttribute(name = "address")
    private String address;
    @XmlAttribute(name = "port")
    private String port;

    public DomainChannelTarget() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code 'connected'|'disconnected'}, live XML only. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }
}
