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
    static final Set<String> STRATEGIES = Set.of("bond", "failover", "unplug-replug", MigrationPlan.HOTPLUG,
            MigrationPlan.STATE);

    private DevicePlanner() {
    }

    /**
     * A {@code <hostdev>} or {@code <interface type='hostdev'>} of the live XML; {@code mdev}: an mdev hostdev's UUID
     * ({@code <source><address uuid=.../>}), else null.
     */
    record Held(Object element, String kind, PciAddress source, String alias, PciAddress guestAddress, String mdev) {
        Held(Object element, String kind, PciAddress source, String alias, PciAddress guestAddress) {
            this(element, kind, source, alias, guestAddress, null);
        }

        boolean named(String name) {
            return name.equals(alias) || source != null && name.equalsIgnoreCase(source.toString())
                    || mdev != null && name.equalsIgnoreCase(mdev);
        }

        String name() {
            return alias != null ? alias : source != null ? source.toString() : mdev != null ? mdev : "?";
        }
    }

    /** The UUID of an mdev hostdev ({@code <source><address uuid='...'/>}, formatdomain.html "Host device assignment"). */
    static String mdevUuid(DomainHostdev h) {
        return h.getSource() == null || h.getSource().getAddress() == null ? null
                : h.getSource().getAddress().getUuid();
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
                        guest(i.getAddress()), null));
            }
        }
        for (DomainHostdev h : live.devices().hostdevs()) {
            String kind = h.isPci() ? "pci" : h.getType() == null ? "hostdev" : h.getType();
            out.add(new Held(h, kind, h.sourcePciAddress().orElse(null), h.aliasName().orElse(null),
                    guest(h.getAddress()), "mdev".equals(kind) ? mdevUuid(h) : null));
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
                        + "strategy; use bond, failover, unplug-replug (a VF the guest's network runs on), hotplug "
                        + "(a PCI device, PF or VF) or state (an mdev, or a PCI device of a VFIO variant driver)");
            }
            if ("mdev".equals(h.kind()) && !MigrationPlan.STATE.equals(c.getValue())) {
                throw new InvalidRequestException("--strategy " + c.getKey() + "=" + c.getValue() + ": " + h.name()
                        + " is an mdev: it moves by state only (its state migrated by QEMU)");
            }
            if (!"vf".equals(h.kind()) && !"mdev".equals(h.kind()) && !MigrationPlan.HOTPLUG.equals(c.getValue())
                    && !MigrationPlan.STATE.equals(c.getValue())) {
                throw new InvalidRequestException("--strategy " + c.getKey() + "=" + c.getValue() + ": " + h.name()
                        + " is a <hostdev>, not a VF interface: it moves by hotplug, or by state when its VFIO "
                        + "variant driver migrates its state");
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

    /** A device no strategy moves (a USB or SCSI hostdev): the plan refuses it. */
    static MigrationPlan.Entry unmovable(Held h) {
        return new MigrationPlan.Entry(h.kind(), h.source(), h.alias(), h.guestAddress(), null, null, null, null,
                "a " + h.kind() + " hostdev has no migration strategy yet (hotplug moves PCI devices, PFs and VFs, "
                        + "state moves mdevs); detach it first", false);
    }

    /**
     * The record's entry of an mdev moving by {@code state}: its UUID as the device's address, its type.
     *
     * @param type the mdev's type on the source (libvirt's node device), or null when the source does not know it
     */
    static Operation.Device stateEntry(Held h, String type) {
        Operation.Device d = new Operation.Device();
        d.address = h.mdev();
        d.kind = "mdev";
        d.strategy = MigrationPlan.STATE;
        d.mdevType = type;
        d.guestAddress = h.guestAddress() == null ? null : h.guestAddress().toString();
        d.alias = h.alias();
        return d;
    }

    /**
     * Plans the {@code state} move of mdev {@code d} (from {@link #stateEntry}) to {@code dstUri}: what QEMU and the
     * destination allow. Refused, nothing changed, when QEMU reports a migration blocker ({@code query-migrate}'s
     * {@code blocked-reasons}: a reason naming the mdev's UUID, or naming none of the guest's other devices); when the
     * mdev's type is unknown; when the destination's mdev with that UUID is of another type or a domain there holds it;
     * when the destination has no such mdev and no parent offering the type with an instance available. Otherwise fills
     * {@code d.mdevParent}: the parent to create it on, or null to use (restart) the destination's own.
     *
     * @param blockers    QEMU's blocked-reasons for the guest (empty: none)
     * @param others      the guest's other passed-through devices as QEMU names them (mdev UUIDs, host PCI
     *                    addresses): a blocker naming one of them is theirs (a PCI device that moves by unplugging is
     *                    gone before the migration starts, and its blocker with it)
     * @param dstMdevs    the destination's mdevs
     * @param dstTypes    the types the destination's parents offer
     * @param claimed     parent node device to instances this plan already takes (updated)
     */
    static MigrationPlan.Entry planState(Operation.Device d, List<String> blockers, Set<String> others,
                                         List<Mdevs.Mdev> dstMdevs, List<Mdevs.MdevType> dstTypes, String dstUri,
                                         Map<String, Integer> claimed) {
        List<String> mine = blockers.stream().filter(b -> b.toLowerCase(Locale.ROOT).contains(d.address
                .toLowerCase(Locale.ROOT)) || others.stream().noneMatch(u -> b.toLowerCase(Locale.ROOT)
                .contains(u.toLowerCase(Locale.ROOT)))).toList();
        if (!mine.isEmpty()) {
            return stateLine(d, "QEMU blocks the migration of its state: " + String.join("; ", mine) + " (no other "
                    + "strategy moves an mdev: detach it first with passthru detach --mdev " + d.address
                    + ", or lift the blocker)", null);
        }
        if (d.mdevType == null) {
            return stateLine(d, "the source host has no mdev " + d.address + " (libvirt's node devices name none): "
                    + "its type is unknown", null);
        }
        Optional<Mdevs.Mdev> there = dstMdevs.stream().filter(m -> m.uuid().equalsIgnoreCase(d.address)).findFirst();
        if (there.isPresent()) {
            Mdevs.Mdev m = there.get();
            if (!d.mdevType.equals(m.type())) {
                return stateLine(d, dstUri + " has mdev " + d.address + " of type " + m.type() + ", not "
                        + d.mdevType + ": remove it there (passthru mdev remove " + d.address + " -c " + dstUri
                        + ") or pick another host", null);
            }
            if (m.usedBy() != null) {
                return stateLine(d, "domain '" + m.usedBy() + "' on " + dstUri + " holds mdev " + d.address
                        + ": it cannot be this guest's there", null);
            }
            d.mdevParent = null;
            return stateLine(d, null, "the destination's own mdev, restarted for a fresh device state");
        }
        for (Mdevs.MdevType t : dstTypes) {
            int taken = claimed.getOrDefault(t.parent(), 0);
            if (t.id().equals(d.mdevType) && t.available() > taken) {
                claimed.merge(t.parent(), 1, Integer::sum);
                d.mdevParent = t.parent();
                return stateLine(d, null, "created on " + t.parent() + " before the migration, removed if it fails");
            }
        }
        List<String> offered = dstTypes.stream().map(t -> t.id() + " on " + t.parent() + " (" + t.available()
                + " free)").distinct().toList();
        return stateLine(d, dstUri + " has no mdev " + d.address + " and no parent offering type " + d.mdevType
                + " with an instance free (that its device pool allows, when it names mdev types; it offers " + (offered.isEmpty() ? "no mdev types" : offered) + "); load "
                + "the parent's driver there, or create it: passthru mdev create --type " + d.mdevType + " --uuid "
                + d.address + " -c " + dstUri, null);
    }

    /**
     * A device whose state QEMU would migrate, refused because {@code --postcopy} was asked: QEMU blocks VFIO
     * migration with post-copy (QEMU 8.1, "vfio/migration: Block VFIO migration with postcopy migration": the
     * destination's device cannot wait for a page fault on memory not yet sent, and QEMU stops with a DMA mapping
     * error).
     */
    static MigrationPlan.Entry postcopyRefused(Operation.Device d) {
        return stateLine(d, "--postcopy: QEMU cannot migrate a VFIO device's state in post-copy (the destination's "
                + "device cannot wait for guest pages not yet sent, so QEMU blocks VFIO migration with post-copy); "
                + "migrate without --postcopy, or detach the device first (passthru detach --mdev " + d.address
                + ")", null);
    }

    static MigrationPlan.Entry stateLine(Operation.Device d, String refusal, String detail) {
        return new MigrationPlan.Entry("mdev", null, d.alias, d.guestAddress == null ? null
                : PciAddress.parse(d.guestAddress), null, null, refusal == null ? MigrationPlan.STATE : null, null,
                refusal, false, d.address, d.mdevType, detail);
    }

    /**
     * QEMU's migration blockers from its {@code query-migrate} answer ({@code {"return":{"blocked-reasons":[...]}}},
     * QEMU 6.0+ QMP); empty when it has none.
     */
    static List<String> blockedReasons(String queryMigrateReply) {
        try {
            com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(queryMigrateReply).path("return").path("blocked-reasons");
            List<String> out = new ArrayList<>();
            r.forEach(n -> out.add(n.asText()));
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new io.passthru.manager.error.LibvirtCallException("QEMU's query-migrate answer is not JSON: "
                    + queryMigrateReply, e, io.passthru.PassthruException.NO_LIBVIRT_ERROR);
        }
    }

    static Optional<Held> find(List<Held> held, PciAddress source) {
        return held.stream().filter(h -> source.equals(h.source())).findFirst();
    }
}
