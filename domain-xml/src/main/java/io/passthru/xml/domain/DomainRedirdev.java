package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <redirdev bus='usb' type='spicevmc'|'tcp'|...>}: USB redirection (formatdomain.html#redirected-devices).
 */
@XmlRootElement(name = "redirdev")
@XmlType(propOrder = {"source", "protocol", "boot", "alias", "address", "extra"})
public class DomainRedirdev extends DomainDeviceBase {
    @XmlAttribute(name = "bus")
    private String bus;
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "source")
    private DomainChardevSource source;
    @XmlElement(name = "protocol")
    private DomainChardevProtocol protocol;
    @XmlElement(name = "boot")
    private DomainDeviceBoot boot;

    public DomainRedirdev() {
    }

    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public DomainChardevSource getSource() {
        return source;
    }

    public void setSource(DomainChardevSource source) {
        this.source = source;
    }

    public DomainChardevProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(DomainChardevProtocol protocol) {
        this.protocol = protocol;
    }

    /** Per-device boot order. */
    public DomainDeviceBoot getBoot() {
        return boot;
    }

    public void setBoot(DomainDeviceBoot boot) {
        this.boot = boot;
    }
}
