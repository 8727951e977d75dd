package io.passthru.manager;

import io.passthru.xml.PciAddress;

import java.util.List;

/**
 * How a migration moves each passed-through device of the guest, decided before anything changes
 * ({@code passthru migrate DOMAIN --to URI --plan} prints it and stops there).
 * <ul>
 *   <li>the VF the guest's network runs on ({@code <interface type='hostdev'>}) moves by the guest's network
 *       strategy, {@link #mode}: {@code bond}, {@code failover} or {@code unplug-replug} (docs/migration.md "Migration modes");</li>
 *   <li>every other device moves by {@link #HOTPLUG}: the guest's hooks are told before the unplug (event
 *       {@code pre-unplug}), the device is hot-unplugged and released by the guest ({@code DEVICE_REMOVED}), the guest
 *       migrates, an equivalent device of the destination (same kind and vendor:product, free, allowed by the
 *       destination's pool and libvirt's assignment rules, IOMMU group viable) is hot-plugged at the same guest PCI
 *       address, a NIC gets its MAC back, and the hooks are told again ({@code post-plug}).</li>
 *   <li>a mediated device ({@code <hostdev type='mdev'>}) moves by {@link #STATE}: it stays attached and QEMU migrates
 *       its state through the kernel's VFIO migration uAPI (v2, Linux 5.18+; QEMU's {@code vfio-pci}
 *       {@code enable-migration}); the destination gets an mdev of the same type with the same UUID before the
 *       migration (QEMU opens {@code /sys/bus/mdev/devices/UUID} there), created when it has none and removed again
 *       when the migration fails. Chosen only when QEMU reports no migration blocker for the guest
 *       ({@code query-migrate}'s {@code blocked-reasons}, which libvirt checks too: qemuMigrationSrcIsAllowed).</li>
 * </ul>
 * A device that cannot move has a {@link Entry#refusal()}; a plan with one is refused as a whole with nothing changed.
 *
 * @param domain      the guest
 * @param source      the source's libvirt URI
 * @param destination the destination's libvirt URI
 * @param mode        the guest's network strategy ({@code plain} when no VF moves by one)
 * @param devices     one entry per passed-through device, in the domain XML's order
 * @param notes       what the operator should know (e.g. {@code --no-guest-notify} in effect)
 */
public record MigrationPlan(String domain, String source, String destination, String mode, List<Entry> devices,
                            List<String> notes) {
    /** The strategy that unplugs a device, migrates and plugs an equivalent one, telling the guest's hooks. */
    public static final String HOTPLUG = "hotplug";
    /** The strategy that keeps a device attached while QEMU migrates its state (VFIO device-state migration). */
    public static final String STATE = "state";

    public MigrationPlan {
        devices = List.copyOf(devices);
        notes = List.copyOf(notes);
    }

    /**
     * One device.
     *
     * @param kind         {@code vf} ({@code <interface type='hostdev'>}), {@code pf} or {@code pci} ({@code <hostdev>}),
     *                     {@code mdev} ({@code <hostdev type='mdev'>}), or libvirt's hostdev type for one that cannot
     *                     move ({@code usb}, {@code scsi}...)
     * @param source       its host PCI address on the source (null for a non-PCI hostdev)
     * @param alias        libvirt's alias (e.g. {@code hostdev0}), or null
     * @param guestAddress its PCI address in the guest, or null
     * @param vendorProduct its vendor:product, e.g. {@code 8086:10d3}
     * @param mac          a VF's MAC, or the MAC a passed-through NIC has in the guest; null otherwise
     * @param strategy     {@code bond}, {@code failover}, {@code unplug-replug}, {@link #HOTPLUG} or {@link #STATE};
     *                     null when refused
     * @param destination  the destination device it gets (a network VF: the first free candidate, others tried next)
     * @param refusal      why it cannot move (nothing is changed), or null
     * @param guestNotified whether the guest's hooks are told ({@code hotplug} only)
     * @param mdevUuid     an mdev's UUID (the same on both hosts), else null
     * @param mdevType     an mdev's type, e.g. {@code mtty-2}, else null
     * @param detail       what the destination does for a {@code state} move (e.g. "created on mtty_mtty"), or null
     */
    public record Entry(String kind, PciAddress source, String alias, PciAddress guestAddress, String vendorProduct,
                        String mac, String strategy, PciAddress destination, String refusal, boolean guestNotified,
                        String mdevUuid, String mdevType, String detail) {
        /** A PCI device's entry (no mdev). */
        public Entry(String kind, PciAddress source, String alias, PciAddress guestAddress, String vendorProduct,
                     String mac, String strategy, PciAddress destination, String refusal, boolean guestNotified) {
            this(kind, source, alias, guestAddress, vendorProduct, mac, strategy, destination, refusal, guestNotified,
                    null, null, null);
        }

        /** How the operator names it in {@code --strategy}: its alias, else its host PCI address or mdev UUID. */
        public String name() {
            return alias != null ? alias : source != null ? source.toString() : mdevUuid != null ? mdevUuid : "?";
        }
    }

    /**
     * The strategies by which a guest holding a device of {@code kind} migrates ({@code list-devices}): a VF by the
     * guest's network strategies (its {@code <interface type='hostdev'>}) or {@code hotplug}; a PF or plain PCI device
     * by {@code hotplug}. (An mdev migrates by {@link #STATE}.)
     */
    public static List<String> strategiesFor(io.passthru.manager.pool.DeviceType kind) {
        return kind == io.passthru.manager.pool.DeviceType.VF ? List.of("bond", "failover", "unplug-replug", HOTPLUG)
                : List.of(HOTPLUG);
    }

    /**
     * {@link #strategiesFor(io.passthru.manager.pool.DeviceType)}, with {@link #STATE} first when the device can have
     * its state migrated: bound to a VFIO variant driver with migration support ({@link VfioDrivers}), or declared
     * {@code live_migratable} by the pool's {@code device_spec} that allows it ({@code spec}, null: none).
     */
    public static List<String> strategiesFor(io.passthru.manager.pool.DeviceType kind, String driver,
                                             io.passthru.manager.pool.DeviceSpec spec) {
        List<String> base = strategiesFor(kind);
        if (PciStatePlanner.capability(driver, null, spec).isEmpty()) {
            return base;
        }
        List<String> out = new java.util.ArrayList<>(List.of(STATE));
        out.addAll(base);
        return List.copyOf(out);
    }

    /** True when every device can move. */
    public boolean movable() {
        return devices.stream().allMatch(e -> e.refusal() == null);
    }

    /** The plan as text, one line per device and the notes. */
    public String describe() {
        StringBuilder b = new StringBuilder("migration plan for '" + domain + "' " + source + " -> " + destination
                + " (guest network: " + mode + ")\n");
        if (devices.isEmpty()) {
            b.append("  no passed-through device: a plain live migration\n");
        }
        for (Entry e : devices) {
            String where = e.source() != null ? e.source().toString() : e.mdevUuid() != null ? e.mdevUuid() : "-";
            String ids = e.vendorProduct() != null ? e.vendorProduct() : e.mdevType() != null ? e.mdevType() : "-";
            b.append(String.format("  %-8s %-4s %-13s guest %-13s %-10s", e.name(), e.kind(), where,
                    e.guestAddress() == null ? "-" : e.guestAddress(), ids));
            if (e.refusal() != null) {
                b.append(" CANNOT MOVE: ").append(e.refusal());
            } else if (STATE.equals(e.strategy())) {
                b.append(" state -> the same mdev on the destination (").append(e.detail())
                        .append("), device state migrated by QEMU, no gap");
            } else {
                b.append(" ").append(e.strategy()).append(" -> ")
                        .append(e.destination() == null ? "a free equivalent" : e.destination());
                if (e.mac() != null) {
                    b.append(" (MAC ").append(e.mac()).append(")");
                }
                if (HOTPLUG.equals(e.strategy())) {
                    b.append(e.guestNotified() ? ", guest hooks told" : ", no guest notification");
                }
            }
            b.append('\n');
        }
        notes.forEach(n -> b.append("  note: ").append(n).append('\n'));
        return b.toString();
    }
}
