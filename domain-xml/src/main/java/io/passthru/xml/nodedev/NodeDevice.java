package io.passthru.xml.nodedev;

import io.passthru.xml.InvalidXmlValueException;
import io.passthru.xml.PciAddress;
import io.passthru.xml.PciAddressParts;
import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root {@code <device>} of node device XML ({@code virsh nodedev-dumpxml pci_0000_01_10_2}, formatnode.html):
 * name, sysfs path, parent, bound driver and capabilities. Helpers answer the SR-IOV questions: is it a PF or a VF,
 * its VFs or its PF, its IOMMU group, driver, ids, NUMA node; for a net device its interface and link state.
 */
@XmlRootElement(name = "device")
@XmlType(propOrder = {"name", "path", "parent", "driver", "capabilities", "extra"})
public class NodeDevice extends XmlCatchAll {
    @XmlElement(name = "name")
    private String name;
    @XmlElement(name = "path")
    private String path;
    @XmlElement(name = "parent")
    private String parent;
    @XmlElement(name = "driver")
    private NodeDeviceDriver driver;
    @XmlElement(name = "capability")
    private List<NodeDeviceCapability> capabilities;

    public NodeDevice() {
    }

    /** First top-level capability of this type ({@code pci}, {@code net}, ...). */
    public Optional<NodeDeviceCapability> capability(String type) {
        return capabilities == null ? Optional.empty()
                : capabilities.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** The {@code pci} capability, if this is a PCI device. */
    public Optional<NodeDeviceCapability> pciCapability() {
        return capability("pci");
    }

    /** The {@code net} capability, if this is a network interface. */
    public Optional<NodeDeviceCapability> netCapability() {
        return capability("net");
    }

    private Optional<NodeDeviceCapability> pciSub(String type) {
        return pciCapability().flatMap(c -> c.capability(type));
    }

    /**
     * PCI address from the pci capability's decimal {@code <domain>/<bus>/<slot>/<function>}.
     *
     * @throws InvalidXmlValueException if a number is malformed or out of range
     */
    public Optional<PciAddress> pciAddress() {
        return pciCapability().map(PciAddressParts::pciAddressOfParts);
    }

    /**
     * True for an SR-IOV physical function: it has a {@code virt_functions} capability with {@code maxCount > 0}
     * or listing at least one VF (formatnode.html#pci).
     */
    public boolean isPhysicalFunction() {
        return pciSub("virt_functions").map(c -> {
            Integer max = c.getMaxCountValue();
            return (max != null && max > 0) || c.getAddresses().stream().anyMatch(NodeDeviceAddress::isPci);
        }).orElse(false);
    }

    /** True for an SR-IOV virtual function: it has a {@code phys_function} capability. */
    public boolean isVirtualFunction() {
        return pciSub("phys_function").isPresent();
    }

    /** Address of the PF of a VF. */
    public Optional<PciAddress> physFunction() {
        return pciSub("phys_function").flatMap(c -> c.getAddresses().stream().filter(NodeDeviceAddress::isPci)
                .findFirst()).map(NodeDeviceAddress::toPciAddress);
    }

    /** Addresses of the VFs currently enabled on a PF, in listed order (empty if none or not a PF). */
    public List<PciAddress> virtFunctions() {
        return pciSub("virt_functions").map(c -> addresses(c.getAddresses())).orElse(Collections.emptyList());
    }

    /** Maximum VF count ({@code sriov_totalvfs}) of a PF, if listed. */
    public OptionalInt maxVirtFunctions() {
        Integer v = pciSub("virt_functions").map(NodeDeviceCapability::getMaxCountValue).orElse(null);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** IOMMU group number. */
    public OptionalInt iommuGroup() {
        Integer v = pciCapability().map(NodeDeviceCapability::getIommuGroup)
                .map(g -> XmlValues.integer(g.getNumber(), "iommuGroup number")).orElse(null);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** All devices in this device's IOMMU group (including itself), in listed order. */
    public List<PciAddress> iommuGroupMembers() {
        return pciCapability().map(NodeDeviceCapability::getIommuGroup).map(g -> addresses(g.getAddresses()))
                .orElse(Collections.emptyList());
    }

    private static List<PciAddress> addresses(List<NodeDeviceAddress> list) {
        List<PciAddress> out = new ArrayList<>();
        for (NodeDeviceAddress a : list) {
            if (a.isPci()) {
                out.add(a.toPciAddress());
            }
        }
        return out;
    }

    /**
     * One type of mediated device an mdev parent offers ({@code <type id='mtty-2'>} of a {@code mdev_types}
     * capability, formatnode.html "mdev_types"): its id, its name (may be null), its device API ({@code vfio-pci}) and
     * how many more instances can be created now.
     */
    public record MdevType(String id, String name, String deviceApi, int availableInstances) {
    }

    /**
     * The mdev types this device offers: the {@code <type>}s of its {@code mdev_types} capabilities, at the top (a
     * parent of its own class, as Linux's mtty sample: {@code <capability type='mdev_types'><capability
     * type='mdev_types'><type id=...>}) or nested in its {@code pci}, {@code css} or {@code ap_matrix} capability.
     * Empty for a device that parents no mdevs.
     *
     * @throws InvalidXmlValueException when an {@code availableInstances} is not a number
     */
    public List<MdevType> mdevTypes() {
        List<MdevType> out = new ArrayList<>();
        collectMdevTypes(capabilities == null ? List.of() : capabilities, out);
        return out;
    }

    private static void collectMdevTypes(List<NodeDeviceCapability> caps, List<MdevType> out) {
        for (NodeDeviceCapability c : caps) {
            if ("mdev_types".equals(c.getType())) {
                for (org.w3c.dom.Element e : c.getExtra()) {
                    if ("type".equals(e.getLocalName() == null ? e.getNodeName() : e.getLocalName())) {
                        String avail = child(e, "availableInstances");
                        int n;
                        try {
                            n = avail == null ? 0 : Integer.parseInt(avail.trim());
                        } catch (NumberFormatException bad) {
                            throw new InvalidXmlValueException("availableInstances of mdev type " + e.getAttribute("id")
                                    + " is not a number: " + avail);
                        }
                        out.add(new MdevType(e.getAttribute("id"), child(e, "name"), child(e, "deviceAPI"), n));
                    }
                }
            }
            collectMdevTypes(c.getCapabilities(), out);
        }
    }

    private static String child(org.w3c.dom.Element e, String name) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element c && name.equals(c.getLocalName() == null ? c.getNodeName()
                    : c.getLocalName())) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }

    /** An mdev's type id ({@code <capability type='mdev'><type id='mtty-2'/>}), if this is an mdev. */
    public Optional<String> mdevTypeId() {
        return capability("mdev").flatMap(c -> c.getExtra().stream()
                .filter(e -> "type".equals(e.getLocalName() == null ? e.getNodeName() : e.getLocalName()))
                .map(e -> e.getAttribute("id")).filter(id -> !id.isEmpty()).findFirst());
    }

    /**
     * An mdev's UUID, if this is an mdev: its {@code <capability type='mdev'><uuid>}, or, in XML without that element
     * (the mdev capability as libvirt 3.4 introduced it, e.g. libvirt's own test sample
     * {@code mdev_3627463d_b7f0_4fea_b468_f1da537d301b.xml}), the UUID its node device name holds: {@code mdev_} and
     * the UUID, with {@code _} or {@code -} between the groups.
     */
    public Optional<String> mdevUuid() {
        Optional<NodeDeviceCapability> mdev = capability("mdev");
        if (mdev.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> own = Optional.ofNullable(mdev.get().getUuid()).map(String::trim).filter(u -> !u.isEmpty());
        if (own.isPresent() || name == null || !name.startsWith("mdev_") || name.length() < 5 + 36) {
            return own;
        }
        String fromName = name.substring(5, 5 + 36).replace('_', '-');
        return MDEV_UUID_FORM.matcher(fromName).matches() ? Optional.of(fromName) : Optional.empty();
    }

    private static final java.util.regex.Pattern MDEV_UUID_FORM = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** An mdev's parent as mdevctl names it ({@code <parent_addr>}, e.g. {@code mtty} or {@code 0000:06:00.0}). */
    public Optional<String> mdevParentAddress() {
        return capability("mdev").flatMap(c -> c.findExtra("parent_addr")).map(e -> e.getTextContent().trim());
    }

    /** Host driver now bound ({@code vfio-pci}, {@code igbvf}, ...); empty if unbound. */
    public Optional<String> driverName() {
        return Optional.ofNullable(driver).map(NodeDeviceDriver::getName).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** PCI vendor id as written, e.g. {@code "0x8086"}, or {@code null}. */
    public String vendorId() {
        return pciCapability().map(NodeDeviceCapability::getVendor).map(NodeDeviceIdName::getId).orElse(null);
    }

    /** PCI product id as written, e.g. {@code "0x10ca"}, or {@code null}. */
    public String productId() {
        return pciCapability().map(NodeDeviceCapability::getProduct).map(NodeDeviceIdName::getId).orElse(null);
    }

    /** NUMA node of a PCI device. */
    public OptionalInt numaNode() {
        Integer v = pciCapability().map(NodeDeviceCapability::getNuma)
                .map(n -> XmlValues.integer(n.getNode(), "numa node")).orElse(null);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** Net device: host interface name, e.g. {@code eth0}. */
    public Optional<String> netInterface() {
        return netCapability().map(NodeDeviceCapability::getNetInterface).map(String::trim);
    }

    /** Net device: MAC as written. */
    public Optional<String> netAddress() {
        return netCapability().flatMap(c -> c.getAddresses().stream().findFirst()).map(NodeDeviceAddress::getText)
                .map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Net device: link state ({@code up}, {@code down}, ...). */
    public Optional<String> linkState() {
        return netCapability().map(NodeDeviceCapability::getLink).map(NodeDeviceNetLink::getState);
    }

    /** Device name, e.g. {@code pci_0000_02_10_7}. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** sysfs path. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** Parent device name. */
    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    public NodeDeviceDriver getDriver() {
        return driver;
    }

    public void setDriver(NodeDeviceDriver driver) {
        this.driver = driver;
    }

    /** Top-level capabilities in order; live. */
    public List<NodeDeviceCapability> getCapabilities() {
        if (capabilities == null) {
            capabilities = new ArrayList<>();
        }
        return capabilities;
    }
}
