package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <channel type='unix'|'pty'|'spicevmc'|...>}: a host↔guest channel, e.g. the QEMU guest agent's
 * {@code org.qemu.guest_agent.0} virtio-serial port (formatdomain.html#channel). A chardev may have several
 * {@code <source>} elements (type udp: bind and connect), so they are a list; the common parts are in
 * {@link DomainChardev}.
 */
@XmlRootElement(name = "channel")
@XmlType(propOrder = {"sources", "protocol", "log", "target", "alias", "acpi", "address", "extra"})
public class DomainChannel extends DomainChardev {
    /** Target name of the QEMU guest agent channel. */
    public static final String GUEST_AGENT_NAME = "org.qemu.guest_agent.0";

    @XmlElement(name = "target")
    private DomainChannelTarget target;

    public DomainChannel() {
    }

    /**
     * The QEMU guest agent channel {@code <channel type='unix'><source mode='bind'/><target type='virtio'
     * name='org.qemu.guest_agent.0'/></channel>}; libvirt picks the socket path (formatdomain.html#channel).
     */
    public static DomainChannel guestAgent() {
        DomainChannel c = new DomainChannel();
        c.setType("unix");
        DomainChardevSource s = new DomainChardevSource();
        s.setMode("bind");
        c.getSources().add(s);
        c.target = new DomainChannelTarget();
        c.target.setType("virtio");
        c.target.setName(GUEST_AGENT_NAME);
        return c;
    }

    /** True if this is a virtio channel named {@code org.qemu.guest_agent.0}. */
    public boolean isGuestAgent() {
        return target != null && "virtio".equals(target.getType()) && GUEST_AGENT_NAME.equals(target.getName());
    }

    public DomainChannelTarget getTarget() {
        return target;
    }

    public void setTarget(DomainChannelTarget target) {
        this.target = target;
    }
}
