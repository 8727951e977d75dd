package io.passthru.manager;

import io.passthru.manager.error.HostNotReadyException;
import io.passthru.PassthruException;
import io.passthru.manager.check.Check;
import io.passthru.manager.check.LocalHostCheck;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.PciAddress;
import io.passthru.xml.domcaps.DomainCapabilities;
import io.passthru.xml.nodedev.NodeDevice;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Host readiness for VF passthrough. Through libvirt (works on remote hosts): libvirt version, IOMMU (node devices
 * carry IOMMU groups only when the kernel runs an IOMMU), VFIO (domain capabilities list the vfio PCI backend; legacy
 * KVM assignment is never used), SR-IOV PFs with VFs, PF links up, and IOMMU group viability of each VF (every other
 * member unbound, on vfio-pci or pci-stub, or a PCI bridge; kernel Documentation/driver-api/vfio.rst "Groups").
 * On the local host it adds {@link LocalHostCheck}'s sysfs/procfs checks (CPU virtualization, KVM, ACPI DMAR/IVRS
 * and kernel arguments, interrupt remapping, vfio modules); on a remote host it says they cannot be seen.
 * Every non-pass result carries the remedy.
 */
public final class HostCheck {
    /** libvirt 7.0.0 as major * 1,000,000 + minor * 1,000 + release. */
    static final long MIN_LIBVIRT = 7_000_000;
    private static final Set<String> ISOLATING_DRIVERS = Set.of("vfio-pci", "pci-stub");

    private final Path sysfsRoot;

    /** Checks through libvirt only, plus local sysfs checks under "/" for local URIs. */
    public HostCheck() {
        this(Path.of("/"));
    }

    /** {@code sysfsRoot}: where /sys and /proc of the local host are (tests pass a fake tree). */
    public HostCheck(Path sysfsRoot) {
        this.sysfsRoot = sysfsRoot;
    }

    /** true for URIs without a host part (qemu:///system, qemu:///session): libvirt runs on this machine. */
    public static boolean isLocal(String uri) {
        try {
            String h = URI.create(uri).getHost();
            return h == null || h.isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public List<Check> run(Host host) {
        List<Check> out = new ArrayList<>();
        out.add(libvirt(host.libvirtVersion()));

        List<NodeDevice> pci = host.nodeDevices("pci");
        long grouped = pci.stream().filter(d -> d.iommuGroup().isPresent()).count();
        out.add(iommu(grouped, pci.size()));
        out.add(vfio(host, grouped > 0));

        Inventory inv = Inventory.scan(host);
        out.add(inv.pfs().isEmpty()
                ? Check.fail("sriov", "no SR-IOV PF with VFs on this host",
                "create VFs on the PF: echo N > /sys/class/net/PF/device/sriov_numvfs (see sriov_totalvfs)")
                : Check.pass("sriov", inv.pfs().size() + " PF(s) with " + inv.vfs().size() + " VF(s)"));
        for (Inventory.Pf pf : inv.pfs()) {
            out.add(pfLink(pf));
        }
        if (grouped > 0) {
            out.add(groupViability(inv, pci));
        }
        if (io.passthru.manager.libvirt.Hosts.isTestDriver(host.uri())) {
            out.add(Check.warn("local", "libvirt's test driver is a mock host, not this machine: no sysfs/procfs "
                    + "checks", "run passthru check-host against the real host (qemu:///system) for those checks"));
        } else if (isLocal(host.uri())) {
            List<Check> local = new LocalHostCheck(sysfsRoot).run();
            for (Check c : local) {
                // the same facts libvirt already reported are not repeated
                if (!c.name().equals("iommu") && !c.name().startsWith("sriov") && !c.name().startsWith("pf-link")) {
                    out.add(c);
                }
            }
        } else {
            out.add(Check.warn("local", "CPU virtualization, ACPI DMAR/IVRS, kernel arguments and interrupt "
                    + "remapping cannot be seen through libvirt on a remote host",
                    "run passthru check-host on that host (qemu:///system) for those checks"));
        }
        return out;
    }

    /** When libvirt cannot be reached: that failure, plus the local sysfs checks for a local URI. */
    public List<Check> runWithoutLibvirt(String uri, String why) {
        List<Check> out = new ArrayList<>();
        out.add(Check.fail("libvirt", why, "start libvirtd (virtlogd -d; libvirtd -d) or fix the URI"));
        if (isLocal(uri)) {
            out.addAll(new LocalHostCheck(sysfsRoot).run());
        }
        return out;
    }

    /** {@code v}: libvirt's version as major * 1,000,000 + minor * 1,000 + release. */
    static Check libvirt(long v) {
        String version = (v / 1_000_000) + "." + (v / 1000 % 1000) + "." + (v % 1000);
        return v >= MIN_LIBVIRT ? Check.pass("libvirt", "libvirt " + version)
                : Check.fail("libvirt", "libvirt " + version,
                "upgrade libvirt to 7.0 or newer (Debian: bookworm-backports has 11.x)");
    }

    static Check iommu(long grouped, long total) {
        return grouped > 0
                ? Check.pass("iommu", grouped + " of " + total + " PCI devices in IOMMU groups")
                : Check.fail("iommu", "no PCI device is in an IOMMU group: the IOMMU is off",
                "enable VT-d/AMD-Vi in the firmware and boot with intel_iommu=on (Intel) or amd_iommu=on (AMD) "
                        + "and iommu=pt on the kernel command line");
    }

    static Check pfLink(Inventory.Pf pf) {
        String name = pfCheckName(pf);
        if (pf.netInterface() == null) {
            return Check.warn(name, "PF " + pf.address() + " has no netdev (driver " + pf.driver() + ")",
                    "bind the PF to its network driver so its link can be managed");
        }
        return pf.linkUp() ? Check.pass(name, "link up")
                : Check.fail(name, "link " + pf.linkState(), "ip link set " + pf.netInterface() + " up (and check "
                + "the cable/switch port); libvirt refuses to configure VFs of an offline PF");
    }

    static String pfCheckName(Inventory.Pf pf) {
        return "pf-link " + (pf.netInterface() == null ? pf.address() : pf.netInterface());
    }

    /** Every VF's IOMMU group must be viable for VFIO: other members unbound, vfio-pci/pci-stub, or bridges. */
    static Check groupViability(Inventory inv, List<NodeDevice> pci) {
        Map<PciAddress, NodeDevice> byAddr = new HashMap<>();
        pci.forEach(d -> d.pciAddress().ifPresent(a -> byAddr.put(a, d)));
        List<String> broken = new ArrayList<>();
        for (Inventory.Vf vf : inv.vfs()) {
            NodeDevice d = byAddr.get(vf.address());
            if (d == null) {
                continue;
            }
            for (PciAddress member : d.iommuGroupMembers()) {
                if (member.equals(vf.address())) {
                    continue;
                }
                NodeDevice m = byAddr.get(member);
                String driver = m == null ? null : m.driverName().orElse(null);
                boolean bridge = m != null && m.pciCapability().map(c -> c.getPciClass())
                        .map(c -> c.startsWith("0x0604")).orElse(false);
                if (driver != null && !ISOLATING_DRIVERS.contains(driver) && !bridge) {
                    broken.add("VF " + vf.address() + " shares IOMMU group " + vf.iommuGroup() + " with " + member
                            + " (driver " + driver + ")");
                }
            }
        }
        return broken.isEmpty()
                ? Check.pass("iommu-groups", inv.vfs().size() + " VF(s) in viable IOMMU groups")
                : Check.fail("iommu-groups", String.join("; ", broken), "unbind the named devices from their "
                + "drivers or bind them to vfio-pci (the whole group goes to one guest), or move the card to a slot "
                + "with its own group (ACS)");
    }

    private static Check vfio(Host host, boolean iommuOn) {
        if (io.passthru.manager.libvirt.Hosts.isTestDriver(host.uri())) {
            // its domain capabilities never list a hostdev backend: a mock hypervisor assigns nothing
            return Check.warn("vfio", "libvirt's test driver (a mock hypervisor) has no device assignment backend; "
                    + "VFIO is not checked", "check a real host (qemu:///system) for the vfio backend");
        }
        try {
            DomainCapabilities caps = host.domainCapabilities(null, null, "kvm");
            if (caps.supportsHostdevPciBackend("vfio")) {
                return Check.pass("vfio", "domain capabilities list hostdev PCI backend vfio");
            }
            return Check.fail("vfio", "domain capabilities do not list the vfio PCI backend (they list "
                    + caps.hostdevValues("pciBackend") + ")", iommuOn
                    ? "load the vfio-pci module (modprobe vfio-pci) and check that /dev/vfio/vfio exists; legacy "
                    + "KVM device assignment is never used"
                    : "libvirt offers vfio only with an IOMMU: fix the iommu check first, then modprobe vfio-pci");
        } catch (PassthruException e) {
            return Check.fail("vfio", e.getMessage(), "install QEMU with KVM support and load kvm");
        }
    }

    /**
     * Refuses a VF whose host cannot pass it through, with the same words as {@code check-host}: libvirt too old,
     * IOMMU off, no vfio backend, the VF's PF link down. Called before any libvirt change, so nothing is half-done.
     *
     * @throws HostNotReadyException listing each failed check and its fix
     */
    public void requireReadyFor(Host host, Inventory inv, Inventory.Vf vf) {
        requireReadyFor(host, inv, "VF " + vf.address(), vf.pf());
    }

    /**
     * {@link #requireReadyFor(Host, Inventory, Inventory.Vf)} for any device: libvirt version, IOMMU, vfio backend,
     * and the PF's link when {@code pfOrNull} names the PF of a VF.
     *
     * @param what the device for the message, e.g. "PCI device 0000:04:00.0"
     * @throws HostNotReadyException listing each failed check and its fix
     */
    public void requireReadyFor(Host host, Inventory inv, String what, PciAddress pfOrNull) {
        // the checks of check-host that concern this device, computed from what the caller already read (few RPCs)
        long grouped = inv.vfs().stream().filter(x -> x.iommuGroup() != null).count()
                + inv.functions().stream().filter(f -> f.iommuGroup() != null).count();
        List<Check> checks = new ArrayList<>();
        checks.add(libvirt(host.libvirtVersion()));
        checks.add(iommu(grouped, Math.max(inv.vfs().size(), inv.functions().size())));
        checks.add(vfio(host, grouped > 0));
        if (pfOrNull != null) {
            inv.pf(pfOrNull).ifPresent(pf -> checks.add(pfLink(pf)));
        }
        List<String> failures = new ArrayList<>();
        for (Check r : checks) {
            if (r.status() == Check.Status.FAIL) {
                failures.add(r.name() + ": " + r.detail() + " (fix: " + r.remedy() + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new HostNotReadyException(host.uri() + " cannot pass " + what + " through: "
                    + String.join("; ", failures));
        }
    }
}
