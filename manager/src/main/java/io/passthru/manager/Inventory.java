package io.passthru.manager;

import io.passthru.manager.libvirt.Host;
import io.passthru.manager.pool.DeviceType;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainInterface;
import io.passthru.xml.nodedev.NodeDevice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PFs and VFs of one host, read from libvirt node devices (works on remote hosts too), with which domain (running
 * or only defined) holds each VF through a {@code <hostdev>} or {@code <interface type='hostdev'>}; and every PCI
 * function of the host ({@link #functions()}: PFs, VFs, plain PCI devices without SR-IOV, bridges) with its class,
 * driver, IOMMU group and holder, for plain PCI/PF passthrough and the IOMMU group rules ({@link AssignmentRules}).
 */
public final class Inventory {

    /** A VF. {@code usedBy} is the domain holding it, or null; {@code iommuGroup}/{@code numaNode} may be null. */
    public record Vf(PciAddress address, PciAddress pf, String vendorId, String productId, String driver,
                     Integer iommuGroup, Integer numaNode, String usedBy) {
        /**
         * Free: no domain holds it and no host driver is bound to it other than a VFIO one (vfio-pci or a variant
         * driver, {@link VfioDrivers#isVfio}).
         */
        public boolean isFree() {
            return usedBy == null && (driver == null || VfioDrivers.isVfio(driver));
        }
    }

    /** A PF: its netdev name and link state (from the net node device), its VFs. */
    public record Pf(PciAddress address, String netInterface, String linkState, String vendorId, String productId,
                     String driver, int totalVfs, Integer numaNode, List<Vf> vfs) {
        public boolean linkUp() {
            return "up".equals(linkState);
        }
    }

    /**
     * One PCI function of the host.
     *
     * @param address           its PCI address
     * @param kind              {@link DeviceType#PF} (SR-IOV capable, VFs or {@code sriov_totalvfs} listed),
     *                          {@link DeviceType#VF}, or {@link DeviceType#PCI} for anything else (bridges too)
     * @param pf                a VF's PF, else null
     * @param vendorId          as libvirt writes it, e.g. {@code 0x8086}
     * @param productId         e.g. {@code 0x10d3}
     * @param pciClass          PCI class code as libvirt writes it, e.g. {@code 0x020000}; null when not reported
     * @param driver            host driver bound now, or null (unbound)
     * @param iommuGroup        IOMMU group number, or null (no IOMMU)
     * @param iommuGroupMembers every function of that group, itself included
     * @param numaNode          host NUMA node, or null
     * @param usedBy            the domain holding it (live or persistent definition), or null
     */
    public record PciFunction(PciAddress address, DeviceType kind, PciAddress pf, String vendorId, String productId,
                              String pciClass, String driver, Integer iommuGroup, List<PciAddress> iommuGroupMembers,
                              Integer numaNode, String usedBy) {
        /** A bridge (PCI base class 0x06: host, PCI-to-PCI, PCIe root port...): never an endpoint to assign. */
        public boolean isBridge() {
            return pciClass != null && pciClass.toLowerCase(java.util.Locale.ROOT).replaceFirst("^0x", "")
                    .matches("0*6[0-9a-f]{4}");
        }

        /**
         * Free: no domain holds it and no host driver is bound to it other than a VFIO one (vfio-pci or a variant
         * driver, {@link VfioDrivers#isVfio}).
         */
        public boolean isFree() {
            return usedBy == null && (driver == null || VfioDrivers.isVfio(driver));
        }
    }

    private final String uri;
    private final List<Pf> pfs;
    private final Map<PciAddress, PciFunction> functions;

    private Inventory(String uri, List<Pf> pfs) {
        this(uri, pfs, List.of());
    }

    private Inventory(String uri, List<Pf> pfs, List<PciFunction> functions) {
        this.uri = uri;
        this.pfs = pfs;
        Map<PciAddress, PciFunction> m = new LinkedHashMap<>();
        functions.stream().sorted(Comparator.comparing(PciFunction::address)).forEach(f -> m.put(f.address(), f));
        this.functions = java.util.Collections.unmodifiableMap(m);
    }

    /** An inventory from given parts (tests, or a caller that read the node devices itself). */
    public static Inventory of(String uri, List<Pf> pfs, List<PciFunction> functions) {
        return new Inventory(uri, List.copyOf(pfs), functions);
    }

    /**
     * This inventory with who holds each device replaced by {@code usage} (PCI source address to domain name, as
     * {@link #usage(Host)} reads it): node device facts (PFs, VFs, drivers, IOMMU groups) as they were scanned, holders
     * as they are now. For a caller that scanned the host once and attaches under a lock, where only the holders can
     * have changed in a way that matters (libvirt arbitrates live attaches itself).
     */
    public Inventory withUsage(Map<PciAddress, String> usage) {
        List<Pf> newPfs = pfs.stream().map(p -> new Pf(p.address(), p.netInterface(), p.linkState(), p.vendorId(),
                p.productId(), p.driver(), p.totalVfs(), p.numaNode(), p.vfs().stream().map(v -> new Vf(v.address(),
                v.pf(), v.vendorId(), v.productId(), v.driver(), v.iommuGroup(), v.numaNode(),
                usage.get(v.address()))).toList())).toList();
        List<PciFunction> newFunctions = functions.values().stream().map(f -> new PciFunction(f.address(), f.kind(),
                f.pf(), f.vendorId(), f.productId(), f.pciClass(), f.driver(), f.iommuGroup(), f.iommuGroupMembers(),
                f.numaNode(), usage.get(f.address()))).toList();
        return new Inventory(uri, newPfs, newFunctions);
    }

    /** Every PCI function of the host, by address. */
    public List<PciFunction> functions() {
        return List.copyOf(functions.values());
    }

    /** The PCI function at {@code address}, if the host has it. */
    public Optional<PciFunction> function(PciAddress address) {
        return Optional.ofNullable(functions.get(address));
    }

    /** Plain PCI devices: functions that are neither PF nor VF nor a bridge (Nova's {@code type-PCI}). */
    public List<PciFunction> pciDevices() {
        return functions.values().stream().filter(f -> f.kind() == DeviceType.PCI && !f.isBridge()).toList();
    }

    public String uri() {
        return uri;
    }

    public List<Pf> pfs() {
        return pfs;
    }

    public List<Vf> vfs() {
        return pfs.stream().flatMap(p -> p.vfs().stream()).toList();
    }

    public Optional<Vf> vf(PciAddress address) {
        return vfs().stream().filter(v -> v.address().equals(address)).findFirst();
    }

    public Optional<Pf> pf(PciAddress address) {
        return pfs.stream().filter(p -> p.address().equals(address)).findFirst();
    }

    /** Reads the inventory of {@code host}. */
    public static Inventory scan(Host host) {
        return scan(host, usage(host));
    }

    /**
     * {@link #scan} for a migration's destination, where other migrations may be arriving: who holds what comes from
     * the persistent domains only (their definitions, and the live XML of those running). A transient running domain,
     * which a guest being migrated in is until libvirt's Finish step, is left out: reading its live XML waits for its
     * migration job, up to libvirt's 30 s job wait (seen on the lab in a parallel evacuation: "cannot acquire state
     * change lock (held by monitor=remoteDispatchDomainMigratePrepare3Params)"). A VF such a domain holds is refused
     * by libvirt when it is plugged, and the plug goes on to the next free VF.
     */
    public static Inventory scanAsDestination(Host host) {
        Map<PciAddress, String> usage = new HashMap<>();
        persistentHolders(host).forEach((a, names) -> usage.put(a, names.get(names.size() - 1)));
        return scan(host, usage);
    }

    private static Inventory scan(Host host, Map<PciAddress, String> usage) {
        List<NodeDevice> pci = host.nodeDevices("pci");
        List<NodeDevice> net = host.nodeDevices("net");
        Map<String, NodeDevice> netByParent = new HashMap<>();
        for (NodeDevice n : net) {
            if (n.getParent() != null) {
                netByParent.putIfAbsent(n.getParent(), n);
            }
        }
        Map<PciAddress, NodeDevice> byAddress = new LinkedHashMap<>();
        for (NodeDevice d : pci) {
            d.pciAddress().ifPresent(a -> byAddress.put(a, d));
        }
        List<Pf> pfs = new ArrayList<>();
        for (NodeDevice d : pci) {
            if (!d.isPhysicalFunction() || d.pciAddress().isEmpty()) {
                continue;
            }
            PciAddress pfAddr = d.pciAddress().get();
            List<Vf> vfs = new ArrayList<>();
            for (PciAddress va : d.virtFunctions()) {
                NodeDevice v = byAddress.get(va);
                vfs.add(new Vf(va, pfAddr,
                        v == null ? d.vendorId() : v.vendorId(), v == null ? null : v.productId(),
                        v == null ? null : v.driverName().orElse(null),
                        v == null ? null : box(v.iommuGroup()), v == null ? null : box(v.numaNode()),
                        usage.get(va)));
            }
            vfs.sort(Comparator.comparing(Vf::address));
            NodeDevice netdev = netByParent.get(d.getName());
            pfs.add(new Pf(pfAddr, netdev == null ? null : netdev.netInterface().orElse(null),
                    netdev == null ? null : netdev.linkState().orElse(null), d.vendorId(), d.productId(),
                    d.driverName().orElse(null), d.maxVirtFunctions().orElse(vfs.size()), box(d.numaNode()),
                    List.copyOf(vfs)));
        }
        pfs.sort(Comparator.comparing(Pf::address));
        List<PciFunction> functions = new ArrayList<>();
        for (NodeDevice d : pci) {
            if (d.pciAddress().isEmpty()) {
                continue;
            }
            PciAddress a = d.pciAddress().get();
            DeviceType kind = d.isPhysicalFunction() ? DeviceType.PF
                    : d.isVirtualFunction() ? DeviceType.VF : DeviceType.PCI;
            functions.add(new PciFunction(a, kind, d.physFunction().orElse(null), d.vendorId(), d.productId(),
                    d.pciCapability().map(c -> c.getPciClass()).orElse(null), d.driverName().orElse(null),
                    box(d.iommuGroup()), List.copyOf(d.iommuGroupMembers()), box(d.numaNode()), usage.get(a)));
        }
        return new Inventory(host.uri(), List.copyOf(pfs), functions);
    }

    /**
     * A VF of a host and its PF, as read by {@link #vfAndPf(Host, PciAddress)}.
     *
     * @param vf          the VF's PCI address
     * @param pf          its PF's PCI address
     * @param vendorId    the VF's vendor, as libvirt writes it ({@code 0x8086})
     * @param productId   the VF's product ({@code 0x10ca})
     * @param pfVendorId  the PF's vendor
     * @param pfProductId the PF's product ({@code 0x10c9})
     */
    public record VfAndPf(PciAddress vf, PciAddress pf, String vendorId, String productId, String pfVendorId,
                          String pfProductId) {
    }

    /**
     * The VF at {@code vf} and its PF, from those two node devices alone (four libvirt RPCs, where {@link #scan}
     * reads every PCI and net node device and every domain's XML): for a caller that needs nothing else of the host,
     * like a migration's pre-check on the source, whose guest already holds the VF.
     *
     * @return empty when the host has no PCI function at {@code vf}, it is not a VF, or its PF is gone
     */
    public static Optional<VfAndPf> vfAndPf(Host host, PciAddress vf) {
        Optional<NodeDevice> v = host.pciNodeDevice(vf).filter(NodeDevice::isVirtualFunction);
        Optional<PciAddress> pfAddr = v.flatMap(NodeDevice::physFunction);
        Optional<NodeDevice> pf = pfAddr.flatMap(host::pciNodeDevice);
        if (pf.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VfAndPf(vf, pfAddr.get(), v.get().vendorId(), v.get().productId(), pf.get().vendorId(),
                pf.get().productId()));
    }

    private static Integer box(java.util.OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    /** PCI source address -> name of the domain holding it, over live and persistent definitions. */
    static Map<PciAddress, String> usage(Host host) {
        Map<PciAddress, String> usage = new HashMap<>();
        holders(host).forEach((a, names) -> usage.put(a, names.get(names.size() - 1)));
        return usage;
    }

    /**
     * PCI source address -> names of every domain whose live or persistent definition holds it (more than one only
     * when config-only attaches raced, which libvirt does not arbitrate).
     */
    public static Map<PciAddress, List<String>> holders(Host host) {
        Map<PciAddress, List<String>> usage = new HashMap<>();
        for (org.libvirt.Domain dom : host.allDomains()) {
            String name = Host.name(dom);
            List<String> xmls = new ArrayList<>();
            xmls.add(Host.xml(dom, false));
            if (Host.isActive(dom) && Host.isPersistent(dom)) {
                xmls.add(Host.xml(dom, true));
            }
            for (String xml : xmls) {
                addDevices(usage, name, xml);
            }
        }
        return usage;
    }

    /**
     * {@link #holders} of the persistent domains only: their persistent definitions, and the live XML of the running
     * ones; transient domains are not read ({@link #scanAsDestination}).
     */
    static Map<PciAddress, List<String>> persistentHolders(Host host) {
        Map<PciAddress, List<String>> usage = new HashMap<>();
        for (org.libvirt.Domain dom : host.allDomains()) {
            if (!Host.isPersistent(dom)) {
                continue;
            }
            String name = Host.name(dom);
            addDevices(usage, name, Host.xml(dom, true));
            if (Host.isActive(dom)) {
                addDevices(usage, name, Host.xml(dom, false));
            }
        }
        return usage;
    }

    /**
     * PCI devices named in the persistent definitions of the host's domains (shut-off domains, and the inactive
     * definition of running ones), by address. Running domains' live XML is not read: libvirt arbitrates what a
     * running domain holds itself (an attach of a device in use fails), and reading it waits for the domain's job
     * lock, up to 30 s while the domain is being migrated in (seen on the lab: "cannot acquire state change lock
     * (held by monitor=remoteDispatchDomainMigratePrepare3Params)" during a parallel evacuation).
     */
    static Map<PciAddress, List<String>> definitionHolders(Host host) {
        Map<PciAddress, List<String>> usage = new HashMap<>();
        for (org.libvirt.Domain dom : host.allDomains()) {
            if (!Host.isPersistent(dom)) {
                continue;
            }
            addDevices(usage, Host.name(dom), Host.xml(dom, true));
        }
        return usage;
    }

    private static void addDevices(Map<PciAddress, List<String>> usage, String name, String xml) {
        Domain d = XmlCodec.unmarshal(xml, Domain.class);
        if (d.getDevices() == null) {
            return;
        }
        for (DomainHostdev h : d.getDevices().hostdevs()) {
            h.sourcePciAddress().ifPresent(a -> add(usage, a, name));
        }
        for (DomainInterface i : d.getDevices().interfaces()) {
            if (i.isHostdev()) {
                i.sourcePciAddress().ifPresent(a -> add(usage, a, name));
            }
        }
    }

    private static void add(Map<PciAddress, List<String>> usage, PciAddress a, String name) {
        List<String> names = usage.computeIfAbsent(a, k -> new ArrayList<>());
        if (!names.contains(name)) {
            names.add(name);
        }
    }
}
