package io.passthru.manager;

import java.util.Locale;
import java.util.Set;

/**
 * Host drivers that hand a PCI device to VFIO: the generic {@code vfio-pci} and its variant drivers
 * (Linux drivers/vfio/pci/&lt;vendor&gt;/, named {@code <vendor>_vfio_pci}, e.g. {@code mlx5_vfio_pci}), which build
 * on vfio-pci-core and may implement the VFIO migration uAPI v2 (Linux 5.18+) for their device. libvirt binds a
 * variant driver itself when the domain XML names it ({@code <driver model='mlx5_vfio_pci'/>}, libvirt 10.0) or when
 * the kernel's modules.alias offers one for the device.
 */
public final class VfioDrivers {
    /**
     * The variant drivers that implement the VFIO migration uAPI in Linux 6.12 and later (mlx5 since 5.18, hisi_acc
     * since 5.18, pds since 6.6, qat since 6.10, virtio since 6.11 for virtio-net VFs, xe since 6.18). Others
     * (nvgrace_gpu_vfio_pci) only give the device to a guest.
     */
    public static final Set<String> MIGRATION_CAPABLE = Set.of("mlx5_vfio_pci", "hisi_acc_vfio_pci", "pds_vfio_pci",
            "qat_vfio_pci", "virtio_vfio_pci", "xe_vfio_pci");

    private VfioDrivers() {
    }

    /** {@code pds-vfio-pci} and {@code pds_vfio_pci} alike: lower case, dashes as underscores. */
    static String normalize(String driver) {
        return driver == null ? null : driver.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Whether {@code driver} is a VFIO variant driver ({@code *_vfio_pci}, not vfio-pci itself). */
    public static boolean isVariant(String driver) {
        String n = normalize(driver);
        return n != null && n.endsWith("_vfio_pci");
    }

    /** Whether {@code driver} gives the device to VFIO: vfio-pci or a variant driver. */
    public static boolean isVfio(String driver) {
        String n = normalize(driver);
        return n != null && (n.equals("vfio_pci") || isVariant(n));
    }

    /** Whether {@code driver} is a variant driver that implements the VFIO migration uAPI. */
    public static boolean migrationCapable(String driver) {
        return MIGRATION_CAPABLE.contains(normalize(driver));
    }
}
