package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <channel type='unix'|'pty'|'spicevmc'|...>}: a host↔guest channel, e.g. the QEMU guest agent's
 * {@code org.qemu.guest_agent.0} virtio-serial port (formatdomain.html#channel). A chardev may have several
 * {@code <source>} elements (type udp: bind and connect), so they are a list.
 */
@XmlRootElement(name = "channel")
@XmlType(propOrder = {"sources", "protocol", "log", "target", "alias", "acpi", "address", "extra"})
public class DomainChannel extends XmlCatchAll {
    /** Target name of the QEMU guest agent channel. */
    public static final String GUEST_AGENT_NAME = "org.qemu.guest_agent.0";

    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "source")
    private List<DomainChardevSource> sources;
    @XmlElement(name = "protocol")
    private DomainChardevProtocol protocol;
    @XmlElement(name = "log")
    private DomainChardevLog log;
    @XmlElement(name = "target")
    private DomainChannelTarget target;
    @XmlElement(name = "alias")
    private DomainAlias alias;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;
    @XmlElement(name = "address")
    private DomainAddress address;

    public DomainChannel() {
    }

    /**
     * The QEMU guest agent channel {@code <channel type='unix'><source mode='bind'/><target type='virtio'
     * name='org.qemu.guest_agent.0'/></channel>}; libvirt picks the socket path (formatdomain.html#channel).
     */
    public static DomainChannel guestAgent() {
        DomainChannel c = new DomainChannel();
        c.type = "unix";
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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** All {@code <source>} elements in document order; live, never {@code null}. */
    public List<DomainChardevSource> getSources() {
        if (sources == null) {
            sources = new ArrayList<>();
        }
        return sources;
    }

    /** The first {@code <source>}, or {@code null}. */
    public DomainChardevSource getSource() {
        return sources == null || sources.isEmpty() ? null : sources.get(0);
    }

    /** Replaces all sources with {@code source} (none if {@code null}). */
    public void setSource(DomainChardevSource source) {
        getSources().clear();
        if (source != null) {
            sources.add(source);
        }
    }

    public DomainChardevProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(DomainChardevProtocol protocol) {
        this.protocol = protocol;
    }

    public DomainChardevLog getLog() {
        return log;
    }

    public void setLog(DomainChardevLog log) {
        this.log = log;
    }

    public DomainChannelTarget getTarget() {
        return target;
    }

    public void setTarget(DomainChannelTarget target) {
        this.target = target;
    }

    public DomainAlias getAlias() {
        return alias;
    }

    public void setAlias(DomainAlias alias) {
        this.alias = alias;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }

    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }
}
