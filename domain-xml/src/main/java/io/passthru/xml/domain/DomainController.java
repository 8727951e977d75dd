package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <controller type='pci' index='1' model='pcie-root-port'>} (formatdomain.html#controllers). On q35 every
 * hot-plugged PCIe device needs a free {@code pcie-root-port} (formatdomain.html#pci-controllers,
 * pci-hotplug.html). The {@code model} attribute and the {@code <model name=..>} child are separate.
 */
@XmlRootElement(name = "controller")
@XmlType(propOrder = {"modelElement", "target", "alias", "address", "extra"})
public class DomainController extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "index")
    private String indexRaw;
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "model")
    private DomainControllerModel modelElement;
    @XmlElement(name = "target")
    private DomainControllerTarget target;
    @XmlElement(name = "alias")
    private DomainAlias alias;
    @XmlElement(name = "address")
    private DomainAddress address;

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

    public DomainAlias getAlias() {
        return alias;
    }

    public void setAlias(DomainAlias alias) {
        this.alias = alias;
    }

    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }
}
