package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target chassis='1' port='0x10' hotplug='on'/>} of a PCI controller
 * (formatdomain.html#controllers).
 */
@XmlType(propOrder = {"extra"})
public class DomainControllerTarget extends XmlCatchAll {
    @XmlAttribute(name = "chassis")
    private String chassis;
    @XmlAttribute(name = "port")
    private String port;
    @XmlAttribute(name = "hotplug")
    private String hotplug;
    @XmlAttribute(name = "busNr")
    private String busNr;
    @XmlAttribute(name = "index")
    private String index;

    public DomainControllerTarget() {
    }

    public String getChassis() {
        return chassis;
    }

    public void setChassis(String chassis) {
        this.chassis = chassis;
    }

    /** Raw, libvirt writes hex ({@code 0x10}). */
    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    /** {@code 'on'|'off'}. */
    public String getHotplug() {
        return hotplug;
    }

    public void setHotplug(String hotplug) {
        this.hotplug = hotplug;
    }

    public String getBusNr() {
        return busNr;
    }

    public void setBusNr(String busNr) {
        this.busNr = busNr;
    }

    public String getIndex() {
        return index;
    }

    public void setIndex(String index) {
        this.index = index;
    }
}
