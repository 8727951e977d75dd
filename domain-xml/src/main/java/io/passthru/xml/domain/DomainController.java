package io.passthru.xml.domain;

import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <controller type='pci'|'usb'|'scsi'|'ide'|'sata'|'fdc'|'virtio-serial'|'ccid'|'xenbus'|'isa'|'nvme' index='1'
 * model='pcie-root-port'>} (formatdomain.html#controllers). On q35 every hot-plugged PCIe device needs a free
 * {@code pcie-root-port} (formatdomain.html#pci-controllers, pci-hotplug.html). The {@code model} attribute and the
 * {@code <model name=..>} child are separate.
 *
 * <p>PCI models: {@code pci-root}, {@code pcie-root}, {@code pci-bridge}, {@code dmi-to-pci-bridge},
 * {@code pcie-to-pci-bridge}, {@code pcie-root-port}, {@code pcie-switch-upstream-port},
 * {@code pcie-switch-downstream-port}, {@code pci-expander-bus}, {@code pcie-expander-bus}.
 */
@XmlRootElement(name = "controller")
@XmlType(propOrder = {"modelElement", "target", "pcihole64", "driver", "master", "alias", "acpi", "address", "extra"})
public class DomainController extends DomainDeviceBase {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "index")
    private String indexRaw;
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "ports")
    private String portsRaw;
    @XmlAttribute(name = "vectors")
    private String vectorsRaw;
    @XmlAttribute(name = "maxGrantFrames")
    private String maxGrantFrames;
    @XmlAttribute(name = "maxEventChannels")
    private String maxEventChannels;
    @XmlElement(name = "model")
    private DomainControllerModel modelElement;
    @XmlElement(name = "target")
    private DomainControllerTarget target;
    @XmlElement(name = "pcihole64")
    private DomainMemory pcihole64;
    @XmlElement(name = "driver")
    private DomainControllerDriver driver;
    @XmlElement(name = "master")
    private DomainControllerMaster master;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainController() {
    }

    /**
     * {@code <controller type='pci' index='N' model='pcie-root-port'/>}; libvirt fills chassis, port and address
     * when the domain is defined or the controller attached.
     */
    public static DomainController pcieRootPort(int index) {
        DomainController c = new DomainController();
        c.type = "pci";
        c.setIndex(index);
        c.model = "pcie-root-port";
        return c;
    }

    /**
     * {@code <controller type='pci' index='N' model='pcie-root-port'><target hotplug='on|off'/></controller>}:
     * a root port whose hot-plug capability is switched explicitly (formatdomain.html#pci-controllers, since libvirt
     * 6.3.0); {@code null} gives {@link #pcieRootPort(int)}.
     */
    public static DomainController pcieRootPort(int index, Boolean hotplug) {
        DomainController c = pcieRootPort(index);
        if (hotplug != null) {
            c.target = new DomainControllerTarget();
            c.target.setHotplugValue(hotplug);
        }
        return c;
    }

    /** True for {@code type='pci'}. */
    public boolean isPci() {
        return "pci".equals(type);
    }

    /** {@code 'pci'|'usb'|'scsi'|'virtio-serial'|'sata'|'ide'|...}. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getIndexRaw() {
        return indexRaw;
    }

    public void setIndexRaw(String indexRaw) {
        this.indexRaw = indexRaw;
    }

    /** Controller index (the PCI bus number for PCI controllers), or {@code null}. */
    public Integer getIndex() {
        return XmlValues.integer(indexRaw, "controller index");
    }

    public void setIndex(Integer index) {
        this.indexRaw = XmlValues.decimal(index);
    }

    /** The {@code model} attribute, e.g. {@code pci-root}, {@code pcie-root}, {@code pcie-root-port}. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** Raw {@code ports} attribute (USB hub ports, virtio-serial ports). */
    public String getPortsRaw() {
        return portsRaw;
    }

    public void setPortsRaw(String portsRaw) {
        this.portsRaw = portsRaw;
    }

    /** {@code ports} as a number, or {@code null}. */
    public Integer getPorts() {
        return XmlValues.integer(portsRaw, "controller ports");
    }

    public void setPorts(Integer ports) {
        this.portsRaw = XmlValues.decimal(ports);
    }

    /** Raw {@code vectors} attribute (virtio-serial MSI vectors). */
    public String getVectorsRaw() {
        return vectorsRaw;
    }

    public void setVectorsRaw(String vectorsRaw) {
        this.vectorsRaw = vectorsRaw;
    }

    /** {@code vectors} as a number, or {@code null}. */
    public Integer getVectors() {
        return XmlValues.integer(vectorsRaw, "controller vectors");
    }

    public void setVectors(Integer vectors) {
        this.vectorsRaw = XmlValues.decimal(vectors);
    }

    /** Xen bus {@code maxGrantFrames}. */
    public String getMaxGrantFrames() {
        return maxGrantFrames;
    }

    public void setMaxGrantFrames(String maxGrantFrames) {
        this.maxGrantFrames = maxGrantFrames;
    }

    /** Xen bus {@code maxEventChannels}. */
    public String getMaxEventChannels() {
        return maxEventChannels;
    }

    public void setMaxEventChannels(String maxEventChannels) {
        this.maxEventChannels = maxEventChannels;
    }

    /** The {@code <model name='..'/>} child. */
    public DomainControllerModel getModelElement() {
        return modelElement;
    }

    public void setModelElement(DomainControllerModel modelElement) {
        this.modelElement = modelElement;
    }

    public DomainControllerTarget getTarget() {
        return target;
    }

    public void setTarget(DomainControllerTarget target) {
        this.target = target;
    }

    /** {@code <pcihole64 unit='KiB'>..</pcihole64>} of a pci-root/pcie-root controller. */
    public DomainMemory getPcihole64() {
        return pcihole64;
    }

    public void setPcihole64(DomainMemory pcihole64) {
        this.pcihole64 = pcihole64;
    }

    public DomainControllerDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainControllerDriver driver) {
        this.driver = driver;
    }

    /** {@code <master startport='..'/>} of a USB companion controller. */
    public DomainControllerMaster getMaster() {
        return master;
    }

    public void setMaster(DomainControllerMaster master) {
        this.master = master;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
