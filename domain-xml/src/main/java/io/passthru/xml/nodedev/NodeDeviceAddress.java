package io.passthru.xml.nodedev;

import io.passthru.xml.PciAddress;
import io.passthru.xml.PciAddressParts;
import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <address domain='0x0000' bus='0x02' slot='0x10' function='0x7'/>} as listed under
 * {@code phys_function}, {@code virt_functions} and {@code iommuGroup} (formatnode.html#pci); in a net capability the
 * same element name holds a MAC as text ({@code <address>00:13:02:b9:f9:d3</address>}), kept in {@link #getText()}.
 */
public class NodeDeviceAddress extends XmlAttributeCatchAll implements PciAddressParts {
    @XmlAttribute(name = "domain")
    private String domain;
    @XmlAttribute(name = "bus")
    private String bus;
    @XmlAttribute(name = "slot")
    private String slot;
    @XmlAttribute(name = "function")
    private String function;
    @XmlValue
    private String text;

    public NodeDeviceAddress() {
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    /** Element text (MAC of a net capability), else empty. */
    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** True if any PCI attribute is present. */
    public boolean isPci() {
        return hasPciParts();
    }

    /** The PCI address (hex attributes, missing = 0). */
    public PciAddress toPciAddress() {
        return pciAddressOfParts();
    }
}
