package io.passthru.xml;

/**
 * A model class that keeps a PCI address as its four raw strings, as written in the XML: the attributes of a domain
 * {@code <address domain='0x0000' bus='0x01' slot='0x10' function='0x2'/>} or of a node device's {@code <address>},
 * and the decimal {@code <domain>/<bus>/<slot>/<function>} elements of a node device's pci capability. The one
 * conversion of those strings to a {@link PciAddress} lives here.
 */
public interface PciAddressParts {
    String getDomain();

    String getBus();

    String getSlot();

    String getFunction();

    /** True if any of domain, bus, slot or function is present. */
    default boolean hasPciParts() {
        return getDomain() != null || getBus() != null || getSlot() != null || getFunction() != null;
    }

    /**
     * The four strings as a {@link PciAddress} (hex with 0x prefix or decimal); a missing one counts as 0, as in
     * libvirt's {@code virPCIDeviceAddressParseXML}.
     *
     * @throws InvalidXmlValueException if a value is not a number or out of range
     */
    default PciAddress pciAddressOfParts() {
        return PciAddress.fromXmlAttributes(getDomain(), getBus(), getSlot(), getFunction());
    }
}
