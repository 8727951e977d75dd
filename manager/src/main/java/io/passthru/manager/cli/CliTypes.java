package io.passthru.manager.cli;

import io.passthru.PassthruException;
import io.passthru.manager.pool.Allocator;
import io.passthru.manager.viommu.ViommuPolicy;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Option types of the {@code passthru} CLI and their picocli converters, so that a bad value is refused while the
 * command line is parsed: picocli then prints {@code Invalid value for option '--vf': ...} and the usage of the
 * subcommand that was given, and exits with 2, before any libvirt connection is opened.
 */
public final class CliTypes {
    private CliTypes() {
    }

    /** {@code --output}: how results are printed. */
    public enum OutputFormat {
        /** Lines for people. */
        TEXT,
        /** One JSON document on stdout (Jackson, indented). */
        JSON
    }

    /** {@code --alias NAME[:COUNT]}: a Nova PCI alias and how many devices of it, as in Nova's
     * {@code pci_passthrough:alias} flavor extra spec ({@code "fast-vf:2"}); COUNT defaults to 1. */
    public record AliasCount(String name, int count) {
        /**
         * Parses {@code NAME} or {@code NAME:COUNT}, COUNT a decimal number of at least 1.
         *
         * @throws TypeConversionException naming the bad part and the expected form
         */
        public static AliasCount parse(String text) {
            int colon = text.indexOf(':');
            String name = colon < 0 ? text : text.substring(0, colon);
            if (name.isBlank()) {
                throw new TypeConversionException("'" + text + "' has no alias name; expected NAME[:COUNT], "
                        + "e.g. fast-vf:2");
            }
            if (colon < 0) {
                return new AliasCount(name, 1);
            }
            String c = text.substring(colon + 1);
            int count;
            try {
                count = Integer.parseInt(c);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("COUNT '" + c + "' in '" + text + "' is not a whole number; "
                        + "expected NAME[:COUNT] with COUNT 1 or more, e.g. " + name + ":2");
            }
            if (count < 1) {
                throw new TypeConversionException("COUNT " + count + " in '" + text + "' must be 1 or more; "
                        + "expected NAME[:COUNT], e.g. " + name + ":2");
            }
            return new AliasCount(name, count);
        }
    }

    /**
     * {@code --vlan ID[:QOS]}: an 802.1Q VLAN id 0-4095 and optionally its 802.1p priority 0-7 (ip-link's {@code vlan
     * ID qos Q}).
     */
    public record VlanTag(int id, Integer qos) {
        /** Parses {@code ID} or {@code ID:QOS}. */
        public static VlanTag parse(String value) {
            String[] parts = value.split(":", -1);
            if (parts.length > 2) {
                throw new TypeConversionException("'" + value + "' is not ID or ID:QOS (e.g. 42 or 42:3)");
            }
            int id = wholeIn(parts[0], 0, 4095, "VLAN id", value);
            Integer qos = parts.length == 2 ? wholeIn(parts[1], 0, 7, "VLAN QoS (802.1p priority)", value) : null;
            return new VlanTag(id, qos);
        }

        private static int wholeIn(String s, int min, int max, String what, String value) {
            try {
                int n = Integer.parseInt(s);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // the message below
            }
            throw new TypeConversionException("'" + value + "': the " + what + " is a whole number " + min + "-"
                    + max + ", not '" + s + "'");
        }
    }

    /** Converts {@code --vlan} values with {@link VlanTag#parse}. */
    public static final class VlanConverter implements ITypeConverter<VlanTag> {
        @Override
        public VlanTag convert(String value) {
            return VlanTag.parse(value);
        }
    }

    /** {@code --verify ADDR}: an IPv4 or IPv6 address ({@link io.passthru.agent.GuestReachability#validateAddress}). */
    public static final class IpAddressConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return io.passthru.agent.GuestReachability.validateAddress(value);
            } catch (io.passthru.agent.InvalidGuestInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code on}/{@code off} (also true/false, yes/no) for switches such as {@code --spoofchk}. */
    public static final class OnOff implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "on", "true", "yes" -> Boolean.TRUE;
                case "off", "false", "no" -> Boolean.FALSE;
                default -> throw new TypeConversionException("'" + value + "' is neither on nor off");
            };
        }
    }

    /** {@code --link-state auto|enable|disable}. */
    public static final class LinkStates implements ITypeConverter<io.passthru.manager.VfPolicy.LinkState>,
            Iterable<String> {
        @Override
        public io.passthru.manager.VfPolicy.LinkState convert(String value) {
            try {
                return io.passthru.manager.VfPolicy.LinkState.of(value);
            } catch (RuntimeException e) {
                throw new TypeConversionException("'" + value + "' is none of auto, enable, disable");
            }
        }

        @Override
        public Iterator<String> iterator() {
            return List.of("auto", "enable", "disable").iterator();
        }
    }

    /** Converts {@code --alias} values with {@link AliasCount#parse}. */
    public static final class AliasCountConverter implements ITypeConverter<AliasCount> {
        @Override
        public AliasCount convert(String value) {
            return AliasCount.parse(value);
        }
    }

    /**
     * Whole numbers of at least 1 for counts, seconds, milliseconds and MiB/s ({@code --timeout}, {@code
     * --max-downtime}, {@code --bandwidth}, ...): 0 or less would mean "no wait" or "no limit" by accident, and the
     * library refuses it only after the libvirt connections are open. At most {@value #MAX_POSITIVE} (68 years in
     * seconds), so that a number of seconds still fits in a {@link java.time.Duration}'s nanoseconds.
     */
    public static final class PositiveLong implements ITypeConverter<Long> {
        /** The largest value: {@link Integer#MAX_VALUE}. */
        public static final long MAX_POSITIVE = Integer.MAX_VALUE;

        @Override
        public Long convert(String value) {
            return parsePositive(value);
        }
    }

    /** {@link PositiveLong} for {@code int} options. */
    public static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) parsePositive(value);
        }
    }

    /**
     * Parses a whole number from 1 to {@link PositiveLong#MAX_POSITIVE}.
     *
     * @throws TypeConversionException naming the value and the range
     */
    static long parsePositive(String value) {
        long v;
        try {
            v = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number; give one from 1 to "
                    + PositiveLong.MAX_POSITIVE);
        }
        if (v < 1 || v > PositiveLong.MAX_POSITIVE) {
            throw new TypeConversionException("'" + value + "' is out of range: give a whole number from 1 to "
                    + PositiveLong.MAX_POSITIVE);
        }
        return v;
    }

    /**
     * A Linux network interface name ({@code --bond}): what the kernel accepts (net/core/dev.c
     * {@code dev_valid_name}: 1 to 15 bytes, since IFNAMSIZ is 16 with the NUL; not {@code "."} or {@code ".."}; no
     * {@code '/'}, {@code ':'} or white space), and what passthru's commands in the guest take
     * ({@link io.passthru.agent.GuestNetwork#validateInterfaceName}: letters, digits, {@code _.-}, not starting
     * with {@code '-'}).
     */
    public static final class InterfaceNameConverter implements ITypeConverter<String> {
        /** The longest name in bytes: IFNAMSIZ (16) less the NUL. */
        public static final int MAX_BYTES = 15;

        @Override
        public String convert(String value) {
            int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > MAX_BYTES) {
                throw new TypeConversionException("'" + value + "' is not a Linux interface name: it has " + bytes
                        + " bytes, the kernel takes 1 to " + MAX_BYTES);
            }
            if (value.equals(".") || value.equals("..")) {
                throw new TypeConversionException("'" + value + "' is not a Linux interface name: the kernel "
                        + "refuses '.' and '..'");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '/' || c == ':' || Character.isWhitespace(c)) {
                    throw new TypeConversionException("'" + value + "' is not a Linux interface name: the kernel "
                            + "refuses '/', ':' and white space in it");
                }
            }
            try {
                return io.passthru.agent.GuestNetwork.validateInterfaceName(value);
            } catch (io.passthru.agent.InvalidGuestInputException e) {
                throw new TypeConversionException("'" + value + "' is a name passthru does not use in the guest: "
                        + "give one of letters, digits, '_', '.' and '-' that does not start with '-'");
            }
        }
    }

    /** PCI addresses ({@code 0000:01:10.2}, {@code 01:10.2}, {@code pci_0000_01_10_2}) with
     * {@link PciAddress#parse}, whose message names the bad part and its range. */
    public static final class PciAddressConverter implements ITypeConverter<PciAddress> {
        @Override
        public PciAddress convert(String value) {
            try {
                return PciAddress.parse(value);
            } catch (PassthruException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** MAC addresses ({@code 52:54:00:ab:cd:ef}) with {@link MacAddress#parse}. */
    public static final class MacAddressConverter implements ITypeConverter<MacAddress> {
        @Override
        public MacAddress convert(String value) {
            try {
                return MacAddress.parse(value);
            } catch (PassthruException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * {@code --p2p-uri}: the destination's libvirt URI as the source host's libvirtd reaches it. The source libvirtd
     * connects to it (peer-to-peer migration), so it must name a remote host ({@code driver+transport://HOST/path};
     * without a host the source libvirtd would connect to itself) and keeps to the rules passthru applies to URIs
     * from an operation record ({@link io.passthru.manager.journal.RecordedUri#refusal}): no {@code ext} transport,
     * no {@code command=}, {@code socket=}, {@code netcat=} or {@code proxy=} parameter.
     */
    public static final class P2pUriConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String refused = io.passthru.manager.journal.RecordedUri.refusal(value);
            if (refused != null) {
                throw new TypeConversionException("'" + value + "' " + refused + "; give the destination's libvirt "
                        + "URI as the source host reaches it, e.g. qemu+tcp://198.51.100.2/system");
            }
            java.net.URI u = java.net.URI.create(value);
            if (u.getScheme() == null || !u.getScheme().matches("[A-Za-z][A-Za-z0-9]*(\\+[A-Za-z0-9]+)?")) {
                throw new TypeConversionException("'" + value + "' is not a libvirt URI (DRIVER+TRANSPORT://HOST/"
                        + "PATH), e.g. qemu+tcp://198.51.100.2/system");
            }
            if (u.getHost() == null || u.getHost().isEmpty()) {
                throw new TypeConversionException("'" + value + "' names no host: the source libvirtd would connect "
                        + "to itself; give the destination as the source host reaches it, e.g. "
                        + "qemu+tcp://198.51.100.2/system");
            }
            return value;
        }
    }

    /**
     * An enum written in lower case on the command line ({@code json}, {@code isolate}); any case is accepted. Both
     * the converter and the completion candidates (for {@code ${COMPLETION-CANDIDATES}} in descriptions, the bash
     * completion script and the man pages).
     *
     * @param <E> the enum
     */
    abstract static class LowerCaseEnum<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
        private final Class<E> type;

        LowerCaseEnum(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            for (E e : type.getEnumConstants()) {
                if (e.name().replace('_', '-').equalsIgnoreCase(value.trim())) {
                    return e;
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", names()));
        }

        List<String> names() {
            return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.toList());
        }

        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }

    /** {@code --output text|json}. */
    public static final class OutputFormats extends LowerCaseEnum<OutputFormat> {
        /** For picocli. */
        public OutputFormats() {
            super(OutputFormat.class);
        }
    }

    /** {@code --force-side source|destination} ({@link io.passthru.manager.migration.Side}). */
    public static final class Sides extends LowerCaseEnum<io.passthru.manager.migration.Side> {
        /** For picocli. */
        public Sides() {
            super(io.passthru.manager.migration.Side.class);
        }
    }

    /** {@code --mode bond|failover|unplug-replug|plain|auto} ({@link io.passthru.manager.MigrationFlow.Mode}). */
    public static final class MigrationModes extends LowerCaseEnum<io.passthru.manager.MigrationFlow.Mode> {
        /** For picocli. */
        public MigrationModes() {
            super(io.passthru.manager.MigrationFlow.Mode.class);
        }
    }

    /** {@code --group-policy none|isolate} ({@link Allocator.GroupPolicy}). */
    public static final class GroupPolicies extends LowerCaseEnum<Allocator.GroupPolicy> {
        /** For picocli. */
        public GroupPolicies() {
            super(Allocator.GroupPolicy.class);
        }
    }

    /** {@code --viommu auto|intel|smmuv3|virtio|amd|none} ({@link ViommuPolicy.Option}). */
    public static final class ViommuOptions extends LowerCaseEnum<ViommuPolicy.Option> {
        /** For picocli. */
        public ViommuOptions() {
            super(ViommuPolicy.Option.class);
        }
    }
}
