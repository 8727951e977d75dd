package io.passthru.manager;

import io.passthru.manager.journal.Operation;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.pool.DeviceSpec;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainInterface;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code state} strategy for a PCI device (a VF, PF or plain PCI function): the device stays attached and QEMU
 * migrates its state through the VFIO migration uAPI v2 (Linux 5.18+, QEMU 8.1+ {@code enable-migration=auto}),
 * which the device's VFIO variant driver implements ({@link VfioDrivers}), on a destination device of the same
 * vendor:product whose address replaces the source's in the destination XML ({@code VIR_MIGRATE_PARAM_DEST_XML};
 * libvirt lets such a migration go ahead when QEMU reports no migration blocker, libvirt 8.6).
 *
 * <p>A device can move by state when its host driver (or the {@code <driver model='...'/>} its hostdev names,
 * libvirt 10.0) is a variant driver with migration support, or when the source pool's {@code device_spec} declares it
 * {@code live_migratable} (Nova 2025.1); a spec saying {@code live_migratable: false} rules it out. Pure logic on the
 * hosts' inventories and pools: {@link MigrationFlow} reads them, and falls back to the device's next strategy
 * ({@code hotplug}) before anything changed when {@link #plan} says why state cannot be used.
 */
final class PciStatePlanner {
    private PciStatePlanner() {
    }

    /**
     * The plan for one device: {@code entry} when it moves by state ({@code d} then carries the strategy, the
     * destination device and the variant driver), else {@code fallback}: why not (null when the device has no VFIO
     * migration at all, so nothing is worth saying).
     */
    record Choice(MigrationPlan.Entry entry, String fallback) {
    }

    /**
     * Whether the source device can have its state migrated, and by which variant driver.
     *
     * @param srcDriver the host driver bound to the source device now (while the guest holds it: the VFIO driver)
     * @param xmlModel  the {@code <driver model='...'/>} of its hostdev, or null
     * @param srcSpec   the source pool's {@code device_spec} allowing it, or null (no pool, or none allows it)
     * @return the variant driver (null when only declared live-migratable with vfio-pci), or empty when it cannot
     */
    static Optional<Capability> capability(String srcDriver, String xmlModel, DeviceSpec srcSpec) {
        boolean named = VfioDrivers.isVariant(xmlModel);
        String variant = named ? VfioDrivers.normalize(xmlModel)
                : VfioDrivers.isVariant(srcDriver) ? VfioDrivers.normalize(srcDriver) : null;
        Optional<Boolean> declared = srcSpec == null ? Optional.empty() : srcSpec.liveMigratable();
        if (declared.isPresent()) {
            return declared.get() ? Optional.of(new Capability(variant, true, named)) : Optional.empty();
        }
        return variant != null && VfioDrivers.migrationCapable(variant)
                ? Optional.of(new Capability(variant, false, named)) : Optional.empty();
    }

    /**
     * How a device can have its state migrated.
     *
     * @param variant  its VFIO variant driver (normalized, e.g. {@code mlx5_vfio_pci}), or null
     * @param declared true when the pool's {@code device_spec} says {@code live_migratable}
     * @param xmlNamed true when the hostdev names the variant driver ({@code <driver model='...'/>}): libvirt binds
     *                 it on the destination too
     */
    record Capability(String variant, boolean declared, boolean xmlNamed) {
        String describe() {
            return (variant == null ? "vfio-pci" : variant) + (declared ? ", live_migratable in the pool" : "");
        }
    }

    /**
     * Plans the {@code state} move of the device {@code d} (a hotplug entry: address, kind, ids, alias, guest
     * address).
     *
     * @param cap       its {@link #capability}, or null when it has none
     * @param asked     the operator named {@code state} for it ({@code --strategy NAME=state}): without a capability
     *                  that is a refusal, not silence
     * @param blockers  QEMU's migration blockers ({@code query-migrate} {@code blocked-reasons}); a blocker naming
     *                  this device's address or alias, or naming none of {@code others}, rules state out
     * @param others    the guest's other devices as QEMU names them (host PCI addresses, mdev UUIDs)
     * @param postcopy  {@code --postcopy} was asked: QEMU blocks VFIO migration with post-copy
     * @param dstInv    the destination's inventory
     * @param dstPool   the destination's pool, or null (every device allowed)
     * @param domain    the guest's name (for libvirt's assignment rules on the destination)
     * @param reserved  destination devices the plan gave already (updated when this one gets one)
     */
    static Choice plan(Operation.Device d, Capability cap, boolean asked, List<String> blockers, Set<String> others,
                       boolean postcopy, Inventory dstInv, DevicePool dstPool, String domain, Set<PciAddress> reserved) {
        if (cap == null) {
            return new Choice(null, asked ? "it has no VFIO migration: its host driver is no variant driver with "
                    + "migration support (" + String.join(", ", VfioDrivers.MIGRATION_CAPABLE.stream().sorted()
                    .toList()) + ") and the pool does not declare it live_migratable" : null);
        }
        if (postcopy) {
            return new Choice(null, "--postcopy: QEMU cannot migrate a VFIO device's state in post-copy");
        }
        List<String> mine = blockers.stream().filter(b -> names(b, d.address) || names(b, d.alias)
                || others.stream().noneMatch(o -> names(b, o))).toList();
        if (!mine.isEmpty()) {
            return new Choice(null, "QEMU blocks the migration of its state: " + String.join("; ", mine));
        }
        List<String> skipped = new ArrayList<>();
        for (Candidate c : candidates(d, dstInv, domain)) {
            if (reserved.contains(c.address())) {
                continue;
            }
            Optional<DeviceSpec> spec = dstPool == null ? Optional.empty()
                    : dstPool.allowing(c.address(), c.pf(), c.vendorId(), c.productId());
            if (dstPool != null && spec.filter(s -> !s.remoteManaged()).isEmpty()) {
                continue; // not the pool's to give
            }
            // declared at the source: declared there too (without a destination pool, its variant driver vouches);
            // a destination spec saying false rules the device out either way
            Optional<Boolean> there = spec.flatMap(DeviceSpec::liveMigratable);
            boolean vouched = there.orElse(cap.declared() ? dstPool == null && cap.variant() != null : true);
            if (!vouched) {
                skipped.add(c.address() + " (its device_spec does not say live_migratable)");
                continue;
            }
            // the same variant driver there: bound already, or named by the hostdev so libvirt binds it at Prepare
            if (cap.variant() != null && !cap.variant().equals(VfioDrivers.normalize(c.driver()))
                    && !cap.xmlNamed()) {
                skipped.add(c.address() + " (bound to " + (c.driver() == null ? "no driver" : c.driver())
                        + ", not " + cap.variant() + "; bind it there, or name it in the hostdev: <driver model='"
                        + cap.variant() + "'/>)");
                continue;
            }
            reserved.add(c.address());
            d.strategy = MigrationPlan.STATE;
            d.destAddress = c.address().toString();
            d.notify = null;
            d.driver = cap.variant();
            String detail = "stays attached, QEMU migrates its state (" + cap.describe() + "); " + c.address()
                    + " replaces " + d.address + " in the destination XML";
            return new Choice(new MigrationPlan.Entry(d.kind, PciAddress.parse(d.address), d.alias,
                    d.guestAddress == null ? null : PciAddress.parse(d.guestAddress),
                    DevicePlanner.vendorProduct(d.vendorId, d.productId), d.mac, MigrationPlan.STATE, c.address(), null,
                    false, null, null, detail), null);
        }
        return new Choice(null, "no free " + d.kind + " " + DevicePlanner.vendorProduct(d.vendorId, d.productId)
                + (cap.variant() == null ? "" : " for " + cap.variant()) + " on the destination"
                + (skipped.isEmpty() ? "" : ": " + String.join(", ", skipped)));
    }

    private static boolean names(String blocker, String name) {
        return name != null && blocker.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT));
    }

    /** A destination device of the right kind and ids, held by no domain. */
    private record Candidate(PciAddress address, PciAddress pf, String vendorId, String productId, String driver) {
    }

    /**
     * The destination's free equivalents of {@code d} as the hotplug strategy finds them ({@link
     * DevicePlanner#equivalents} without a pool: same kind and vendor:product, held by no domain, assignable there),
     * with the facts the state checks need; the pool is checked by {@link #plan} itself, for its
     * {@code live_migratable}.
     */
    private static List<Candidate> candidates(Operation.Device d, Inventory inv, String domain) {
        List<Candidate> out = new ArrayList<>();
        for (PciAddress a : DevicePlanner.equivalents(inv, domain, d, null)) {
            Optional<Inventory.Vf> v = inv.vf(a);
            if (v.isPresent()) {
                out.add(new Candidate(a, v.get().pf(), v.get().vendorId(), v.get().productId(), v.get().driver()));
            } else {
                inv.function(a).ifPresent(f -> out.add(new Candidate(a, f.pf(), f.vendorId(), f.productId(),
                        f.driver())));
            }
        }
        return out;
    }

    /**
     * The destination XML of a migration whose state-moved PCI devices get other host devices there: the guest's
     * migratable XML ({@code VIR_DOMAIN_XML_MIGRATABLE}) with each {@code <hostdev>} and
     * {@code <interface type='hostdev'>} whose source address is a key of {@code moves} given the value instead.
     * Everything else (the guest-side addresses, aliases, MACs) is kept, as libvirt's ABI check on the destination XML
     * requires (formatdomain.html "Host device assignment"; virDomainMigrate3 {@code VIR_MIGRATE_PARAM_DEST_XML}).
     *
     * @throws IllegalArgumentException when a source address of {@code moves} is in none of the guest's devices
     */
    static String destXml(String migratableXml, Map<PciAddress, PciAddress> moves) {
        Domain dom = XmlCodec.unmarshal(migratableXml, Domain.class);
        Set<PciAddress> done = new LinkedHashSet<>();
        if (dom.getDevices() != null) {
            for (DomainInterface i : dom.devices().interfaces()) {
                Optional<PciAddress> a = i.sourcePciAddress();
                if (a.isPresent() && moves.containsKey(a.get())) {
                    i.getSource().getAddress().setPci(moves.get(a.get()));
                    done.add(a.get());
                }
            }
            for (DomainHostdev h : dom.devices().hostdevs()) {
                Optional<PciAddress> a = h.sourcePciAddress();
                if (a.isPresent() && moves.containsKey(a.get())) {
                    h.getSource().getAddress().setPci(moves.get(a.get()));
                    done.add(a.get());
                }
            }
        }
        if (!done.containsAll(moves.keySet())) {
            Set<PciAddress> missing = new LinkedHashSet<>(moves.keySet());
            missing.removeAll(done);
            throw new IllegalArgumentException("the guest holds no device at " + missing + " (its XML changed since "
                    + "the plan)");
        }
        return XmlCodec.marshal(dom);
    }
}
