package io.passthru.xml.domain;

import java.util.List;
import java.util.ArrayList;
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
@XmlType(propOrder = {"address", "local", "reconnect", "ips", "routes", "extra"})
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

    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "path")
    private String path;
    @XmlAttribute(name = "address")
    private String hostAddress;
    @XmlAttribute(name = "port")
    private String port;
    @XmlAttribute(name = "portid")
    private String portid;
    @XmlElement(name = "local")
    private DomainInterfaceSourceLocal local;
    @XmlElement(name = "reconnect")
    private DomainInterfaceSourceReconnect reconnect;
    @XmlElement(name = "ip")
    private List<DomainInterfaceIp> ips;
    @XmlElement(name = "route")
    private List<DomainInterfaceRoute> routes;

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

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code path} attribute, {@code null} if absent. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** Raw {@code address} attribute, {@code null} if absent. */
    public String getHostAddress() {
        return hostAddress;
    }

    public void setHostAddress(String hostAddress) {
        this.hostAddress = hostAddress;
    }

    /** Raw {@code port} attribute, {@code null} if absent. */
    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    /** Raw {@code portid} attribute, {@code null} if absent. */
    public String getPortid() {
        return portid;
    }

    public void setPortid(String portid) {
        this.portid = portid;
    }

    /** {@code <local>}, {@code null} if absent. */
    public DomainInterfaceSourceLocal getLocal() {
        return local;
    }

    public void setLocal(DomainInterfaceSourceLocal local) {
        this.local = local;
    }

    /** {@code <reconnect>}, {@code null} if absent. */
    public DomainInterfaceSourceReconnect getReconnect() {
        return reconnect;
    }

    public void setReconnect(DomainInterfaceSourceReconnect reconnect) {
        this.reconnect = reconnect;
    }

    /** The {@code <ip>} children in document order; live, never {@code null}. */
    public List<DomainInterfaceIp> getIps() {
        if (ips == null) {
            ips = new ArrayList<>();
        }
        return ips;
    }

    /** The {@code <route>} children in document order; live, never {@code null}. */
    public List<DomainInterfaceRoute> getRoutes() {
        if (routes == null) {
            routes = new ArrayList<>();
        }
        return routes;
    }
}
