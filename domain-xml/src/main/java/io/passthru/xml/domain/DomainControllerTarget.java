package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target chassisNr='..' chassis='1' port='0x10' busNr='..' index='..' hotplug='on'|'off' memReserve='..'>
 * <node>0</node></target>} of a PCI controller (formatdomain.html#controllers). The string getters return the raw
 * attribute; the {@code ...Value} getters parse it.
 */
@XmlType(propOrder = {"node", "extra"})
public class DomainControllerTarget extends XmlCatchAll {
    @XmlAttribute(name = "chassisNr")
    private String chassisNr;
    @XmlAttribute(name = "chassis")
    private String chassis;
    @XmlAttribute(name = "port")
    private String port;
    @XmlAttribute(name = "busNr")
    private String busNr;
    @XmlAttribute(name = "index")
    private String index;
    @XmlAttribute(name = "hotplug")
    private String hotplug;
    @XmlAttribute(name = "memReserve")
    private String memReserve;
    @XmlElement(name = "node")
    private String node;

    public DomainControllerTarget() {
    }

    public String getChassisNr() {
        return chassisNr;
    }

    public void setChassisNr(String chassisNr) {
        this.chassisNr = chassisNr;
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

    /** {@code 'on'|'off'}. */
    public String getHotplug() {
        return hotplug;
    }

    public void setHotplug(String hotplug) {
        this.hotplug = hotplug;
    }

    public String getMemReserve() {
        return memReserve;
    }

    public void setMemReserve(String memReserve) {
        this.memReserve = memReserve;
    }

    /** NUMA node of a pci-expander-bus / pcie-expander-bus. */
    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
    }

    /** {@code chassisNr} as a number, or {@code null}. */
    public Integer getChassisNrValue() {
        return XmlValues.integer(chassisNr, "chassisNr");
    }

    /** {@code chassis} as a number, or {@code null}. */
    public Integer getChassisValue() {
        return XmlValues.integer(chassis, "chassis");
    }

    public void setChassisValue(Integer chassis) {
        this.chassis = XmlValues.decimal(chassis);
    }

    /** {@code port} as a number ({@code 0x10} = 16), or {@code null}. */
    public Integer getPortValue() {
        return XmlValues.integer(port, "port");
    }

    /** Sets {@code port} in libvirt's style ({@code 0x10}); {@code null} removes it. */
    public void setPortValue(Integer port) {
        this.port = port == null ? null : String.format(java.util.Locale.ROOT, "0x%x", port);
    }

    /** {@code busNr} as a number, or {@code null}. */
    public Integer getBusNrValue() {
        return XmlValues.integer(busNr, "busNr");
    }

    /** {@code index} as a number, or {@code null}. */
    public Integer getIndexValue() {
        return XmlValues.integer(index, "index");
    }

    /** {@code hotplug} as Boolean ({@code 'on'} = true), {@code null} if absent (libvirt's default: on). */
    public Boolean getHotplugValue() {
        return XmlValues.onOff(hotplug, "hotplug");
    }

    public void setHotplugValue(Boolean hotplug) {
        this.hotplug = XmlValues.onOff(hotplug);
    }

    /** {@code <node>} as a number, or {@code null}. */
    public Integer getNodeValue() {
        return XmlValues.integer(node, "node");
    }
}
