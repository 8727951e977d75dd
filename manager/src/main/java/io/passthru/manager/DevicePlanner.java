package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.pool.Allocator;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.pool.DeviceType;
import io.passthru.manager.pool.NumaPolicy;
import io.passthru.manager.pool.PciAlias;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainAddress;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainInterface;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-device part of a migration's plan ({@link MigrationPlan}): which devices of the live XML move by
 * {@link MigrationPlan#HOTPLUG}, the operator's {@code --strategy NAME=STRATEGY} choices, and each device's equivalent
 * on the destination. Pure logic on the domain XML and the hosts' inventories; {@link MigrationFlow} reads them.
 */
final class DevicePlanner {
    /** The strategies an operator can name in {@code --strategy}. */
    static final Set<String> STRATEGIES = Set.of("bond", "failover", "unplug-replug", MigrationPlan.HOTPLUG);

    private DevicePlanner() {
    }

    /** A {@code <hostdev>} or {@code <interface type='hostdev'>} of the live XML. */
    record Held(Object element, String kind, PciAddress source, String alias, PciAddress guestAddress) {
        boolean named(String name) {
            return name.equals(alias) || source != null && name.equalsIgnoreCase(source.toString());
        }

        String name() {
            return alias != null ? alias : source == null ? "?" : source.toString();
        }
    }

    /** Every passed-through device of {@code live}, in XML order: the VF interfaces, then the hostdevs. */
    static List<Held> held(Domain live) {
        List<Held> out = new ArrayList<>();
        if (live.getDevices() == null) {
            return out;
        }
        for (DomainInterface i : live.devices().interfaces()) {
            if (i.isHostdev()) {
                out.add(new Held(i, "vf", i.sourcePciAddress().orElse(null), i.aliasName().orElse(null),
                        guest(i.getAddress())));
            }
        }
        for (DomainHostdev h : live.devices().hostdevs()) {
            String kind = h.isPci() ? "pci" : h.getType() == null ? "hostdev" : h.getType();
            out.add(new Held(h, kind, h.sourcePciAddress().orElse(null), h.aliasName().orElse(null),
                    guest(h.getAddress())));
        }
        return out;
    }

    private static PciAddress guest(DomainAddress a) {
        return a == null ? null : a.pciAddress().orElse(null);
    }

    /**
     * The operator's {@code --strategy} choices checked against the guest's devices.
     *
     * @return device name (alias or source address, as held) to strategy
     * @throws InvalidRequestException naming a device the guest does not hold, or a strategy that does not fit it
     */
    static Map<String, String> checkChoices(Map<String, String> choices, List<Held> held, String domain) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : choices.entrySet()) {
            Held h = held.stream().filter(x -> x.named(c.getKey())).findFirst().orElseThrow(() ->
                    new InvalidRequestException("--strategy " + c.getKey() + "=" + c.getValue() + ": domain '" + domain
                            + "' holds no passed-through device with that alias or host PCI address (it holds: "
                            + held.stream().map(Held::name).toList() + "); nothing was changed"));
            if (!STRATEGIES.contains(c.getValue())) {
                throw new InvalidRequestException("--strategy " + c.getKey() + "=" + c.getValue() + ": unknown "
                        + "strategy; use bond, failover, unplug-replug (a VF the guest's network runs on) or hotplug");
            }
            if (!"vf".equals(h.kind()) && !MigrationPlan.HOTPLUG.equals(c.getValue())) {
                throw new InvalidRequestException("--strategy " + c.getKey() + "=" + c.getValue() + ": " + h.name()
                        + " is a <hostdev>, not a VF interface: it moves by hotplug only");
            }
            out.put(h.name(), c.getValue());
        }
        return out;
    }

    /**
     * The record's entry for held device {@code h} moving by {@code hotplug}.
     *
     * @param srcKind  {@code vf}, {@code pf} or {@code pci} as the source's inventory knows it
     * @param vendorId the device's vendor id ({@code 0x8086}), productId likewise
     * @param nicMac   the MAC of a passed-through NIC's netdev in the guest (given back on the destination), or null
     * @param nicLink  that netdev's name, or null
     */
    static io.passthru.manager.journal.Operation.Device entry(Held h, String srcKind, String vendorId,
                                                              String productId, String nicMac, String nicLink,
                                                              boolean notify) {
        io.passthru.manager.journal.Operation.Device d = new io.passthru.manager.journal.Operation.Device();
        d.address = h.source().toString();
        d.vf = "vf".equals(srcKind);
        d.kind = srcKind;
        d.strategy = MigrationPlan.HOTPLUG;
        d.vendorId = vendorId;
        d.productId = productId;
        d.guestAddress = h.guestAddress() == null ? null : h.guestAddress().toString();
        d.alias = h.alias();
        d.notify = notify ? Boolean.TRUE : null;
        if (h.element() instanceof DomainInterface i) {
            d.mac = i.macAddress().map(MacAddress::toString).orElse(null);
            d.vlan = i.vlanTag().orElse(null);
        } else {
            d.mac = nicMac;
            d.link = nicLink;
        }
        return d;
    }

    /**
     * The free devices of {@code inv} equivalent to {@code d}: a VF of the same vendor:product that no domain holds
     * (a VF of a PF with link down is left out); a PF or plain PCI device of the same kind and vendor:product that no
     * domain holds (its host driver may be bound: libvirt's managed hostdev rebinds it to vfio-pci, as for
     * {@code attach --pci}), not a bridge, a PF without VFs (as the lab's spare igb; a PF whose VFs exist serves
     * them), and that libvirt's assignment rules let {@code domain} have (PF/VF exclusivity, IOMMU group
     * viable: {@link AssignmentRules}). With {@code pool}, only devices a {@code device_spec} of it allows, and not
     * {@code remote_managed}. In address order.
     */
    static List<PciAddress> equivalents(Inventory inv, String domain, io.passthru.manager.journal.Operation.Device d,
                                        DevicePool pool) {
        List<PciAddress> out = new ArrayList<>();
        if ("vf".equals(d.kind)) {
            for (Inventory.Pf pf : inv.pfs()) {
                if (pf.netInterface() != null && !pf.linkUp()) {
                    continue;
                }
                pf.vfs().stream().filter(Inventory.Vf::isFree)
                        .filter(v -> same(v.vendorId(), d.vendorId) && same(v.productId(), d.productId))
                        .filter(v -> pool == null || pool.allowing(v.address(), v.pf(), v.vendorId(), v.productId())
                                .filter(s -> !s.remoteManaged()).isPresent())
                        .map(Inventory.Vf::address).forEach(out::add);
            }
            return out;
        }
        DeviceType type = "pf".equals(d.kind) ? DeviceType.PF : DeviceType.PCI;
        for (Inventory.PciFunction f : inv.functions()) {
            // a managed hostdev takes a device from its host driver (libvirt rebinds it to vfio-pci): not held by a
            // domain is what counts, as for attach --pci; a pool's device_spec is how a host keeps its own NICs
            if (f.kind() != type || f.isBridge() || f.usedBy() != null || !same(f.vendorId(), d.vendorId)
                    || !same(f.productId(), d.productId)) {
                continue;
            }
            if (type == DeviceType.PF && inv.pf(f.address()).map(pf -> !pf.vfs().isEmpty()).orElse(false)) {
                continue; // a PF whose VFs exist serves them: taking it whole would take them from the host
            }
            if (pool != null && pool.allowing(f.address(), f.pf(), f.vendorId(), f.productId())
                    .filter(s -> !s.remoteManaged()).isEmpty()) {
                continue;
            }
            if (AssignmentRules.allows(inv, domain, new PassthroughDevice.Hostdev(f.address(), type))) {
                out.add(f.address());
            }
        }
        return out;
    }

    /**
     * {@code equivalents} ordered and filtered by the NUMA policy of the destination pool's alias for the device's ids
     * ({@code numa_policy}; none: {@code legacy}, Nova's default) for a guest on host nodes {@code guestNodes} (its
     * {@code <numatune>}, which the migration keeps): devices on the guest's nodes first; {@code required} refuses
     * devices elsewhere, {@code legacy} those on another node (devices without NUMA information pass), {@code socket}
     * those on another socket, {@code preferred} takes any, last. What was refused or taken off the guest's nodes goes
     * to {@code notes}, with the nodes named.
     */
    static List<PciAddress> numaOrder(List<PciAddress> equivalents, Inventory inv, Operation.Device d,
                                      DevicePool pool, Set<Integer> guestNodes, Map<Integer, Integer> sockets,
                                      List<String> notes) {
        NumaPolicy policy = pool == null ? NumaPolicy.LEGACY : pool.aliases().stream()
                .filter(a -> a.matchesIds(d.vendorId, d.productId)).map(PciAlias::numaPolicy).findFirst()
                .orElse(NumaPolicy.LEGACY);
        Map<PciAddress, Integer> tiers = new LinkedHashMap<>();
        Map<PciAddress, Integer> refused = new LinkedHashMap<>();
        for (PciAddress a : equivalents) {
            Integer node = numaNode(inv, a);
            Integer t = Allocator.numaTier(policy, node, guestNodes, sockets);
            if (t == null) {
                refused.put(a, node);
            } else {
                tiers.put(a, t);
            }
        }
        List<PciAddress> out = new ArrayList<>(tiers.keySet());
        out.sort(java.util.Comparator.comparing(tiers::get));
        if (!refused.isEmpty()) {
            notes.add(d.address + ": numa_policy " + policy + " refused " + refused.entrySet().stream()
                    .map(e -> e.getKey() + " (NUMA node " + (e.getValue() == null ? "unknown" : e.getValue()) + ")")
                    .toList() + " for a guest on host NUMA node(s) " + guestNodes);
        }
        if (!out.isEmpty() && tiers.get(out.get(0)) > 0) {
            Integer node = numaNode(inv, out.get(0));
            notes.add("warning: " + d.address + " gets " + out.get(0) + " on NUMA node "
                    + (node == null ? "unknown" : node) + ", not on the guest's node(s) " + guestNodes
                    + " (numa_policy " + policy + ")");
        }
        return out;
    }

    /** The host NUMA node of device {@code a} in {@code inv}, or null. */
    static Integer numaNode(Inventory inv, PciAddress a) {
        return inv.vf(a).map(Inventory.Vf::numaNode)
                .orElseGet(() -> inv.function(a).map(Inventory.PciFunction::numaNode).orElse(null));
    }

    /** {@code 0x8086} and {@code 0x10d3} as {@code 8086:10d3}, as lspci and the guest's hooks write it. */
    static String vendorProduct(String vendorId, String productId) {
        return bare(vendorId) + ":" + bare(productId);
    }

    private static String bare(String id) {
        return id == null ? "????" : id.toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
    }

    static boolean same(String a, String b) {
        return a != null && b != null && bare(a).equals(bare(b));
    }

    /** The plan's entry of a device that moves by hotplug. */
    static MigrationPlan.Entry planEntry(io.passthru.manager.journal.Operation.Device d, String refusal) {
        return new MigrationPlan.Entry(d.kind, PciAddress.parse(d.address), d.alias,
                d.guestAddress == null ? null : PciAddress.parse(d.guestAddress),
                vendorProduct(d.vendorId, d.productId), d.mac, refusal == null ? MigrationPlan.HOTPLUG : null,
                d.destAddress == null ? null : PciAddress.parse(d.destAddress), refusal,
                Boolean.TRUE.equals(d.notify));
    }

    /** A device no strategy moves (an mdev, a USB or SCSI hostdev): the plan refuses it. */
    static MigrationPlan.Entry unmovable(Held h) {
        return new MigrationPlan.Entry(h.kind(), h.source(), h.alias(), h.guestAddress(), null, null, null, null,
                "a " + h.kind() + " hostdev has no migration strategy yet (hotplug moves PCI devices, PFs and VFs); "
                        + "detach it first", false);
    }

    static Optional<Held> find(List<Held> held, PciAddress source) {
        return held.stream().filter(h -> source.equals(h.source())).findFirst();
    }
}
