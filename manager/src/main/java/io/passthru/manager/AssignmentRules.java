package io.passthru.manager;

import io.passthru.manager.error.DeviceNotAssignableException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.pool.DeviceType;
import io.passthru.xml.PciAddress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether host PCI devices may be given to one guest, decided from one {@link Inventory} before libvirt is asked to
 * change anything (pure: no libvirt calls). The rules:
 * <ol>
 *   <li><b>The device exists and has the right kind.</b> {@code --vf} names an SR-IOV VF; {@code --pci} names a
 *       plain PCI device or a PF, never a VF (that goes as {@code <interface type='hostdev'>} with {@code --vf})
 *       nor a bridge.</li>
 *   <li><b>One guest per device.</b> A device another domain holds (running or only defined) is refused, and so is
 *       one this guest already has, or one named twice.</li>
 *   <li><b>PF/VF exclusivity</b> (OpenStack Nova "PCI passthrough": a PF and its VFs are never both assignable):
 *       a PF is refused while any of its VFs is held by a domain or asked for in the same request; a VF is refused
 *       while its PF is held by a domain or asked for in the same request.</li>
 *   <li><b>IOMMU groups</b> (kernel Documentation/driver-api/vfio.rst, "Groups, Devices, and IOMMUs": the group,
 *       not the device, is the unit of ownership, and it is viable only when every device in it is bound to a vfio
 *       driver or unbound; bridges aside): every other endpoint in the device's group must go to the same guest
 *       (in this request or already held by it), or be unbound, or sit on vfio-pci/pci-stub with no domain holding
 *       it. An endpoint bound to a host driver, or held by another domain, makes the request refused, naming the
 *       group's other devices. PCI bridges (base class 0x06) in the group are ignored.</li>
 * </ol>
 * Every refusal is a {@link DeviceNotAssignableException} (or {@link InvalidRequestException} for an unknown
 * device) naming the problem and the fix.
 */
public final class AssignmentRules {
    private static final Set<String> ISOLATING_DRIVERS = Set.of("vfio-pci", "pci-stub");

    private AssignmentRules() {
    }

    /**
     * The hostdev for {@code --pci ADDR}: a {@link DeviceType#PF} or {@link DeviceType#PCI} device of the host.
     *
     * @throws InvalidRequestException       when the host has no such PCI device
     * @throws DeviceNotAssignableException when it is a VF (use {@code --vf}) or a bridge
     */
    public static PassthroughDevice.Hostdev pci(Inventory inv, PciAddress address) {
        Inventory.PciFunction f = inv.function(address).orElseThrow(() -> new InvalidRequestException(
                "no PCI device " + address + " on " + inv.uri() + " (passthru list-devices --connect " + inv.uri()
                        + " lists them)"));
        if (f.kind() == DeviceType.VF) {
            throw new DeviceNotAssignableException(address + " is an SR-IOV VF (of PF " + f.pf() + "): give it with "
                    + "--vf " + address + " so libvirt sets its MAC and VLAN (<interface type='hostdev'>)");
        }
        if (f.isBridge()) {
            throw new DeviceNotAssignableException(address + " is a PCI bridge (class " + f.pciClass() + "); "
                    + "bridges are not assigned to guests: pass the endpoint devices behind it");
        }
        return new PassthroughDevice.Hostdev(address, f.kind());
    }

    /**
     * Whether {@link #check} lets {@code domain} have {@code device} alone: the filter of device pools, so that a
     * candidate the rules refuse (a VF whose PF is passed through, a PF with VFs in use, a group held elsewhere) is
     * never offered instead of failing the request.
     */
    static boolean allows(Inventory inv, String domain, PassthroughDevice device) {
        try {
            check(inv, domain, List.of(device));
            return true;
        } catch (DeviceNotAssignableException e) {
            return false;
        }
    }

    /**
     * Checks that {@code devices} may all go to {@code domain} (see class doc), given what {@code inv} says is
     * held by whom.
     *
     * @param domain the receiving domain's name (a new one for define)
     * @throws InvalidRequestException       when a VF is not a VF of this host
     * @throws DeviceNotAssignableException naming every problem found and the fix
     */
    public static void check(Inventory inv, String domain, List<? extends PassthroughDevice> devices) {
        Set<PciAddress> requested = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (PassthroughDevice d : devices) {
            if (!requested.add(d.address())) {
                problems.add(d.describe() + " is named twice");
            }
        }
        for (PassthroughDevice d : devices) {
            if (d.kind() == DeviceType.VF && inv.vf(d.address()).isEmpty()
                    && inv.function(d.address()).map(f -> f.kind() != DeviceType.VF).orElse(true)) {
                throw new InvalidRequestException(d.address() + " is not an SR-IOV VF on " + inv.uri()
                        + " (passthru list-devices --connect " + inv.uri() + " lists the VFs)");
            }
            String holder = holder(inv, d.address());
            if (holder != null) {
                problems.add(holder.equals(domain)
                        ? d.describe() + " is already attached to domain '" + domain + "'"
                        : d.describe() + " is already used by domain '" + holder + "': pick a free device "
                        + "(passthru list-devices) or detach it from '" + holder + "' first");
            }
            if (d.kind() == DeviceType.PF) {
                pfProblems(inv, d, requested).ifPresent(problems::add);
            } else if (d.kind() == DeviceType.VF) {
                vfProblems(inv, d, requested).ifPresent(problems::add);
            }
            groupProblems(inv, domain, d, requested).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new DeviceNotAssignableException("cannot give " + devices.stream().map(PassthroughDevice::describe)
                    .collect(Collectors.joining(", ")) + " to domain '" + domain + "' on " + inv.uri() + ": "
                    + String.join("; ", problems) + ". Nothing was changed");
        }
    }

    private static String holder(Inventory inv, PciAddress a) {
        return inv.function(a).map(Inventory.PciFunction::usedBy)
                .or(() -> inv.vf(a).map(Inventory.Vf::usedBy)).orElse(null);
    }

    private static List<PciAddress> vfsOf(Inventory inv, PciAddress pf) {
        Set<PciAddress> out = new LinkedHashSet<>();
        inv.pf(pf).ifPresent(p -> p.vfs().forEach(v -> out.add(v.address())));
        inv.functions().stream().filter(f -> pf.equals(f.pf())).forEach(f -> out.add(f.address()));
        return List.copyOf(out);
    }

    private static Optional<String> pfProblems(Inventory inv, PassthroughDevice pf, Set<PciAddress> requested) {
        List<String> busy = new ArrayList<>();
        for (PciAddress vf : vfsOf(inv, pf.address())) {
            String h = holder(inv, vf);
            if (h != null) {
                busy.add("VF " + vf + " (used by domain '" + h + "')");
            } else if (requested.contains(vf)) {
                busy.add("VF " + vf + " (asked for in the same request)");
            }
        }
        return busy.isEmpty() ? Optional.empty() : Optional.of(pf.describe() + " has VFs in use: "
                + String.join(", ", busy) + "; a PF and its VFs are never passed through at once (Nova PCI "
                + "passthrough): detach the VFs first, or give the guest VFs instead of the PF");
    }

    private static Optional<String> vfProblems(Inventory inv, PassthroughDevice vf, Set<PciAddress> requested) {
        PciAddress pf = inv.vf(vf.address()).map(Inventory.Vf::pf)
                .or(() -> inv.function(vf.address()).map(Inventory.PciFunction::pf)).orElse(null);
        if (pf == null) {
            return Optional.empty();
        }
        String h = holder(inv, pf);
        if (h != null) {
            return Optional.of(vf.describe() + ": its PF " + pf + " is passed through to domain '" + h + "'; a PF "
                    + "and its VFs are never passed through at once (Nova PCI passthrough): detach the PF from '" + h
                    + "' first, or use a VF of another PF");
        }
        if (requested.contains(pf)) {
            return Optional.of(vf.describe() + ": its PF " + pf + " is asked for in the same request; a PF and its "
                    + "VFs are never passed through at once (Nova PCI passthrough): ask for either");
        }
        return Optional.empty();
    }

    private static Optional<String> groupProblems(Inventory inv, String domain, PassthroughDevice d,
                                                  Set<PciAddress> requested) {
        Optional<Inventory.PciFunction> self = inv.function(d.address());
        if (self.isEmpty()) {
            return Optional.empty();
        }
        List<String> blocking = new ArrayList<>();
        List<PciAddress> others = new ArrayList<>();
        for (PciAddress m : self.get().iommuGroupMembers()) {
            if (m.equals(d.address())) {
                continue;
            }
            Optional<Inventory.PciFunction> mf = inv.function(m);
            if (mf.isPresent() && mf.get().isBridge()) {
                continue;
            }
            others.add(m);
            if (requested.contains(m) || mf.isEmpty()) {
                continue;
            }
            String h = mf.get().usedBy();
            String drv = mf.get().driver();
            if (h != null && !h.equals(domain)) {
                blocking.add(m + " (used by domain '" + h + "')");
            } else if (h == null && drv != null && !ISOLATING_DRIVERS.contains(drv)) {
                blocking.add(m + " (bound to host driver " + drv + ")");
            }
        }
        if (blocking.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("IOMMU group " + self.get().iommuGroup() + " of " + d.describe() + " also holds "
                + others + ", and " + String.join(", ", blocking) + " does not go to '" + domain + "'; every "
                + "endpoint of an IOMMU group goes to the same guest or stays unbound (kernel vfio.rst, \"Groups, "
                + "Devices, and IOMMUs\"): pass them to this guest too (--pci ADDR), unbind them from their host "
                + "drivers, or move the card to a slot with an IOMMU group of its own (ACS)");
    }
}
