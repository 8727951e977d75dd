package io.passthru.manager.pool;

import io.passthru.manager.error.PoolConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.manager.Inventory;
import io.passthru.xml.PciAddress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The devices passthru may give to guests: Nova's {@code [pci] device_spec} allow-list and {@code [pci] alias}
 * names (Nova doc "PCI passthrough"), loaded from one JSON file
 * {@code {"device_spec": [ ... ], "alias": [ ... ]}} (each also accepted as a single object).
 *
 * <p>Immutable. {@link #validate(List)} adds the checks that need the host's devices.
 */
public final class DevicePool {
    private static final Set<String> FILE_KEYS = Set.of("device_spec", "alias");

    private final List<DeviceSpec> specs;
    private final List<PciAlias> aliases;

    /**
     * @throws PoolConfigException when entries sharing an alias name disagree on device_type or numa_policy
     */
    public DevicePool(List<DeviceSpec> specs, List<PciAlias> aliases) {
        this.specs = List.copyOf(specs);
        this.aliases = List.copyOf(aliases);
        Map<String, PciAlias> first = new LinkedHashMap<>();
        for (PciAlias a : this.aliases) {
            PciAlias f = first.putIfAbsent(a.name(), a);
            if (f != null && f.deviceType() != a.deviceType()) {
                throw new PoolConfigException("alias '" + a.name() + "': entries disagree on device_type ("
                        + f.deviceType() + " vs " + a.deviceType() + "); entries sharing a name must have the same "
                        + "device_type, as in Nova");
            }
            if (f != null && f.numaPolicy() != a.numaPolicy()) {
                throw new PoolConfigException("alias '" + a.name() + "': entries disagree on numa_policy ("
                        + f.numaPolicy() + " vs " + a.numaPolicy() + "); entries sharing a name must have the same "
                        + "numa_policy, as in Nova");
            }
        }
    }

    /**
     * Reads a pool file.
     *
     * @throws PoolConfigException when the file cannot be read or is invalid (the message names the file)
     */
    public static DevicePool load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PoolConfigException("cannot read device pool file " + file + ": " + e, e);
        }
        try {
            return parse(text);
        } catch (PoolConfigException e) {
            throw new PoolConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the pool file's content {@code {"device_spec": ..., "alias": ...}}; both keys optional.
     *
     * @throws PoolConfigException on invalid JSON or entries, or other top-level keys
     */
    public static DevicePool parse(String json) {
        JsonNode root = JsonFields.parse(json, "device pool");
        if (!root.isObject()) {
            throw new PoolConfigException("device pool: expected {\"device_spec\": [...], \"alias\": [...]}, got "
                    + root.getNodeType());
        }
        JsonFields.rejectUnknown(root, FILE_KEYS, "device pool");
        List<DeviceSpec> specs = root.hasNonNull("device_spec")
                ? DeviceSpec.fromJson(root.get("device_spec"), 0) : List.of();
        List<PciAlias> aliases = root.hasNonNull("alias") ? PciAlias.fromJson(root.get("alias"), 0) : List.of();
        return new DevicePool(specs, aliases);
    }

    /** Builds a pool from nova.conf-style values: {@code device_spec} and {@code alias} JSON, either may be null. */
    public static DevicePool parse(String deviceSpecJson, String aliasJson) {
        return new DevicePool(deviceSpecJson == null ? List.of() : DeviceSpec.parse(deviceSpecJson),
                aliasJson == null ? List.of() : PciAlias.parse(aliasJson));
    }

    public List<DeviceSpec> specs() {
        return specs;
    }

    public List<PciAlias> aliases() {
        return aliases;
    }

    /** The entries named {@code name} (several when an alias lists more than one product), in file order. */
    public List<PciAlias> alias(String name) {
        return aliases.stream().filter(a -> a.name().equals(name)).toList();
    }

    /**
     * The first {@code device_spec} entry allowing the device, as Nova picks the tags (entries naming an
     * {@code mdev_type} allow mdevs, not PCI devices: {@link #allowingMdev}).
     */
    public Optional<DeviceSpec> allowing(PciAddress device, PciAddress pf, String vendorId, String productId) {
        return specs.stream().filter(s -> s.mdevType().isEmpty() && s.matches(device, pf, vendorId, productId))
                .findFirst();
    }

    /** Whether some {@code device_spec} entry names an {@code mdev_type}: then only the types named are allowed. */
    public boolean restrictsMdevs() {
        return specs.stream().anyMatch(s -> s.mdevType().isPresent());
    }

    /**
     * The first {@code device_spec} entry allowing an mdev of {@code type} on that parent
     * ({@link DeviceSpec#allowsMdev}); empty also when the pool names no mdev type at all ({@link #restrictsMdevs}).
     */
    public Optional<DeviceSpec> allowingMdev(String type, PciAddress parentAddress, String parentVendorId,
                                             String parentProductId) {
        return specs.stream().filter(s -> s.allowsMdev(type, parentAddress, parentVendorId, parentProductId))
                .findFirst();
    }

    /** The mdev type of alias {@code name} ({@code "mdev_type"} in its entry), if the pool has such an alias. */
    public Optional<String> aliasMdevType(String name) {
        return alias(name).stream().map(PciAlias::mdevType).filter(java.util.Objects::nonNull).findFirst();
    }

    /** {@link #validate(List)} on the inventory's PFs. */
    public void validate(Inventory inventory) {
        validate(inventory.pfs());
    }

    /**
     * Checks the pool against a host's devices, as Nova does when it starts:
     * <ul>
     *   <li>{@code remote_managed} applies to VFs only: an entry with {@code remote_managed: "true"} that matches a
     *       PF is refused;</li>
     *   <li>a PF and one of its VFs may not both be allowed (Nova: "Configuring both PF and its VFs in
     *       [pci]device_spec is not supported"), since giving away either makes the other unusable.</li>
     * </ul>
     *
     * @throws PoolConfigException naming the entries, the devices and the fix
     */
    public void validate(List<Inventory.Pf> pfs) {
        for (Inventory.Pf pf : pfs) {
            Optional<DeviceSpec> pfSpec = allowing(pf.address(), null, pf.vendorId(), pf.productId());
            for (DeviceSpec s : specs) {
                if (s.remoteManaged() && s.matches(pf.address(), null, pf.vendorId(), pf.productId())) {
                    throw new PoolConfigException(s.where() + " sets remote_managed but matches PF " + pf.address()
                            + "; only VFs can be remote managed: narrow the entry to the VFs (their product_id or "
                            + "addresses)");
                }
            }
            if (pfSpec.isEmpty()) {
                continue;
            }
            List<String> allowedVfs = new ArrayList<>();
            DeviceSpec vfSpec = null;
            for (Inventory.Vf vf : pf.vfs()) {
                Optional<DeviceSpec> s = allowing(vf.address(), vf.pf(), vf.vendorId(), vf.productId());
                if (s.isPresent()) {
                    allowedVfs.add(vf.address().toString());
                    vfSpec = vfSpec == null ? s.get() : vfSpec;
                }
            }
            if (!allowedVfs.isEmpty()) {
                throw new PoolConfigException("both PF " + pf.address() + " (allowed by " + pfSpec.get().where()
                        + ") and its VFs " + allowedVfs + " (allowed by " + vfSpec.where() + ") are in device_spec; "
                        + "Nova refuses this and so does passthru: allow either the PF or its VFs, e.g. add the VFs' "
                        + "\"product_id\" to " + vfSpec.where() + " or narrow the PF entry's address");
            }
        }
    }

    /**
     * {@link #candidates(String, List)} on the inventory's PFs and VFs, and for a {@code type-PCI} alias the
     * inventory's plain PCI devices ({@link Inventory#pciDevices()}: neither PF, VF nor bridge) that a
     * {@code device_spec} entry allows and the alias's vendor/product match; free when no domain holds them and no
     * host driver other than vfio-pci is bound.
     */
    public List<Candidate> candidates(String aliasName, Inventory inventory) {
        List<PciAlias> entries = alias(aliasName);
        if (entries.isEmpty() || entries.get(0).deviceType() != DeviceType.PCI) {
            return candidates(aliasName, inventory.pfs());
        }
        List<Candidate> out = new java.util.ArrayList<>();
        for (Inventory.PciFunction f : inventory.pciDevices()) {
            if (entries.stream().noneMatch(a -> a.matchesIds(f.vendorId(), f.productId()))) {
                continue;
            }
            allowing(f.address(), null, f.vendorId(), f.productId()).filter(s -> !s.remoteManaged())
                    .filter(s -> migratabilityFits(entries, f.vendorId(), f.productId(), s))
                    .ifPresent(s -> out.add(new Candidate(f.address(), DeviceType.PCI, f.address(), f.vendorId(),
                            f.productId(), f.driver(), f.numaNode(), f.iommuGroup(), f.usedBy(), f.isFree(), s)));
        }
        return out.stream().sorted(Comparator.comparing(Candidate::address)).toList();
    }

    /**
     * Devices the alias may get, used or not, sorted by address; {@link Allocator#choose} picks among them.
     *
     * <p>A device is a candidate when some {@code device_spec} entry allows it (the first such entry supplies the
     * tags), one of the alias's entries matches its vendor/product, and its kind fits the alias's
     * {@code device_type}: {@code type-VF} gives VFs, {@code type-PF} gives PFs (free only when none of their VFs is
     * used or bound to a host driver other than vfio-pci), {@code type-PCI} gives nothing here (PFs and VFs
     * only): {@link #candidates(String, Inventory)} gives plain PCI devices. Devices allowed only by a {@code remote_managed} entry are left out: they
     * belong to a SmartNIC's control plane, never to plain passthrough.
     *
     * @throws io.passthru.manager.error.InvalidRequestException when no alias has that name
     */
    public List<Candidate> candidates(String aliasName, List<Inventory.Pf> pfs) {
        List<PciAlias> entries = alias(aliasName);
        if (entries.isEmpty()) {
            throw new io.passthru.manager.error.InvalidRequestException("unknown PCI alias '" + aliasName + "'; defined: "
                    + aliases.stream().map(PciAlias::name).distinct().collect(Collectors.joining(", ")));
        }
        DeviceType type = entries.get(0).deviceType();
        Map<PciAddress, Candidate> out = new LinkedHashMap<>();
        for (Inventory.Pf pf : pfs) {
            if (type == DeviceType.VF) {
                // PF/VF exclusivity: a PF bound to vfio-pci is (being) passed through whole; its VFs are not free
                boolean pfPassedThrough = "vfio-pci".equals(pf.driver());
                for (Inventory.Vf vf : pf.vfs()) {
                    if (entries.stream().noneMatch(a -> a.matchesIds(vf.vendorId(), vf.productId()))) {
                        continue;
                    }
                    allowing(vf.address(), vf.pf(), vf.vendorId(), vf.productId())
                            .filter(s -> !s.remoteManaged())
                            .filter(s -> migratabilityFits(entries, vf.vendorId(), vf.productId(), s))
                            .ifPresent(s -> out.put(vf.address(), new Candidate(vf.address(), DeviceType.VF,
                                    vf.pf(), vf.vendorId(), vf.productId(), vf.driver(), vf.numaNode(),
                                    vf.iommuGroup(), vf.usedBy(), vf.isFree() && !pfPassedThrough, s)));
                }
            } else if (type == DeviceType.PF) {
                if (entries.stream().noneMatch(a -> a.matchesIds(pf.vendorId(), pf.productId()))) {
                    continue;
                }
                String user = pf.vfs().stream().map(Inventory.Vf::usedBy).filter(u -> u != null).findFirst()
                        .orElse(null);
                boolean free = pf.vfs().stream().allMatch(Inventory.Vf::isFree);
                allowing(pf.address(), null, pf.vendorId(), pf.productId())
                        .filter(s -> !s.remoteManaged())
                        .filter(s -> migratabilityFits(entries, pf.vendorId(), pf.productId(), s))
                        .ifPresent(s -> out.put(pf.address(), new Candidate(pf.address(), DeviceType.PF,
                                pf.address(), pf.vendorId(), pf.productId(), pf.driver(), pf.numaNode(), null,
                                user, free, s)));
            }
        }
        return out.values().stream().sorted(Comparator.comparing(Candidate::address)).toList();
    }

    /**
     * An alias entry of these ids takes a device its {@code device_spec} tags so: the alias's {@code live_migratable}
     * against the spec's (Nova 2025.1: an alias asking {@code yes} gets only devices declared live-migratable).
     */
    private static boolean migratabilityFits(List<PciAlias> entries, String vendorId, String productId,
                                             DeviceSpec spec) {
        return entries.stream().anyMatch(a -> a.matchesIds(vendorId, productId) && a.matchesMigratability(spec));
    }
}
