package io.passthru.manager.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a fake procfs/sysfs tree laid out like the kernel's (see sysfs-bus-pci, sysfs-kernel-iommu_groups). */
final class FakeHost {
    final Path root;

    FakeHost(Path root) {
        this.root = root;
    }

    FakeHost file(String relative, String content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeHost dir(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PCI device with class (e.g. 0x020000) and driver (symlink into sys/bus/pci/drivers, null = unbound). */
    FakeHost pci(String addr, String cls, String driver) {
        dir("sys/bus/pci/devices/" + addr);
        if (cls != null) {
            file("sys/bus/pci/devices/" + addr + "/class", cls + "\n");
        }
        if (driver != null) {
            dir("sys/bus/pci/drivers/" + driver);
            try {
                Files.createSymbolicLink(root.resolve("sys/bus/pci/devices/" + addr + "/driver"),
                        root.resolve("sys/bus/pci/drivers/" + driver));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    FakeHost group(int n, String... addrs) {
        dir("sys/kernel/iommu_groups/" + n + "/devices");
        for (String a : addrs) {
            dir("sys/kernel/iommu_groups/" + n + "/devices/" + a);
        }
        return this;
    }

    FakeHost pf(String addr, int total, int num, String netdev, String operstate) {
        pci(addr, "0x020000", "igb");
        file("sys/bus/pci/devices/" + addr + "/sriov_totalvfs", total + "\n");
        file("sys/bus/pci/devices/" + addr + "/sriov_numvfs", num + "\n");
        if (netdev != null) {
            file("sys/bus/pci/devices/" + addr + "/net/" + netdev + "/operstate", operstate + "\n");
        }
        return this;
    }

    /** A healthy Intel host: VT-x, KVM, VT-d with IR in use, vfio-pci, one PF with 2 of 7 VFs and link up. */
    static FakeHost healthyIntel(Path root) {
        return new FakeHost(root)
                .file("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme de pse msr vmx ept\n\nprocessor\t: 1\n"
                        + "flags\t\t: fpu vme de pse msr vmx ept\n")
                .file("dev/kvm", "")
                .file("sys/firmware/acpi/tables/DMAR", "DMAR")
                .file("sys/class/iommu/dmar0/intel-iommu/ecap", "f0205e\n")
                .file("proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro intel_iommu=on iommu=pt quiet\n")
                .file("proc/interrupts", "           CPU0       CPU1\n"
                        + "  0:         31          0   IO-APIC   2-edge      timer\n"
                        + "  9:          0          0   IR-IO-APIC    9-fasteoi   acpi\n"
                        + " 24:          0       1022   IR-PCI-MSI 512000-edge      ahci[0000:00:1f.2]\n")
                .dir("sys/module/vfio/parameters").dir("sys/module/vfio_pci/parameters")
                .file("sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts", "N\n")
                .pf("0000:0a:00.0", 7, 2, "eth0", "up")
                .pci("0000:0a:10.0", "0x020000", "vfio-pci")
                .pci("0000:0a:10.2", "0x020000", null)
                .group(0, "0000:00:00.0").group(1, "0000:0a:00.0").group(20, "0000:0a:10.0")
                .group(21, "0000:0a:10.2");
    }
}
