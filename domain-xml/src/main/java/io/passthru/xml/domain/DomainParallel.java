package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <parallel type='pty'|'file'|'tcp'|'unix'|'dev'|...>}: a parallel port (formatdomain.html#consoles-serial-parallel-channel-devices).
 * A character device may have several {@code <source>} elements (type udp), so they are a list.
 */
@XmlRootElement(name = "parallel")
@XmlType(propOrder = {"sources", "protocol", "log", "target", "alias", "acpi", "address", "extra"})
public class DomainParallel extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "tty")
    private String tty;
    @XmlElement(name = "source")
    private List<DomainChardevSource> sources;
    @XmlElement(name = "protocol")
    private DomainChardevProtocol protocol;
    @XmlElement(name = "log")
    private DomainChardevLog log;
    @XmlElement(name = "target")
    private DomainParallelTarget target;
    @XmlElement(name = "alias")
    private DomainAlias alias;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;
    @XmlElement(name = "address")
    private DomainAddress address;

    public DomainParallel() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTty() {
        return tty;
    }

    public void setTty(String tty) {
        this.tty = tty;
    }

    /** The {@code <source>} elements in document order; live, never {@code null}. */
    public List<DomainChardevSource> getSources() {
        if (sources == null) {
            sources = new ArrayList<>();
        }
        return sources;
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

    public DomainParallelTarget getTarget() {
        return target;
    }

    public void setTarget(DomainParallelTarget target) {
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

    /** Guest-side address. */
    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }

    /** The first {@code <source>}, or {@code null}. */
    public DomainChardevSource getSource() {
        return sources == null || sources.isEmpty() ? null : sources.get(0);
    }
}
