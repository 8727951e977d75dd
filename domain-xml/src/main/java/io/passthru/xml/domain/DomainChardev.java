package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;

import java.util.ArrayList;
import java.util.List;

/**
 * What libvirt's character devices {@code <serial>}, {@code <parallel>}, {@code <console>} and {@code <channel>}
 * share (formatdomain.html#consoles-serial-parallel-channel-devices): the {@code type} attribute, the {@code
 * <source>} elements (several for type udp: bind and connect, so they are a list), {@code <protocol>}, {@code <log>},
 * {@code <alias>}, {@code <acpi>} and {@code <address>}. The subclasses add their {@code <target>}; their {@code
 * propOrder} lists the inherited properties.
 */
@XmlTransient
public abstract class DomainChardev extends DomainDeviceBase {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "source")
    private List<DomainChardevSource> sources;
    @XmlElement(name = "protocol")
    private DomainChardevProtocol protocol;
    @XmlElement(name = "log")
    private DomainChardevLog log;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    protected DomainChardev() {
    }

    /** {@code 'pty'|'file'|'tcp'|'unix'|'dev'|'spicevmc'|...}. */
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

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
