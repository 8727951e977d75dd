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

    /** Converts {@code --alias} values with {@link AliasCount#parse}. */
    public static final class AliasCountConverter implements ITypeConverter<AliasCount> {
        @Override
        public AliasCount convert(String value) {
            return AliasCount.parse(value);
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
