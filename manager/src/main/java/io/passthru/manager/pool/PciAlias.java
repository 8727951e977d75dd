package io.passthru.manager.pool;

import io.passthru.manager.error.PoolConfigException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of nova.conf {@code [pci] alias} (Nova config reference and doc "PCI passthrough"): a name guests ask
 * for ({@code "pci_passthrough:alias": "NAME:COUNT"}) and the devices it means.
 *
 * <p>Keys: {@code name} (required), {@code vendor_id}, {@code product_id} (hex or {@code "*"}; absent = any),
 * {@code device_type} ({@code type-PCI} default, {@code type-PF}, {@code type-VF}), {@code numa_policy}
 * ({@code legacy} default, {@code required}, {@code preferred}, {@code socket}), {@code live_migratable}
 * ({@code "yes"}/{@code "no"}: only devices whose {@code device_spec} says {@code live_migratable} true, or only those
 * that do not; unset: any, Nova 2025.1), {@code mdev_type} (the alias names an mdev type: {@code --mdev NAME} creates
 * an mdev of it), {@code resource_class} and
 * {@code traits} (accepted for Nova compatibility, not used for matching). Other keys are rejected. As in Nova,
 * several entries may share a name (e.g. two product ids) if they agree on {@code device_type} and
 * {@code numa_policy}; {@link DevicePool} checks that.
 *
 * @param name       alias name
 * @param vendorId   4 lower-case hex digits, or null for any
 * @param productId  4 lower-case hex digits, or null for any
 * @param deviceType which kind of device
 * @param numaPolicy NUMA affinity policy
 * @param liveMigratable true: live-migratable devices only; false: the others only; null: any
 * @param mdevType   the mdev type the alias names, or null (a PCI device alias)
 */
public record PciAlias(String name, String vendorId, String productId, DeviceType deviceType,
                       NumaPolicy numaPolicy, Boolean liveMigratable, String mdevType) {
    static final Set<String> KEYS = Set.of("name", "vendor_id", "product_id", "device_type", "numa_policy",
            "resource_class", "traits", "live_migratable", "mdev_type");

    /** Any device, live-migratable or not. */
    public PciAlias(String name, String vendorId, String productId, DeviceType deviceType, NumaPolicy numaPolicy) {
        this(name, vendorId, productId, deviceType, numaPolicy, null, null);
    }

    public PciAlias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(numaPolicy, "numaPolicy");
    }

    /**
     * Parses one JSON object or a JSON list of objects; entries are named {@code alias[0]}, ...
     *
     * @throws PoolConfigException on a missing name, an unknown key, device_type or numa_policy, or a bad id
     */
    public static List<PciAlias> parse(String json) {
        return fromJson(JsonFields.parse(json, "alias"), 0);
    }

    static List<PciAlias> fromJson(JsonNode node, int firstIndex) {
        List<PciAlias> out = new ArrayList<>();
        int i = firstIndex;
        for (JsonNode obj : JsonFields.objects(node, "alias")) {
            out.add(of("alias[" + i++ + "]", obj));
        }
        return List.copyOf(out);
    }

    private static PciAlias of(String where, JsonNode obj) {
        JsonFields.rejectUnknown(obj, KEYS, where);
        String name = JsonFields.string(obj, "name", where);
        if (name == null || name.isBlank()) {
            throw new PoolConfigException(where + ": missing \"name\"; every alias needs one, e.g. "
                    + "{\"name\": \"fast-nic\", \"vendor_id\": \"8086\", \"product_id\": \"10ca\", "
                    + "\"device_type\": \"type-VF\"}");
        }
        Integer vendor = JsonFields.hexId(JsonFields.string(obj, "vendor_id", where), "vendor_id", where);
        Integer product = JsonFields.hexId(JsonFields.string(obj, "product_id", where), "product_id", where);
        String type = JsonFields.string(obj, "device_type", where);
        String policy = JsonFields.string(obj, "numa_policy", where);
        return new PciAlias(name.trim(), vendor == null ? null : JsonFields.hex4(vendor),
                product == null ? null : JsonFields.hex4(product),
                type == null ? DeviceType.PCI : DeviceType.parse(type, where + " (" + name + ")"),
                policy == null ? NumaPolicy.LEGACY : NumaPolicy.parse(policy, where + " (" + name + ")"),
                JsonFields.bool(obj, "live_migratable", where), JsonFields.string(obj, "mdev_type", where));
    }

    /**
     * Whether a device allowed by {@code spec} fits this alias's {@code live_migratable}: any when unset; else the
     * spec must say the same ({@code live_migratable} unset in the spec counts as false, as in Nova).
     */
    public boolean matchesMigratability(DeviceSpec spec) {
        return liveMigratable == null || liveMigratable.equals(spec.liveMigratable().orElse(false));
    }

    /** Whether a device's vendor/product ids ({@code "8086"} or libvirt's {@code "0x8086"}) fit this entry. */
    public boolean matchesIds(String deviceVendorId, String deviceProductId) {
        return idMatches(vendorId, deviceVendorId) && idMatches(productId, deviceProductId);
    }

    private static boolean idMatches(String wanted, String actual) {
        return wanted == null || Objects.equals(JsonFields.parseHexId(wanted), JsonFields.parseHexId(actual));
    }
}
