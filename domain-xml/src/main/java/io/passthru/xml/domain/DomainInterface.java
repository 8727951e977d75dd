package io.passthru.xml.domain;

import java.util.List;
import java.util.ArrayList;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.Optional;

/**
 * {@code <interface type='hostdev'|'network'|'bridge'|'direct'|'user'|...>}: a guest NIC
 * (formatdomain.html#network-interfaces). {@code type='hostdev'} passes an SR-IOV VF through with VFIO while libvirt
 * still sets its MAC and VLAN on the PF (formatdomain.html#pci-passthrough). Also the root of a device fragment
 * for hot(un)plug.
 */
@XmlRootElement(name = "interface")
@XmlType(propOrder = {"mac", "source", "vlan", "target", "model", "driver", "teaming", "link", "mtu", "boot", "alias", "rom", "address", "virtualport", "bandwidth", "coalesce", "backend", "ips", "routes", "portForwards", "script", "downscript", "filterref", "tune", "guest", "acpi", "port", "backenddomain", "extra"})
public class DomainInterface extends DomainDeviceBase {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "managed")
    private String managedRaw;
    @XmlAttribute(name = "trustGuestRxFilters")
    private String trustGuestRxFiltersRaw;
    @XmlElement(name = "mac")
    private DomainInterfaceMac mac;
    @XmlElement(name = "source")
    private DomainInterfaceSource source;
    @XmlElement(name = "vlan")
    private DomainInterfaceVlan vlan;
    @XmlElement(name = "target")
    private DomainInterfaceTarget target;
    @XmlElement(name = "model")
    private DomainInterfaceModel model;
    @XmlElement(name = "driver")
    private DomainInterfaceDriver driver;
    @XmlElement(name = "teaming")
    private DomainInterfaceTeaming teaming;
    @XmlElement(name = "link")
    private DomainInterfaceLink link;
    @XmlElement(name = "mtu")
    private DomainInterfaceMtu mtu;
    @XmlElement(name = "boot")
    private DomainDeviceBoot boot;
    @XmlElement(name = "rom")
    private DomainRom rom;

    @XmlElement(name = "virtualport")
    private DomainInterfaceVirtualport virtualport;
    @XmlElement(name = "bandwidth")
    private DomainInterfaceBandwidth bandwidth;
    @XmlElement(name = "coalesce")
    private DomainInterfaceCoalesce coalesce;
    @XmlElement(name = "backend")
    private DomainInterfaceBackend backend;
    @XmlElement(name = "ip")
    private List<DomainInterfaceIp> ips;
    @XmlElement(name = "route")
    private List<DomainInterfaceRoute> routes;
    @XmlElement(name = "portForward")
    private List<DomainInterfacePortForward> portForwards;
    @XmlElement(name = "script")
    private DomainInterfaceScript script;
    @XmlElement(name = "downscript")
    private DomainInterfaceScript downscript;
    @XmlElement(name = "filterref")
    private DomainInterfaceFilterref filterref;
    @XmlElement(name = "tune")
    private DomainInterfaceTune tune;
    @XmlElement(name = "guest")
    private DomainInterfaceGuest guest;
    @XmlElement(name = "acpi")
    private DomainInterfaceAcpi acpi;
    @XmlElement(name = "port")
    private DomainInterfacePort port;
    @XmlElement(name = "backenddomain")
    private DomainInterfaceBackenddomain backenddomain;

    public DomainInterface() {
    }

    /**
     * A managed SR-IOV VF interface: {@code <interface type='hostdev' managed='yes'><mac address='..'/><driver
     * name='vfio'/><source><address type='pci' domain='0x0000' bus='0x01' slot='0x10' function='0x2'/></source>
     * </interface>} (formatdomain.html#pci-passthrough). Without a MAC, libvirt generates one.
     */
    public static DomainInterface hostdevVf(PciAddress vf, MacAddress macOrNull) {
        DomainInterface i = new DomainInterface();
        i.type = "hostdev";
        i.managedRaw = "yes";
        if (macOrNull != null) {
            i.mac = DomainInterfaceMac.of(macOrNull);
        }
        i.driver = new DomainInterfaceDriver();
        i.driver.setName("vfio");
        i.source = new DomainInterfaceSource();
        i.source.setAddress(DomainAddress.pci(vf));
        return i;
    }

    /**
     * A managed SR-IOV VF interface with the VF's network settings, which libvirt programs on the PF before the
     * guest starts (formatdomain.html#pci-passthrough and #setting-vlan-tag-on-supported-network-types-only):
     * {@code <vlan><tag id='VLAN'/></vlan>} for a VLAN id, {@code trustGuestRxFilters='yes'} when trusted (the
     * VF may then change its MAC and enter promiscuous/multicast modes; Nova's {@code trusted} device_spec tag).
     *
     * @param vlanOrNull VLAN id 0..4095, or null for none (untagged)
     * @param trusted    true: {@code trustGuestRxFilters='yes'}; false: the attribute is left out (libvirt: no)
     * @throws IllegalArgumentException when the VLAN id is out of 0..4095 (802.1Q)
     */
    public static DomainInterface hostdevVf(PciAddress vf, MacAddress macOrNull, Integer vlanOrNull, boolean trusted) {
        DomainInterface i = hostdevVf(vf, macOrNull);
        if (vlanOrNull != null) {
            if (vlanOrNull < 0 || vlanOrNull > 4095) {
                throw new IllegalArgumentException("VLAN id " + vlanOrNull + " is out of range 0-4095 (802.1Q)");
            }
            DomainInterfaceVlan vlan = new DomainInterfaceVlan();
            DomainInterfaceVlanTag tag = new DomainInterfaceVlanTag();
            tag.setId(vlanOrNull);
            vlan.getTags().add(tag);
            i.vlan = vlan;
        }
        if (trusted) {
            i.trustGuestRxFiltersRaw = "yes";
        }
        return i;
    }

    /**
     * A virtio NIC on a host bridge: {@code <interface type='bridge'><mac/><source bridge='BR'/><model
     * type='virtio'/></interface>} (formatdomain.html#bridge-to-lan).
     *
     * @param macOrNull MAC, or null to let libvirt generate one
     */
    public static DomainInterface virtioBridge(String bridge, MacAddress macOrNull) {
        DomainInterface i = virtio("bridge", macOrNull);
        i.source.setBridge(java.util.Objects.requireNonNull(bridge, "bridge"));
        return i;
    }

    /**
     * A virtio NIC on a libvirt virtual network: {@code <interface type='network'><mac/><source network='NET'/>
     * <model type='virtio'/></interface>} (formatdomain.html#virtual-network).
     *
     * @param macOrNull MAC, or null to let libvirt generate one
     */
    public static DomainInterface virtioNetwork(String network, MacAddress macOrNull) {
        DomainInterface i = virtio("network", macOrNull);
        i.source.setNetwork(java.util.Objects.requireNonNull(network, "network"));
        return i;
    }

    private static DomainInterface virtio(String type, MacAddress macOrNull) {
        DomainInterface i = new DomainInterface();
        i.type = type;
        if (macOrNull != null) {
            i.mac = DomainInterfaceMac.of(macOrNull);
        }
        i.source = new DomainInterfaceSource();
        i.model = new DomainInterfaceModel();
        i.model.setType("virtio");
        return i;
    }

    /** The VLAN tag id of a single-tag {@code <vlan>}, if there is one. */
    public Optional<Integer> vlanTag() {
        return vlan == null || vlan.getTags().size() != 1 ? Optional.empty()
                : Optional.ofNullable(vlan.getTags().get(0).getId());
    }

    /** True for {@code type='hostdev'}. */
    public boolean isHostdev() {
        return "hostdev".equals(type);
    }

    /** Host PCI address of a {@code type='hostdev'} interface, if it has one. */
    public Optional<PciAddress> sourcePciAddress() {
        if (!isHostdev() || source == null || source.getAddress() == null || !source.getAddress().isPci()) {
            return Optional.empty();
        }
        return Optional.of(source.getAddress().toPciAddress());
    }

    /** The MAC, if set. */
    public Optional<MacAddress> macAddress() {
        return Optional.ofNullable(mac).map(DomainInterfaceMac::toMacAddress);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code managed} attribute (type hostdev), {@code "yes"|"no"|null}. */
    public String getManagedRaw() {
        return managedRaw;
    }

    public void setManagedRaw(String managedRaw) {
        this.managedRaw = managedRaw;
    }

    public Boolean getManaged() {
        return XmlValues.yesNo(managedRaw, "interface managed");
    }

    public void setManaged(Boolean managed) {
        this.managedRaw = XmlValues.yesNo(managed);
    }

    /** Raw {@code trustGuestRxFilters} attribute, {@code "yes"|"no"|null}. */
    public String getTrustGuestRxFiltersRaw() {
        return trustGuestRxFiltersRaw;
    }

    public void setTrustGuestRxFiltersRaw(String trustGuestRxFiltersRaw) {
        this.trustGuestRxFiltersRaw = trustGuestRxFiltersRaw;
    }

    public Boolean getTrustGuestRxFilters() {
        return XmlValues.yesNo(trustGuestRxFiltersRaw, "interface trustGuestRxFilters");
    }

    public void setTrustGuestRxFilters(Boolean trust) {
        this.trustGuestRxFiltersRaw = XmlValues.yesNo(trust);
    }

    public DomainInterfaceMac getMac() {
        return mac;
    }

    public void setMac(DomainInterfaceMac mac) {
        this.mac = mac;
    }

    public DomainInterfaceSource getSource() {
        return source;
    }

    public void setSource(DomainInterfaceSource source) {
        this.source = source;
    }

    public DomainInterfaceVlan getVlan() {
        return vlan;
    }

    public void setVlan(DomainInterfaceVlan vlan) {
        this.vlan = vlan;
    }

    public DomainInterfaceTarget getTarget() {
        return target;
    }

    public void setTarget(DomainInterfaceTarget target) {
        this.target = target;
    }

    public DomainInterfaceModel getModel() {
        return model;
    }

    public void setModel(DomainInterfaceModel model) {
        this.model = model;
    }

    public DomainInterfaceDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainInterfaceDriver driver) {
        this.driver = driver;
    }

    public DomainInterfaceTeaming getTeaming() {
        return teaming;
    }

    public void setTeaming(DomainInterfaceTeaming teaming) {
        this.teaming = teaming;
    }

    public DomainInterfaceLink getLink() {
        return link;
    }

    public void setLink(DomainInterfaceLink link) {
        this.link = link;
    }

    public DomainInterfaceMtu getMtu() {
        return mtu;
    }

    public void setMtu(DomainInterfaceMtu mtu) {
        this.mtu = mtu;
    }

    public DomainDeviceBoot getBoot() {
        return boot;
    }

    public void setBoot(DomainDeviceBoot boot) {
        this.boot = boot;
    }

    public DomainRom getRom() {
        return rom;
    }

    public void setRom(DomainRom rom) {
        this.rom = rom;
    }

    /** {@code <virtualport>}, {@code null} if absent. */
    public DomainInterfaceVirtualport getVirtualport() {
        return virtualport;
    }

    public void setVirtualport(DomainInterfaceVirtualport virtualport) {
        this.virtualport = virtualport;
    }

    /** {@code <bandwidth>}, {@code null} if absent. */
    public DomainInterfaceBandwidth getBandwidth() {
        return bandwidth;
    }

    public void setBandwidth(DomainInterfaceBandwidth bandwidth) {
        this.bandwidth = bandwidth;
    }

    /** {@code <coalesce>}, {@code null} if absent. */
    public DomainInterfaceCoalesce getCoalesce() {
        return coalesce;
    }

    public void setCoalesce(DomainInterfaceCoalesce coalesce) {
        this.coalesce = coalesce;
    }

    /** {@code <backend>}, {@code null} if absent. */
    public DomainInterfaceBackend getBackend() {
        return backend;
    }

    public void setBackend(DomainInterfaceBackend backend) {
        this.backend = backend;
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

    /** The {@code <portForward>} children in document order; live, never {@code null}. */
    public List<DomainInterfacePortForward> getPortForwards() {
        if (portForwards == null) {
            portForwards = new ArrayList<>();
        }
        return portForwards;
    }

    /** {@code <script>}, {@code null} if absent. */
    public DomainInterfaceScript getScript() {
        return script;
    }

    public void setScript(DomainInterfaceScript script) {
        this.script = script;
    }

    /** {@code <downscript>}, {@code null} if absent. */
    public DomainInterfaceScript getDownscript() {
        return downscript;
    }

    public void setDownscript(DomainInterfaceScript downscript) {
        this.downscript = downscript;
    }

    /** {@code <filterref>}, {@code null} if absent. */
    public DomainInterfaceFilterref getFilterref() {
        return filterref;
    }

    public void setFilterref(DomainInterfaceFilterref filterref) {
        this.filterref = filterref;
    }

    /** {@code <tune>}, {@code null} if absent. */
    public DomainInterfaceTune getTune() {
        return tune;
    }

    public void setTune(DomainInterfaceTune tune) {
        this.tune = tune;
    }

    /** {@code <guest>}, {@code null} if absent. */
    public DomainInterfaceGuest getGuest() {
        return guest;
    }

    public void setGuest(DomainInterfaceGuest guest) {
        this.guest = guest;
    }

    /** {@code <acpi>}, {@code null} if absent. */
    public DomainInterfaceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainInterfaceAcpi acpi) {
        this.acpi = acpi;
    }

    /** {@code <port>}, {@code null} if absent. */
    public DomainInterfacePort getPort() {
        return port;
    }

    public void setPort(DomainInterfacePort port) {
        this.port = port;
    }

    /** {@code <backenddomain>}, {@code null} if absent. */
    public DomainInterfaceBackenddomain getBackenddomain() {
        return backenddomain;
    }

    public void setBackenddomain(DomainInterfaceBackenddomain backenddomain) {
        this.backenddomain = backenddomain;
    }
}
