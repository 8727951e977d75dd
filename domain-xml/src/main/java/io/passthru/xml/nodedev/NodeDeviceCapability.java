package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <capability type='pci'|'net'|'virt_functions'|'phys_function'|...>} of a node device (formatnode.html).
 *
 * <p>type {@code pci}: {@code domain, bus, slot, function} as decimal text, {@code class}, {@code product},
 * {@code vendor}, {@code iommuGroup}, {@code numa}, {@code pci-express} and nested capabilities:
 * {@code <capability type='virt_functions' maxCount='7'>} (an SR-IOV PF, listing its VFs as {@code <address>}) and
 * {@code <capability type='phys_function'>} (a VF, with its PF's {@code <address>}).
 * type {@code net}: {@code interface}, {@code address} (MAC), {@code link}, features (catch-all) and a nested
 * {@code 80203}/{@code 80211} capability. Everything else in the catch-all.
 */
@XmlType(propOrder = {"pciClass", "domain", "bus", "slot", "function", "product", "vendor", "netInterface",
        "addresses", "link", "capabilities", "iommuGroup", "numa", "pciExpress", "extra"})
public class NodeDeviceCapability extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "maxCount")
    private String maxCount;
    @XmlElement(name = "class")
    private String pciClass;
    @XmlElement(name = "domain")
    private String domain;
    @XmlElement(name = "bus")
    private String bus;
    @XmlElement(name = "slot")
    private String slot;
    @XmlElement(name = "function")
    private String function;
    @XmlElement(name = "product")
    private NodeDeviceIdName product;
    @XmlElement(name = "vendor")
    private NodeDeviceIdName vendor;
    @XmlElement(name = "interface")
    private String netInterface;
    @XmlElement(name = "address")
    private List<NodeDeviceAddress> addresses;
    @XmlElement(name = "link")
    private NodeDeviceNetLink link;
    @XmlElement(name = "capability")
    private List<NodeDeviceCapability> capabilities;
    @XmlElement(name = "iommuGroup")
    private NodeDeviceIommuGroup iommuGroup;
    @XmlElement(name = "numa")
    private NodeDeviceNuma numa;
    @XmlElement(name = "pci-express")
    private NodeDevicePciExpress pciExpress;

    public NodeDeviceCapability() {
    }

    /** The first nested capability of this type. */
    public Optional<NodeDeviceCapability> capability(String capabilityType) {
        return capabilities == null ? Optional.empty()
                : capabilities.stream().filter(c -> capabilityType.equals(c.getType())).findFirst();
    }

    /** {@code maxCount} of a {@code virt_functions} capability as a number, {@code null} if absent. */
    public Integer getMaxCountValue() {
        return XmlValues.integer(maxCount, "capability maxCount");
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code maxCount} attribute (virt_functions). */
    public String getMaxCount() {
        return maxCount;
    }

    public void setMaxCount(String maxCount) {
        this.maxCount = maxCount;
    }

    /** PCI class as written, e.g. {@code 0x020000}. */
    public String getPciClass() {
        return pciClass;
    }

    public void setPciClass(String pciClass) {
        this.pciClass = pciClass;
    }

    /** Raw decimal PCI domain. */
    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    /** Raw decimal PCI bus. */
    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    /** Raw decimal PCI slot. */
    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    /** Raw decimal PCI function. */
    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    public NodeDeviceIdName getProduct() {
        return product;
    }

    public void setProduct(NodeDeviceIdName product) {
        this.product = product;
    }

    public NodeDeviceIdName getVendor() {
        return vendor;
    }

    public void setVendor(NodeDeviceIdName vendor) {
        this.vendor = vendor;
    }

    /** Net capability: host interface name, e.g. {@code eth0}. */
    public String getNetInterface() {
        return netInterface;
    }

    public void setNetInterface(String netInterface) {
        this.netInterface = netInterface;
    }

    /** {@code <address>} children in order (PCI addresses, or the MAC of a net capability); live. */
    public List<NodeDeviceAddress> getAddresses() {
        if (addresses == null) {
            addresses = new ArrayList<>();
        }
        return addresses;
    }

    public NodeDeviceNetLink getLink() {
        return link;
    }

    public void setLink(NodeDeviceNetLink link) {
        this.link = link;
    }

    /** Nested capabilities in order; live. */
    public List<NodeDeviceCapability> getCapabilities() {
        if (capabilities == null) {
            capabilities = new ArrayList<>();
        }
        return capabilities;
    }

    public NodeDeviceIommuGroup getIommuGroup() {
        return iommuGroup;
    }

    public void setIommuGroup(NodeDeviceIommuGroup iommuGroup) {
        this.iommuGroup = iommuGroup;
    }

    public NodeDeviceNuma getNuma() {
        return numa;
    }

    public void setNuma(NodeDeviceNuma numa) {
        this.numa = numa;
    }

    public NodeDevicePciExpress getPciExpress() {
        return pciExpress;
    }

    public void setPciExpress(NodeDevicePciExpress pciExpress) {
        this.pciExpress = pciExpress;
    }
}
