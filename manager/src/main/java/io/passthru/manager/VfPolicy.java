package io.passthru.manager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passthru.PassthruException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.pool.DeviceSpec;
import io.passthru.xml.PciAddress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The host-side policy of an SR-IOV VF beyond its MAC, VLAN id and trust: spoof checking, link state, transmit rate
 * limits and the 802.1p priority (QoS) of its port VLAN. libvirt programs a hostdev VF's MAC and VLAN id on the PF
 * (formatdomain.html "Setting VLAN tag", {@code <vlan><tag id=/>}) and nothing else, so passthru sets these on the PF
 * itself with ip-link(8), as SR-IOV CNI and Neutron's SR-IOV agent do: {@code ip link set dev PF vf N spoofchk on|off},
 * {@code state auto|enable|disable}, {@code max_tx_rate MBPS}, {@code min_tx_rate MBPS}, {@code vlan ID qos Q}.
 * <p>
 * Each setting goes to the PF driver's {@code ndo_set_vf_*} operation, and drivers differ: which ones a driver has is
 * known for the common ones ({@link #supportedBy}), read from Linux 6.12's drivers/net/ethernet. igb has no
 * {@code ndo_set_vf_link_state}, and igb, ixgbe and i40e answer any {@code min_tx_rate} with EINVAL. A setting the
 * PF's driver lacks is refused before anything changes ({@link #requireSupportedBy}); for a driver passthru does not
 * know, the setting is tried, and a refusal undoes what this policy had set.
 * <p>
 * A null field leaves that setting as it is. Rates are in Mbit/s (ip-link's unit), 0 meaning no limit.
 *
 * @param spoofChecking  source MAC and VLAN anti-spoofing on or off
 * @param linkState      the VF's link as the guest sees it
 * @param maxTxRateMbps  transmit limit in Mbit/s (0: none)
 * @param minTxRateMbps  guaranteed transmit rate in Mbit/s (0: none)
 * @param vlan           the VLAN id the QoS goes with (libvirt sets the id itself; ip-link sets id and QoS together)
 * @param qos            802.1p priority 0-7 of the VF's port VLAN
 */
public record VfPolicy(Boolean spoofChecking, LinkState linkState, Integer maxTxRateMbps, Integer minTxRateMbps,
                       Integer vlan, Integer qos) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A policy that sets nothing. */
    public static final VfPolicy NONE = new VfPolicy(null, null, null, null, null, null);

    /** ip-link's {@code state}: {@code auto} follows the PF's link, {@code enable}/{@code disable} force it. */
    public enum LinkState {
        AUTO, ENABLE, DISABLE;

        /** The ip-link word. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** From the ip-link word ({@code auto}, {@code enable}, {@code disable}), any case. */
        public static LinkState of(String word) {
            for (LinkState s : values()) {
                if (s.word().equalsIgnoreCase(word)) {
                    return s;
                }
            }
            throw new InvalidRequestException("link state '" + word + "' is none of auto, enable, disable");
        }
    }

    /** One setting of a policy, named as the CLI option that asks for it. */
    public enum Setting {
        SPOOFCHK("--spoofchk", "spoof checking (ndo_set_vf_spoofchk)"),
        LINK_STATE("--link-state", "link state (ndo_set_vf_link_state)"),
        MAX_TX_RATE("--max-tx-rate", "a maximum transmit rate (ndo_set_vf_rate)"),
        MIN_TX_RATE("--min-tx-rate", "a minimum transmit rate (ndo_set_vf_rate with min_tx_rate)"),
        VLAN_QOS("--vlan ID:QOS", "a VLAN priority (ndo_set_vf_vlan with qos)");

        private final String option;
        private final String what;

        Setting(String option, String what) {
            this.option = option;
            this.what = what;
        }

        public String option() {
            return option;
        }

        public String what() {
            return what;
        }
    }

    private static final Set<Setting> ALL = EnumSet.allOf(Setting.class);
    private static final Set<Setting> NO_MIN_RATE = EnumSet.complementOf(EnumSet.of(Setting.MIN_TX_RATE));

    /**
     * The settings of the PF drivers passthru knows, from their {@code net_device_ops} in Linux 6.12
     * (drivers/net/ethernet): igb (igb_main.c: no link-state operation; igb_ndo_set_vf_bw returns EINVAL for any
     * min_tx_rate, and EOPNOTSUPP for rates on other MACs than the 82576), ixgbe (ixgbe_ndo_set_vf_bw: EINVAL for
     * min_tx_rate), i40e (i40e_ndo_set_vf_bw: min_tx_rate "not supported"), ice, mlx5_core and bnxt_en (all five).
     */
    static final Map<String, Set<Setting>> DRIVERS = Map.of(
            "igb", EnumSet.of(Setting.SPOOFCHK, Setting.MAX_TX_RATE, Setting.VLAN_QOS),
            "ixgbe", NO_MIN_RATE,
            "i40e", NO_MIN_RATE,
            "ice", ALL,
            "mlx5_core", ALL,
            "bnxt_en", ALL);

    public VfPolicy {
        if (maxTxRateMbps != null && maxTxRateMbps < 0 || minTxRateMbps != null && minTxRateMbps < 0) {
            throw new InvalidRequestException("a VF's transmit rates are Mbit/s from 0 (no limit) up, not "
                    + (maxTxRateMbps != null && maxTxRateMbps < 0 ? maxTxRateMbps : minTxRateMbps));
        }
        if (maxTxRateMbps != null && minTxRateMbps != null && maxTxRateMbps > 0 && minTxRateMbps > maxTxRateMbps) {
            throw new InvalidRequestException("--min-tx-rate " + minTxRateMbps + " is above --max-tx-rate "
                    + maxTxRateMbps + ": the guaranteed rate cannot exceed the limit");
        }
        if (qos != null && (qos < 0 || qos > 7)) {
            throw new InvalidRequestException("VLAN QoS " + qos + " is out of range: 802.1p priorities are 0-7");
        }
        if (qos != null && vlan == null) {
            throw new InvalidRequestException("a VLAN QoS needs its VLAN id: --vlan ID:QOS");
        }
        if (vlan != null && (vlan < 0 || vlan > 4095)) {
            throw new InvalidRequestException("VLAN " + vlan + " is out of range: 802.1Q VLAN ids are 0-4095");
        }
    }

    /**
     * The policy a {@code device_spec} entry's tags give the VFs it allows ({@code spoofchk}, {@code link_state},
     * {@code max_tx_rate}, {@code min_tx_rate}, {@code vlan} with {@code vlan_qos}; see {@link DeviceSpec}); the VLAN
     * id alone is libvirt's ({@link DeviceSpec#vlan()}), so an entry without those tags gives {@link #NONE}.
     */
    public static VfPolicy of(DeviceSpec spec) {
        Integer qos = spec.vlanQos().orElse(null);
        return new VfPolicy(spec.spoofchk().orElse(null), spec.linkState().map(LinkState::of).orElse(null),
                spec.maxTxRate().orElse(null), spec.minTxRate().orElse(null),
                qos == null ? null : spec.vlan().orElse(null), qos);
    }

    /** True when it sets nothing (a VLAN id alone is libvirt's, not this policy's). */
    public boolean isEmpty() {
        return settings().isEmpty();
    }

    /** What it sets, in the order they are applied. */
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>();
        if (spoofChecking != null) {
            s.add(Setting.SPOOFCHK);
        }
        if (linkState != null) {
            s.add(Setting.LINK_STATE);
        }
        if (maxTxRateMbps != null) {
            s.add(Setting.MAX_TX_RATE);
        }
        if (minTxRateMbps != null && minTxRateMbps > 0) {
            s.add(Setting.MIN_TX_RATE);
        }
        if (qos != null) {
            s.add(Setting.VLAN_QOS);
        }
        return s;
    }

    /** The settings {@code driver} implements; empty when passthru does not know the driver. */
    public static Optional<Set<Setting>> supportedBy(String driver) {
        return Optional.ofNullable(driver == null ? null : DRIVERS.get(driver));
    }

    /**
     * Refuses, before anything changes, the settings that the PF driver {@code driver} does not implement.
     *
     * @throws InvalidRequestException naming the driver, each setting it lacks and its CLI option
     */
    public void requireSupportedBy(String driver, PciAddress pf) {
        Optional<Set<Setting>> known = supportedBy(driver);
        if (known.isEmpty()) {
            return;
        }
        List<Setting> missing = settings().stream().filter(s -> !known.get().contains(s)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("the PF " + pf + "'s driver " + driver + " cannot set "
                    + String.join(", ", missing.stream().map(s -> s.what() + " [" + s.option() + "]").toList())
                    + " on its VFs; leave " + (missing.size() == 1 ? "that option" : "those options") + " out, or "
                    + "pick a VF of a PF whose driver has it. Nothing was changed");
        }
    }

    /**
     * The ip-link commands that set this policy on VF {@code index} of PF netdev {@code pf}, one per setting (so a
     * refusal names its setting).
     */
    public List<List<String>> commands(String pf, int index) {
        List<List<String>> cmds = new ArrayList<>();
        for (Setting s : settings()) {
            cmds.add(command(pf, index, s, this));
        }
        return cmds;
    }

    /**
     * The ip-link commands that give back the defaults of what this policy set (spoof checking on, link state auto,
     * no rate limits; the VLAN and its QoS are libvirt's, which restores the VF's VLAN when it releases the VF).
     */
    public List<List<String>> clearCommands(String pf, int index) {
        VfPolicy defaults = new VfPolicy(spoofChecking == null ? null : Boolean.TRUE,
                linkState == null ? null : LinkState.AUTO, maxTxRateMbps == null ? null : 0, null, null, null);
        List<List<String>> cmds = new ArrayList<>();
        for (Setting s : defaults.settings()) {
            cmds.add(command(pf, index, s, defaults));
        }
        if (minTxRateMbps != null && minTxRateMbps > 0) {
            cmds.add(base(pf, index, "min_tx_rate", "0"));
        }
        return cmds;
    }

    private static List<String> command(String pf, int index, Setting s, VfPolicy p) {
        return switch (s) {
            case SPOOFCHK -> base(pf, index, "spoofchk", p.spoofChecking ? "on" : "off");
            case LINK_STATE -> base(pf, index, "state", p.linkState.word());
            case MAX_TX_RATE -> base(pf, index, "max_tx_rate", Integer.toString(p.maxTxRateMbps));
            case MIN_TX_RATE -> base(pf, index, "min_tx_rate", Integer.toString(p.minTxRateMbps));
            case VLAN_QOS -> {
                List<String> c = new ArrayList<>(base(pf, index, "vlan", Integer.toString(p.vlan)));
                c.add("qos");
                c.add(Integer.toString(p.qos));
                yield List.copyOf(c);
            }
        };
    }

    private static List<String> base(String pf, int index, String key, String value) {
        return List.of("ip", "link", "set", "dev", pf, "vf", Integer.toString(index), key, value);
    }

    /**
     * The policy of VF {@code index} as {@code ip -j -d link show dev PF} reports it (its {@code vfinfo_list}):
     * every field the kernel reports, the VLAN and QoS from the first entry of the VF's VLAN list.
     *
     * @return empty when the output has no such VF
     * @throws PassthruException when the output is not ip's JSON
     */
    public static Optional<VfPolicy> readFrom(String ipJson, int index) {
        try {
            for (JsonNode link : JSON.readTree(ipJson)) {
                for (JsonNode vf : link.path("vfinfo_list")) {
                    if (vf.path("vf").asInt(-1) != index) {
                        continue;
                    }
                    Boolean spoof = vf.has("spoofchk") ? vf.get("spoofchk").asBoolean() : null;
                    LinkState state = vf.hasNonNull("link_state") ? LinkState.of(vf.get("link_state").asText())
                            : null;
                    JsonNode rate = vf.path("rate");
                    Integer max = rate.has("max_tx") ? rate.get("max_tx").asInt() : null;
                    Integer min = rate.has("min_tx") ? rate.get("min_tx").asInt() : null;
                    JsonNode vlanNode = vf.path("vlan_list").path(0);
                    if (vlanNode.isMissingNode()) {
                        vlanNode = vf; // older iproute2: "vlan" and "qos" on the VF itself
                    }
                    Integer vlanId = vlanNode.has("vlan") ? vlanNode.get("vlan").asInt() : null;
                    Integer q = vlanNode.has("qos") ? vlanNode.get("qos").asInt() : null;
                    return Optional.of(new VfPolicy(spoof, state, max, min, vlanId, vlanId == null ? null : q));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new PassthruException("cannot read ip's JSON output: " + e.getMessage(), e);
        }
    }

    /**
     * The settings of this policy that {@code actual} (as read back from the PF) does not show; empty when all do.
     */
    public List<Setting> notShownBy(VfPolicy actual) {
        List<Setting> off = new ArrayList<>();
        for (Setting s : settings()) {
            boolean ok = switch (s) {
                case SPOOFCHK -> Objects.equals(spoofChecking, actual.spoofChecking);
                case LINK_STATE -> Objects.equals(linkState, actual.linkState);
                case MAX_TX_RATE -> Objects.equals(maxTxRateMbps, actual.maxTxRateMbps);
                case MIN_TX_RATE -> Objects.equals(minTxRateMbps, actual.minTxRateMbps);
                case VLAN_QOS -> Objects.equals(vlan, actual.vlan) && Objects.equals(qos, actual.qos);
            };
            if (!ok) {
                off.add(s);
            }
        }
        return off;
    }

    /** For the CLI: e.g. {@code spoofchk off, link-state auto, max_tx_rate 100 Mbit/s, vlan 42 qos 3}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (spoofChecking != null) {
            parts.add("spoofchk " + (spoofChecking ? "on" : "off"));
        }
        if (linkState != null) {
            parts.add("link-state " + linkState.word());
        }
        if (maxTxRateMbps != null) {
            parts.add("max_tx_rate " + maxTxRateMbps + " Mbit/s");
        }
        if (minTxRateMbps != null) {
            parts.add("min_tx_rate " + minTxRateMbps + " Mbit/s");
        }
        if (vlan != null) {
            parts.add("vlan " + vlan + (qos != null ? " qos " + qos : ""));
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }
}
