package io.passthru.manager.viommu;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.xml.domcaps.DomainCapabilities;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Chooses the guest's virtual IOMMU ({@code <devices><iommu model=...><driver .../></iommu>}, libvirt formatdomain
 * "IOMMU devices") from an option with the values of Nova's flavor extra spec {@code hw:viommu_model}
 * ({@code auto|intel|smmuv3|virtio}, plus {@code amd} and {@code none}), the guest's arch and machine, the libvirt
 * version and the domain capabilities. Pure: fails before the domain is defined, with the fix in the message.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@code auto} (Nova): {@code virtio} when libvirt is at least 8.3.0 (where libvirt added the virtio model)
 *       and the domain capabilities list {@code virtio} in {@code devices/iommu/enum[@name='model']}; otherwise
 *       {@code intel} on an x86 q35 machine and {@code smmuv3} on an aarch64 virt machine; any other machine has no
 *       vIOMMU. Nova picks virtio on the version alone; passthru also wants the capabilities to say so, so on
 *       libvirt releases whose domain capabilities have no {@code <iommu>} element (11.3 and older) auto means
 *       intel/smmuv3;</li>
 *   <li>{@code intel}: x86 q35 only (libvirt refuses it on i440fx/pc machines);</li>
 *   <li>{@code smmuv3}: aarch64 virt only;</li>
 *   <li>{@code virtio}: x86 q35 or aarch64 virt, libvirt 8.3.0 or newer;</li>
 *   <li>{@code amd}: x86 q35 only, libvirt 11.5.0 or newer unless the capabilities list it (libvirt 11.3's schema
 *       knows intel, smmuv3 and virtio only);</li>
 *   <li>when the capabilities have an {@code <iommu>} element, the model must be in its enum (an element with
 *       {@code supported='no'} lists none).</li>
 * </ul>
 *
 * <h2>Driver attributes</h2>
 * As Nova sets them for device assignment: {@code intel} gets {@code intremap='on'} (interrupt remapping, needs
 * the split I/O APIC {@code <features><ioapic driver='qemu'/></features>}, hence {@link Decision#ioapicDriver()}
 * {@code "qemu"}), {@code caching_mode='on'} (required by QEMU for assigned devices), {@code eim='on'} (extended
 * interrupt mode, x2APIC with more than 255 vCPUs; requires intremap), {@code iotlb='on'} (device IOTLB) and
 * {@code aw_bits='48'} (48-bit guest address width; libvirt 6.5.0 or newer). {@code amd} gets {@code intremap='on'}
 * and the qemu I/O APIC. {@code smmuv3} and {@code virtio} get no driver attributes (libvirt rejects the Intel
 * ones for them).
 */
public final class ViommuPolicy {
    /** libvirt 8.3.0: {@code <iommu model='virtio'>}. Versions are major * 1,000,000 + minor * 1,000 + micro. */
    public static final long MIN_LIBVIRT_VIRTIO = 8_003_000;
    /** libvirt 6.5.0: {@code aw_bits}. */
    public static final long MIN_LIBVIRT_AW_BITS = 6_005_000;
    /** libvirt 11.5.0: {@code <iommu model='amd'>} (absent from 11.3's schema). */
    public static final long MIN_LIBVIRT_AMD = 11_005_000;

    /** The requested model ({@code hw:viommu_model} values, plus {@code amd} and {@code none}). */
    public enum Option {
        AUTO, INTEL, SMMUV3, VIRTIO, AMD, NONE;

        /**
         * Parses {@code auto|intel|smmuv3|virtio|amd|none}, any case.
         *
         * @throws InvalidRequestException naming the allowed values
         */
        public static Option parse(String text) {
            if (text != null) {
                for (Option o : values()) {
                    if (o.name().equalsIgnoreCase(text.trim())) {
                        return o;
                    }
                }
            }
            throw new InvalidRequestException("unknown vIOMMU model '" + text + "'; use one of "
                    + Arrays.stream(values()).map(o -> o.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }

        String model() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The vIOMMU to define.
     *
     * @param model        libvirt's {@code <iommu model>} ({@code intel}, {@code smmuv3}, {@code virtio},
     *                     {@code amd}), or null for no vIOMMU
     * @param driver       {@code <driver>} attributes in order (e.g. {@code intremap=on}); empty for none
     * @param ioapicDriver {@code <features><ioapic driver=...>} the model needs ({@code "qemu"}), or null
     */
    public record Decision(String model, Map<String, String> driver, String ioapicDriver) {
        public Decision {
            driver = Collections.unmodifiableMap(new LinkedHashMap<>(driver));
        }

        static Decision none() {
            return new Decision(null, Map.of(), null);
        }

        /** True when a vIOMMU is to be added. */
        public boolean present() {
            return model != null;
        }
    }

    private ViommuPolicy() {
    }

    /** {@link #decide(Option, String, String, long, DomainCapabilities)} with the option as text. */
    public static Decision decide(String option, String arch, String machine, long libvirtVersion,
                                  DomainCapabilities caps) {
        return decide(Option.parse(option), arch, machine, libvirtVersion, caps);
    }

    /**
     * Decides the vIOMMU (see class doc).
     *
     * @param option         requested model
     * @param arch           guest arch ({@code x86_64}, {@code aarch64}, ...); null = the capabilities' arch
     * @param machine        guest machine ({@code pc-q35-10.0}, {@code q35}, {@code pc}, {@code virt-8.2}, ...);
     *                       null = the capabilities' machine
     * @param libvirtVersion libvirt version, major * 1,000,000 + minor * 1,000 + micro
     * @param caps           domain capabilities for that emulator/arch/machine, or null when unknown
     * @throws InvalidRequestException for a combination libvirt or QEMU would refuse, naming it and the fix
     */
    public static Decision decide(Option option, String arch, String machine, long libvirtVersion,
                                  DomainCapabilities caps) {
        Objects.requireNonNull(option, "option");
        if (option == Option.NONE) {
            return Decision.none();
        }
        String a = arch != null ? arch : caps == null ? null : caps.getArch();
        String m = machine != null ? machine : caps == null ? null : caps.getMachine();
        if (a == null || m == null) {
            throw new InvalidRequestException("vIOMMU " + option.model() + ": the guest's arch and machine are unknown "
                    + "(arch " + a + ", machine " + m + "); give them or pass domain capabilities");
        }
        boolean x86 = a.equals("x86_64") || a.equals("i686");
        boolean q35 = x86 && m.contains("q35");
        boolean armVirt = a.equals("aarch64") && (m.equals("virt") || m.startsWith("virt-"));
        boolean capsHaveIommu = caps != null && caps.getDevices() != null && caps.getDevices().getIommu() != null;
        List<String> listed = capsHaveIommu ? caps.iommuModels() : List.of();
        String where = "arch " + a + ", machine " + m;

        String model;
        if (option == Option.AUTO) {
            if (libvirtVersion >= MIN_LIBVIRT_VIRTIO && listed.contains("virtio") && (q35 || armVirt)) {
                model = "virtio";
            } else if (q35) {
                model = "intel";
            } else if (armVirt) {
                model = "smmuv3";
            } else {
                throw new InvalidRequestException("vIOMMU auto: no vIOMMU model for " + where + "; a vIOMMU needs "
                        + "an x86_64 q35 machine (intel, virtio) or an aarch64 virt machine (smmuv3, virtio): define "
                        + "the guest with machine type q35 or set the vIOMMU option to none");
            }
        } else {
            model = option.model();
        }

        switch (model) {
            case "intel" -> {
                if (!x86) {
                    throw new InvalidRequestException("vIOMMU intel is an x86 (VT-d) device; " + where + " is not "
                            + "x86: use smmuv3 or virtio on aarch64 virt");
                }
                if (!q35) {
                    throw new InvalidRequestException("vIOMMU intel needs a q35 machine; " + where + " is an "
                            + "i440fx/pc machine, where libvirt refuses it: define the guest with machine type q35");
                }
            }
            case "smmuv3" -> {
                if (!armVirt) {
                    throw new InvalidRequestException("vIOMMU smmuv3 is the Arm SMMU and needs an aarch64 virt "
                            + "machine; " + where + (x86 ? " is x86: use intel or virtio (q35)" : ""));
                }
            }
            case "amd" -> {
                if (!x86) {
                    throw new InvalidRequestException("vIOMMU amd is an x86 (AMD-Vi) device; " + where + " is not "
                            + "x86: use smmuv3 or virtio on aarch64 virt");
                }
                if (!q35) {
                    throw new InvalidRequestException("vIOMMU amd needs a q35 machine; " + where + " is an "
                            + "i440fx/pc machine: define the guest with machine type q35");
                }
                if (libvirtVersion < MIN_LIBVIRT_AMD && !listed.contains("amd")) {
                    throw new InvalidRequestException("vIOMMU amd needs libvirt 11.5.0 or newer, this is "
                            + version(libvirtVersion) + ": use intel or virtio, or upgrade libvirt");
                }
            }
            case "virtio" -> {
                if (libvirtVersion < MIN_LIBVIRT_VIRTIO) {
                    throw new InvalidRequestException("vIOMMU virtio needs libvirt 8.3.0 or newer, this is "
                            + version(libvirtVersion) + ": use " + (armVirt ? "smmuv3" : "intel")
                            + " or upgrade libvirt");
                }
                if (!q35 && !armVirt) {
                    throw new InvalidRequestException("vIOMMU virtio needs an x86_64 q35 or aarch64 virt machine; "
                            + where + " is neither: define the guest with machine type q35 (x86) or virt (aarch64)");
                }
            }
            default -> throw new IllegalStateException(model);
        }
        if (capsHaveIommu && !listed.contains(model)) {
            throw new InvalidRequestException("vIOMMU " + model + " is not supported by this hypervisor for " + where
                    + ": domain capabilities list iommu models " + listed
                    + (listed.isEmpty() ? " (none)" : "; pick one of them"));
        }

        Map<String, String> driver = new LinkedHashMap<>();
        String ioapic = null;
        if (model.equals("intel")) {
            driver.put("intremap", "on");
            driver.put("caching_mode", "on");
            driver.put("eim", "on");
            driver.put("iotlb", "on");
            if (libvirtVersion >= MIN_LIBVIRT_AW_BITS) {
                driver.put("aw_bits", "48");
            }
            ioapic = "qemu";
        } else if (model.equals("amd")) {
            driver.put("intremap", "on");
            ioapic = "qemu";
        }
        return new Decision(model, driver, ioapic);
    }

    static String version(long v) {
        return (v / 1_000_000) + "." + (v / 1000 % 1000) + "." + (v % 1000);
    }
}
