package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source>} of an interface (formatdomain.html#network-interfaces): {@code network=} for
 * type network, {@code bridge=} for bridge, {@code dev=} and {@code mode=} for direct (macvtap), and for
 * {@code type='hostdev'} a nested {@code <address type='pci' .../>} naming the host VF
 * (formatdomain.html#pci-passthrough).
 */
@XmlType(propOrder = {"address", "extra"})
public class DomainInterfaceSource extends XmlCatchAll {
    @XmlAttribute(name = "network")
    private String network;
    @XmlAttribute(name = "bridge")
    private String bridge;
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "portgroup")
    private String portgroup;
    @XmlElement(name = "address")
    private DomainAddress address;

    public DomainInterfaceSource() {
    }

    public String getNetwork() {
        return network;
    }

    public void setNetwork(String network) {
        this.network = network;
    }

    public String getBridge() {
        return bridge;
    }

    public void setBridge(String bridge) {
        this.bridge = bridge;
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    /** direct: {@code vepa|bridge|private|passthrough}; vhostuser: {@code server|client}. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getPortgroup() {
        return portgroup;
    }

    public void setPortgroup(String portgroup) {
        this.portgroup = portgroup;
    }

    /** Host PCI address (type hostdev). */
    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }
}
