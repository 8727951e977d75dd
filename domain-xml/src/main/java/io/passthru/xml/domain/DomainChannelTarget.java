package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target type='virtio' name='org.qemu.guest_agent.0' state='connected'/>} of a channel
 * (formatdomain.html#channel). {@code state} is output only: whether the guest side is open.
 */
@XmlType(propOrder = {"extra"})
public class DomainChannelTarget extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "state")
    private String state;

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
}
