package io.passthru.manager.pool;

import io.passthru.manager.error.PoolConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.xml.PciAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One entry of the device pool's allow-list, in the syntax of nova.conf {@code [pci] device_spec} (Nova config
 * reference and doc "PCI passthrough"): which host PCI devices may be given to guests, and the tags they carry.
 *
 * <p>Keys: {@code vendor_id}, {@code product_id} (hex, e.g. {@code "8086"}, {@code "*"} or absent = any);
 * {@code address} either a glob string {@code [[[domain:]bus:]slot][.function]} whose fields are hex or {@code *}
 * (missing or empty fields are wildcards: {@code "0000:0a:00.*"}, {@code "*:0a:00.1"}, {@code "0a:00.0"}), or an
 * object {@code {"domain", "bus", "slot", "function"}} of regular expressions (missing = any); tags
 * {@code physical_network}, {@code trusted} ({@code "true"}/{@code "false"}), {@code remote_managed}
 * ({@code "true"}/{@code "false"}), {@code resource_class}, {@code traits} (comma-separated), {@code managed}
 * ({@code "true"}/{@code "false"}/{@code "yes"}/{@code "no"}), {@code live_migratable} ({@code "true"}/{@code "false"}:
 * whether QEMU can migrate the device's state, Nova 2025.1; unset: passthru decides from the device's VFIO variant
 * driver), {@code mdev_type} (an mdev type id, e.g. {@code "nvidia-222"}: the entry then allows mdevs of that type
 * on the mdev parents it matches, not the parents themselves; an entry with an address or ids matches PCI parents
 * only).
 *
 * <p>passthru adds the tags of a VF's host-side network policy, named as SR-IOV CNI's settings: {@code vlan} (the
 * VLAN id 0-4095 libvirt gives the VF, {@code <vlan><tag id/>}), {@code vlan_qos} (its 802.1p priority 0-7, needs
 * {@code vlan}), {@code spoofchk} ({@code "on"}/{@code "off"}), {@code link_state}
 * ({@code "auto"}/{@code "enable"}/{@code "disable"}), {@code max_tx_rate} and {@code min_tx_rate} (Mbit/s, 0: no
 * limit). They apply to the VFs the entry allows (a PF or plain PCI device has no VF policy), as
 * {@code attach --vf}'s options of the same names do. Any other key is rejected, and so is Nova's
 * {@code devname} (netdev names are not resolved: use the PF's address instead).
 *
 * <p>As in Nova, an address glob without wildcards that names a PF also matches that PF's VFs, so
 * {@code {"address": "0000:0a:00.0", "product_id": "10ca"}} allows the VFs (product 10ca) of PF 0000:0a:00.0.
 *
 * <p>Regex fields are matched against the lower-case hex of the device's field ({@code %04x} domain, {@code %02x}
 * bus and slot, {@code %x} function), case-insensitively and anchored at both ends (Nova uses Python's
 * {@code re.match}, anchored only at the start; passthru is stricter so that {@code "bus": "0"} never matches bus
 * {@code 0a}: write {@code "0.*"} for a prefix).
 *
 * <p>Immutable. {@link #where()} names the entry ({@code device_spec[2]}) in error messages.
 */
public final class DeviceSpec {
    static final Set<String> KEYS = Set.of("vendor_id", "product_id", "address", "devname", "physical_network",
            "trusted", "remote_managed", "resource_class", "traits", "managed", "live_migratable", "mdev_type",
            "vlan", "vlan_qos", "spoofchk", "link_state", "max_tx_rate", "min_tx_rate");
    private static final Set<String> LINK_STATES = Set.of("auto", "enable", "disable");
    private static final Set<String> REGEX_KEYS = Set.of("domain", "bus", "slot", "function");
    private static final Pattern TRAIT = Pattern.compile("[A-Z0-9_]+");

    private final String where;
    private final String json;
    private final Integer vendorId;
    private final Integer productId;
    private final AddressMatcher address;
    private final String physicalNetwork;
    private final Boolean trusted;
    private final boolean remoteManaged;
    private final String resourceClass;
    private final List<String> traits;
    private final Boolean managed;
    private final Boolean liveMigratable;
    private final String mdevType;
    private final Integer vlan;
    private final Integer vlanQos;
    private final Boolean spoofchk;
    private final String linkState;
    private final Integer maxTxRate;
    private final Integer minTxRate;

    private DeviceSpec(String where, JsonNode obj) {
        this.where = where;
        this.json = obj.toString();
        JsonFields.rejectUnknown(obj, KEYS, where);
        if (obj.has("devname")) {
            throw new PoolConfigException(where + ": 'devname' is not supported (netdev names change and are not "
                    + "resolved by passthru); use \"address\" with the PF's PCI address instead, e.g. "
                    + "{\"address\": \"0000:0a:00.0\"} (see /sys/class/net/NAME/device)");
        }
        this.vendorId = JsonFields.hexId(JsonFields.string(obj, "vendor_id", where), "vendor_id", where);
        this.productId = JsonFields.hexId(JsonFields.string(obj, "product_id", where), "product_id", where);
        JsonNode addr = obj.get("address");
        if (addr == null || addr.isNull()) {
            this.address = AddressMatcher.ANY;
        } else if (addr.isTextual()) {
            this.address = Glob.parse(addr.asText(), where);
        } else if (addr.isObject()) {
            this.address = Regex.parse(addr, where);
        } else {
            throw new PoolConfigException(where + ": 'address' must be a string such as \"0000:0a:00.*\" or an "
                    + "object {\"domain\", \"bus\", \"slot\", \"function\"} of regular expressions, got " + addr);
        }
        this.physicalNetwork = JsonFields.string(obj, "physical_network", where);
        this.trusted = JsonFields.bool(obj, "trusted", where);
        this.remoteManaged = Boolean.TRUE.equals(JsonFields.bool(obj, "remote_managed", where));
        String rc = JsonFields.string(obj, "resource_class", where);
        this.resourceClass = rc == null ? null : rc.trim().toUpperCase(Locale.ROOT);
        this.traits = traits(obj, where);
        this.managed = JsonFields.bool(obj, "managed", where);
        this.liveMigratable = JsonFields.bool(obj, "live_migratable", where);
        String mt = JsonFields.string(obj, "mdev_type", where);
        if (mt != null && mt.isBlank()) {
            throw new PoolConfigException(where + ": 'mdev_type' is empty; name a type the host's mdev parents offer, "
                    + "e.g. {\"mdev_type\": \"nvidia-222\"} (see passthru mdev list)");
        }
        this.mdevType = mt == null ? null : mt.trim();
        this.vlan = JsonFields.integer(obj, "vlan", 0, 4095, "an 802.1Q VLAN id", where);
        this.vlanQos = JsonFields.integer(obj, "vlan_qos", 0, 7, "an 802.1p priority", where);
        if (vlanQos != null && vlan == null) {
            throw new PoolConfigException(where + ": 'vlan_qos' is the priority of the VF's VLAN: give 'vlan' too, "
                    + "e.g. {\"vlan\": \"42\", \"vlan_qos\": \"3\"}");
        }
        String spoof = JsonFields.string(obj, "spoofchk", where);
        if (spoof != null && !spoof.trim().equalsIgnoreCase("on") && !spoof.trim().equalsIgnoreCase("off")) {
            throw new PoolConfigException(where + ": 'spoofchk' must be \"on\" or \"off\", got \"" + spoof + "\"");
        }
        this.spoofchk = spoof == null ? null : spoof.trim().equalsIgnoreCase("on");
        String ls = JsonFields.string(obj, "link_state", where);
        if (ls != null && !LINK_STATES.contains(ls.trim().toLowerCase(Locale.ROOT))) {
            throw new PoolConfigException(where + ": 'link_state' must be \"auto\", \"enable\" or \"disable\", "
                    + "got \"" + ls + "\"");
        }
        this.linkState = ls == null ? null : ls.trim().toLowerCase(Locale.ROOT);
        this.maxTxRate = JsonFields.integer(obj, "max_tx_rate", 0, Integer.MAX_VALUE, "Mbit/s, 0: no limit", where);
        this.minTxRate = JsonFields.integer(obj, "min_tx_rate", 0, Integer.MAX_VALUE, "Mbit/s, 0: none", where);
        if (maxTxRate != null && minTxRate != null && maxTxRate > 0 && minTxRate > maxTxRate) {
            throw new PoolConfigException(where + ": 'min_tx_rate' " + minTxRate + " is above 'max_tx_rate' "
                    + maxTxRate + ": the guaranteed rate cannot exceed the limit");
        }
    }

    private static List<String> traits(JsonNode obj, String where) {
        JsonNode v = obj.get("traits");
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> raw = new ArrayList<>();
        if (v.isTextual()) {
            raw.addAll(Arrays.asList(v.asText().split(",")));
        } else if (v.isArray()) {
            v.forEach(t -> raw.add(t.asText()));
        } else {
            throw new PoolConfigException(where + ": 'traits' must be a comma-separated string, got " + v);
        }
        List<String> out = new ArrayList<>();
        for (String t : raw) {
            String n = t.trim().toUpperCase(Locale.ROOT);
            if (!TRAIT.matcher(n).matches()) {
                throw new PoolConfigException(where + ": trait '" + t.trim() + "' is not a placement trait name "
                        + "(letters, digits and _ only, e.g. CUSTOM_FAST_NIC)");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    /**
     * Parses one JSON object or a JSON list of objects; entries are named {@code device_spec[0]}, ...
     *
     * @throws PoolConfigException on invalid JSON, an unknown key, {@code devname}, a bad id, an address field out
     *                             of range (domain 0xFFFF, bus 0xFF, slot 0x1F, function 0x7) or a bad regex
     */
    public static List<DeviceSpec> parse(String json) {
        return fromJson(JsonFields.parse(json, "device_spec"), 0);
    }

    static List<DeviceSpec> fromJson(JsonNode node, int firstIndex) {
        List<DeviceSpec> out = new ArrayList<>();
        int i = firstIndex;
        for (JsonNode obj : JsonFields.objects(node, "device_spec")) {
            out.add(new DeviceSpec("device_spec[" + i++ + "]", obj));
        }
        return List.copyOf(out);
    }

    /** Same as {@link #matches(PciAddress, PciAddress, String, String)} for a device that is not a VF. */
    public boolean matches(PciAddress device, String vendorId, String productId) {
        return matches(device, null, vendorId, productId);
    }

    /**
     * Whether this entry allows a device.
     *
     * @param device    the device's address
     * @param pf        for a VF, its PF's address (an exact address glob naming the PF matches its VFs); else null
     * @param vendorId  the device's vendor id in hex ({@code "8086"} or libvirt's {@code "0x8086"})
     * @param productId the device's product id in hex
     */
    public boolean matches(PciAddress device, PciAddress pf, String vendorId, String productId) {
        Objects.requireNonNull(device, "device");
        if (!idMatches(this.vendorId, vendorId) || !idMatches(this.productId, productId)) {
            return false;
        }
        if (address.matches(device)) {
            return true;
        }
        return pf != null && address instanceof Glob g && g.exact().map(pf::equals).orElse(false);
    }

    private static boolean idMatches(Integer wanted, String actual) {
        return wanted == null || wanted.equals(JsonFields.parseHexId(actual));
    }

    /** {@code device_spec[N]}: this entry's position in the configuration. */
    public String where() {
        return where;
    }

    /** The entry as written (normalised JSON). */
    public String json() {
        return json;
    }

    /** Vendor id as 4 lower-case hex digits, or {@code "*"}. */
    public String vendorId() {
        return JsonFields.hex4(vendorId);
    }

    /** Product id as 4 lower-case hex digits, or {@code "*"}. */
    public String productId() {
        return JsonFields.hex4(productId);
    }

    /** The address pattern in canonical form: a glob {@code dddd:bb:ss.f} with {@code *}, or {@code {regex...}}. */
    public String address() {
        return address.toString();
    }

    /** The address when it is a glob without wildcards (Nova then also matches a PF's VFs). */
    public Optional<PciAddress> exactAddress() {
        return address instanceof Glob g ? g.exact() : Optional.empty();
    }

    public Optional<String> physicalNetwork() {
        return Optional.ofNullable(physicalNetwork);
    }

    /** The {@code trusted} tag; empty when not set (libvirt's default: not trusted). */
    public Optional<Boolean> trusted() {
        return Optional.ofNullable(trusted);
    }

    /** The {@code vlan} tag: the VLAN id libvirt gives the entry's VFs; empty when not set. */
    public Optional<Integer> vlan() {
        return Optional.ofNullable(vlan);
    }

    /** The {@code vlan_qos} tag: the 802.1p priority 0-7 of {@link #vlan()}; empty when not set. */
    public Optional<Integer> vlanQos() {
        return Optional.ofNullable(vlanQos);
    }

    /** The {@code spoofchk} tag: true for {@code "on"}; empty when not set. */
    public Optional<Boolean> spoofchk() {
        return Optional.ofNullable(spoofchk);
    }

    /** The {@code link_state} tag, lower case ({@code auto}, {@code enable}, {@code disable}); empty when not set. */
    public Optional<String> linkState() {
        return Optional.ofNullable(linkState);
    }

    /** The {@code max_tx_rate} tag in Mbit/s; empty when not set. */
    public Optional<Integer> maxTxRate() {
        return Optional.ofNullable(maxTxRate);
    }

    /** The {@code min_tx_rate} tag in Mbit/s; empty when not set. */
    public Optional<Integer> minTxRate() {
        return Optional.ofNullable(minTxRate);
    }

    /** {@code remote_managed}: devices controlled by a SmartNIC DPU; never used for plain passthrough. */
    public boolean remoteManaged() {
        return remoteManaged;
    }

    public Optional<String> resourceClass() {
        return Optional.ofNullable(resourceClass);
    }

    /** Placement traits, upper case, in order written. */
    public List<String> traits() {
        return traits;
    }

    /** The {@code managed} tag (libvirt {@code managed='yes'}: libvirt binds the device to vfio-pci); empty = yes. */
    /**
     * {@code live_migratable}: whether QEMU can migrate the state of the devices this entry allows (a VFIO variant
     * driver with the migration uAPI, Nova 2025.1 {@code [pci] device_spec}); empty when not given.
     */
    public Optional<Boolean> liveMigratable() {
        return Optional.ofNullable(liveMigratable);
    }

    /** {@code mdev_type}: the mdev type this entry allows on the parents it matches; empty for a PCI device entry. */
    public Optional<String> mdevType() {
        return Optional.ofNullable(mdevType);
    }

    /**
     * Whether this entry allows an mdev of {@code type} on a parent at {@code parentAddress} (null: a parent that is no
     * PCI device, such as mtty's) with those ids (null when unknown).
     */
    public boolean allowsMdev(String type, PciAddress parentAddress, String parentVendorId, String parentProductId) {
        if (!type.equals(mdevType)) {
            return false;
        }
        if (parentAddress == null) {
            return address == AddressMatcher.ANY && vendorId == null && productId == null;
        }
        return idMatches(vendorId, parentVendorId) && idMatches(productId, parentProductId)
                && address.matches(parentAddress);
    }

    public Optional<Boolean> managed() {
        return Optional.ofNullable(managed);
    }

    @Override
    public String toString() {
        return where + " " + json;
    }

    /** How an address is matched. */
    private interface AddressMatcher {
        AddressMatcher ANY = new AddressMatcher() {
            @Override
            public boolean matches(PciAddress a) {
                return true;
            }

            @Override
            public String toString() {
                return "*";
            }
        };

        boolean matches(PciAddress a);
    }

    /** Glob: each field a number or null (any). */
    private record Glob(Integer domain, Integer bus, Integer slot, Integer function) implements AddressMatcher {
        static Glob parse(String text, String where) {
            String t = text.trim();
            int dot = t.indexOf('.');
            String dbs = dot < 0 ? t : t.substring(0, dot);
            String func = dot < 0 ? "" : t.substring(dot + 1);
            String[] parts = dbs.isEmpty() ? new String[0] : dbs.split(":", -1);
            if (parts.length > 3 || func.contains(".")) {
                throw new PoolConfigException(where + ": invalid address '" + text + "': expected "
                        + "[[[domain:]bus:]slot][.function] with hex fields or *, e.g. \"0000:0a:00.*\"");
            }
            String[] dbsAll = new String[3];
            Arrays.fill(dbsAll, "*");
            System.arraycopy(parts, 0, dbsAll, 3 - parts.length, parts.length);
            return new Glob(field(text, where, "domain", dbsAll[0], PciAddress.MAX_DOMAIN),
                    field(text, where, "bus", dbsAll[1], PciAddress.MAX_BUS),
                    field(text, where, "slot", dbsAll[2], PciAddress.MAX_SLOT),
                    field(text, where, "function", func, PciAddress.MAX_FUNCTION));
        }

        private static Integer field(String text, String where, String name, String value, int max) {
            String v = value.trim();
            if (v.isEmpty() || v.equals("*")) {
                return null;
            }
            if (!v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new PoolConfigException(where + ": invalid " + name + " '" + v + "' in address '" + text
                        + "': a glob field is hex or a lone *; for partial patterns use the regex form "
                        + "{\"" + name + "\": \"...\"}");
            }
            if (v.length() > 8 || Long.parseLong(v, 16) > max) {
                throw new PoolConfigException(where + ": " + name + " 0x" + v + " in address '" + text
                        + "' is out of range 0x0-0x" + Integer.toHexString(max) + "; fix the address");
            }
            return Integer.parseInt(v, 16);
        }

        Optional<PciAddress> exact() {
            return domain != null && bus != null && slot != null && function != null
                    ? Optional.of(PciAddress.of(domain, bus, slot, function)) : Optional.empty();
        }

        @Override
        public boolean matches(PciAddress a) {
            return (domain == null || domain == a.domain()) && (bus == null || bus == a.bus())
                    && (slot == null || slot == a.slot()) && (function == null || function == a.function());
        }

        @Override
        public String toString() {
            return f(domain, "%04x") + ":" + f(bus, "%02x") + ":" + f(slot, "%02x") + "." + f(function, "%x");
        }

        private static String f(Integer v, String fmt) {
            return v == null ? "*" : String.format(Locale.ROOT, fmt, v);
        }
    }

    /** Regex form: each field a pattern, matched against the field's lower-case hex. */
    private record Regex(Pattern domain, Pattern bus, Pattern slot, Pattern function) implements AddressMatcher {
        static Regex parse(JsonNode obj, String where) {
            JsonFields.rejectUnknown(obj, REGEX_KEYS, where + " address");
            return new Regex(pattern(obj, "domain", PciAddress.MAX_DOMAIN, where),
                    pattern(obj, "bus", PciAddress.MAX_BUS, where),
                    pattern(obj, "slot", PciAddress.MAX_SLOT, where),
                    pattern(obj, "function", PciAddress.MAX_FUNCTION, where));
        }

        private static Pattern pattern(JsonNode obj, String key, int max, String where) {
            String v = JsonFields.string(obj, key, where + " address");
            if (v == null) {
                return Pattern.compile(".*");
            }
            if (!v.isEmpty() && v.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                    && (v.length() > 8 || Long.parseLong(v, 16) > max)) {
                throw new PoolConfigException(where + ": address " + key + " '" + v + "' is out of range 0x0-0x"
                        + Integer.toHexString(max) + "; fix the address");
            }
            try {
                return Pattern.compile(v, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw new PoolConfigException(where + ": address " + key + " '" + v + "' is not a valid regular "
                        + "expression: " + e.getDescription(), e);
            }
        }

        @Override
        public boolean matches(PciAddress a) {
            return domain.matcher(String.format(Locale.ROOT, "%04x", a.domain())).matches()
                    && bus.matcher(String.format(Locale.ROOT, "%02x", a.bus())).matches()
                    && slot.matcher(String.format(Locale.ROOT, "%02x", a.slot())).matches()
                    && function.matcher(String.format(Locale.ROOT, "%x", a.function())).matches();
        }

        @Override
        public String toString() {
            return "{domain=" + domain + ", bus=" + bus + ", slot=" + slot + ", function=" + function + "}";
        }
    }
}
