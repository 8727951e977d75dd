package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.domcaps.DomainCapabilities;
import io.passthru.xml.nodedev.NodeDevice;

import java.util.ArrayList;
import java.util.List;

/**
 * Host readiness for VF passthrough, checked through libvirt so it works on remote hosts: libvirt version, IOMMU
 * (node devices carry IOMMU groups only when the kernel runs an IOMMU), VFIO (domain capabilities list the vfio
 * PCI backend), SR-IOV PFs with VFs, PF links up. Each non-pass result carries the remedy.
 */
public final class HostCheck {
    public enum Status { PASS, WARN, FAIL }

    /** One check: {@code remedy} is null on pass. */
    public record Result(String check, Status status, String detail, String remedy) {
    }

    /** libvirt 7.0.0 as major * 1,000,000 + minor * 1,000: oldest libvirt passthru is tested against is 11. */
    static final long MIN_LIBVIRT = 7_000_000;

    public List<Result> run(Host host) {
        List<Result> out = new ArrayList<>();
        long v = host.libvirtVersion();
        String version = (v / 1_000_000) + "." + (v / 1000 % 1000) + "." + (v % 1000);
        out.add(v >= MIN_LIBVIRT ? new Result("libvirt", Status.PASS, "libvirt " + version, null)
                : new Result("libvirt", Status.FAIL, "libvirt " + version,
                "upgrade libvirt to 7.0 or newer (Debian: bookworm-backports has 11.x)"));

        List<NodeDevice> pci = host.nodeDevices("pci");
        long grouped = pci.stream().filter(d -> d.iommuGroup().isPresent()).count();
        out.add(grouped > 0
                ? new Result("iommu", Status.PASS, grouped + " of " + pci.size() + " PCI devices in IOMMU groups", null)
                : new Result("iommu", Status.FAIL, "no PCI device is in an IOMMU group: the IOMMU is off",
                "enable VT-d/AMD-Vi in the firmware and boot with intel_iommu=on (Intel) or amd_iommu=on (AMD) "
                        + "and iommu=pt on the kernel command line"));

        out.add(vfio(host, grouped > 0));

        Inventory inv = Inventory.scan(host);
        int vfs = inv.vfs().size();
        out.add(inv.pfs().isEmpty()
                ? new Result("sriov", Status.FAIL, "no SR-IOV PF with VFs on this host",
                "create VFs on the PF: echo N > /sys/class/net/PF/device/sriov_numvfs (see sriov_totalvfs)")
                : new Result("sriov", Status.PASS, inv.pfs().size() + " PF(s) with " + vfs + " VF(s)", null));
        for (Inventory.Pf pf : inv.pfs()) {
            String name = "pf-link " + (pf.netInterface() == null ? pf.address() : pf.netInterface());
            if (pf.netInterface() == null) {
                out.add(new Result(name, Status.WARN, "PF " + pf.address() + " has no netdev (driver "
                        + pf.driver() + ")", "bind the PF to its network driver so its link can be managed"));
            } else if (pf.linkUp()) {
                out.add(new Result(name, Status.PASS, "link up", null));
            } else {
                out.add(new Result(name, Status.FAIL, "link " + pf.linkState(),
                        "ip link set " + pf.netInterface() + " up (and check the cable/switch port); libvirt "
                                + "refuses to configure VFs of an offline PF"));
            }
        }
        return out;
    }

    private static Result vfio(Host host, boolean iommuOn) {
        try {
            DomainCapabilities caps = host.domainCapabilities(null, null, "kvm");
            if (caps.supportsHostdevPciBackend("vfio")) {
                return new Result("vfio", Status.PASS, "domain capabilities list hostdev PCI backend vfio", null);
            }
            return new Result("vfio", Status.FAIL, "domain capabilities do not list the vfio PCI backend (they list "
                    + caps.hostdevValues("pciBackend") + ")", iommuOn
                    ? "load the vfio-pci module (modprobe vfio-pci) and check that /dev/vfio/vfio exists; legacy "
                    + "KVM device assignment is never used"
                    : "libvirt offers vfio only with an IOMMU: fix the iommu check first, then modprobe vfio-pci");
        } catch (PassthruException e) {
            return new Result("vfio", Status.FAIL, e.getMessage(), "install QEMU with KVM support and load kvm");
        }
    }

    /**
     * Refuses a VF whose host cannot pass it through, with the same words as {@code check-host}: IOMMU off, no vfio
     * backend, the VF's PF link down. Called before any libvirt change, so nothing is half-done.
     *
     * @throws HostNotReadyException listing each failed check and its fix
     */
    public void requireReadyFor(Host host, Inventory.Vf vf) {
        List<String> failures = new ArrayList<>();
        String pfCheck = "pf-link " + Inventory.scan(host).pf(vf.pf())
                .map(p -> p.netInterface() == null ? p.address().toString() : p.netInterface()).orElse("?");
        for (Result r : run(host)) {
            boolean relevant = List.of("libvirt", "iommu", "vfio", pfCheck).contains(r.check());
            if (relevant && r.status() == Status.FAIL) {
                failures.add(r.check() + ": " + r.detail() + " (fix: " + r.remedy() + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new HostNotReadyException(host.uri() + " cannot pass VF " + vf.address() + " through: "
                    + String.join("; ", failures));
        }
    }

    public static boolean ok(List<Result> results) {
        return results.stream().noneMatch(r -> r.status() == Status.FAIL);
    }
}
