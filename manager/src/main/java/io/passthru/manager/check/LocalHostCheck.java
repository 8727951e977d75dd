package io.passthru.manager.check;

import io.passthru.xml.PciAddress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Readiness of the local host for VFIO passthrough of SR-IOV VFs, read from procfs and sysfs under a root directory
 * ({@code /} by default; a fake tree in tests). Complements {@code HostCheck} (which asks libvirt and so also works
 * remotely) with evidence libvirt does not expose: CPU flags, kernel arguments, interrupt remapping, loaded modules
 * and IOMMU group viability. Nothing is changed on the host; each non-pass result names the remedy.
 *
 * <p>Sources: kernel Documentation/driver-api/vfio.rst (groups, viability, {@code allow_unsafe_interrupts}),
 * Documentation/admin-guide/kernel-parameters.txt ({@code intel_iommu}, {@code amd_iommu}, {@code iommu},
 * {@code intremap}), Documentation/ABI/testing/sysfs-bus-pci ({@code sriov_totalvfs}, {@code sriov_numvfs}),
 * sysfs-class-net ({@code operstate}), Intel VT-d specification (extended capability register bit 3 = interrupt
 * remapping support).
 */
public final class LocalHostCheck {
    private static final String VFIO_DOC = "kernel Documentation/driver-api/vfio.rst";
    /** Drivers a device may have and still leave its IOMMU group usable by VFIO (vfio.rst "viable" group). */
    private static final Set<String> VIABLE_DRIVERS = Set.of("vfio-pci", "pci-stub");
    private static final int PCI_BRIDGE_CLASS = 0x0604;

    private final Path root;

    /** Checks the running host ({@code /}). */
    public LocalHostCheck() {
        this(Paths.get("/"));
    }

    /** Checks the tree under {@code root} (which holds {@code proc/}, {@code sys/}, {@code dev/}). */
    public LocalHostCheck(Path root) {
        this.root = root;
    }

    /** CPU, KVM, IOMMU, interrupt remapping, VFIO modules, SR-IOV PFs and their links. */
    public List<Check> run() {
        List<Check> out = new ArrayList<>();
        out.add(cpuVirtualization());
        out.add(kvm());
        out.add(iommu());
        out.add(interruptRemapping());
        out.add(vfioModules());
        out.addAll(sriov());
        out.addAll(pfLinks());
        return out;
    }

    /** {@link #run()} plus {@link #iommuGroup} for each device to be passed through. */
    public List<Check> run(Collection<PciAddress> devices) {
        List<Check> out = run();
        devices.stream().sorted().forEach(d -> out.add(iommuGroup(d)));
        return out;
    }

    /** Hardware virtualization: {@code vmx} (Intel VT-x) or {@code svm} (AMD-V) in the flags of /proc/cpuinfo. */
    public Check cpuVirtualization() {
        String name = "cpu-virtualization";
        Optional<String> cpuinfo = read("proc/cpuinfo");
        if (cpuinfo.isEmpty()) {
            return Check.warn(name, "cannot read /proc/cpuinfo", "check that /proc is mounted");
        }
        Set<String> flags = cpuinfo.get().lines()
                .filter(l -> l.startsWith("flags"))
                .flatMap(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+")))
                .collect(Collectors.toSet());
        if (flags.isEmpty()) {
            return Check.warn(name, "/proc/cpuinfo lists no x86 flags (not an x86 host?): virtualization support "
                    + "is decided by KVM", "see the kvm check");
        }
        String nested = flags.contains("hypervisor") ? " (this host is itself a guest: nested virtualization)" : "";
        if (flags.contains("vmx")) {
            return Check.pass(name, "Intel VT-x (vmx)" + nested);
        }
        if (flags.contains("svm")) {
            return Check.pass(name, "AMD-V (svm)" + nested);
        }
        return Check.fail(name, "no vmx or svm flag in /proc/cpuinfo" + nested,
                "enable Intel VT-x or AMD-V (SVM) in the firmware setup; in a nested lab enable nested "
                        + "virtualization on the outer host (kvm_intel nested=1 or kvm_amd nested=1) and give this "
                        + "guest the host CPU (host-passthrough)");
    }

    /** KVM usable: /dev/kvm exists. */
    public Check kvm() {
        if (Files.exists(root.resolve("dev/kvm"))) {
            return Check.pass("kvm", "/dev/kvm present");
        }
        return Check.fail("kvm", "/dev/kvm does not exist",
                "load KVM (modprobe kvm_intel or modprobe kvm_amd); if it fails, check dmesg for "
                        + "'disabled by bios' and enable virtualization in the firmware");
    }

    /**
     * IOMMU enabled: decided by IOMMU groups under /sys/kernel/iommu_groups (the kernel creates them only when an
     * IOMMU driver runs); the detail reports the other evidence: ACPI table (DMAR for Intel VT-d, IVRS for AMD-Vi,
     * IORT for Arm SMMU), units in /sys/class/iommu, and the IOMMU arguments on the kernel command line.
     */
    public Check iommu() {
        String name = "iommu";
        List<String> tables = new ArrayList<>();
        Map<String, String> known = new LinkedHashMap<>();
        known.put("DMAR", "DMAR (Intel VT-d)");
        known.put("IVRS", "IVRS (AMD-Vi)");
        known.put("IORT", "IORT (Arm SMMU)");
        known.forEach((t, label) -> {
            if (Files.exists(root.resolve("sys/firmware/acpi/tables").resolve(t))) {
                tables.add(label);
            }
        });
        List<String> units = names("sys/class/iommu");
        int groups = names("sys/kernel/iommu_groups").size();
        List<String> args = cmdlineArgs(a -> a.startsWith("intel_iommu=") || a.startsWith("amd_iommu=")
                || a.startsWith("iommu=") || a.startsWith("iommu.passthrough="));
        String evidence = groups + " IOMMU group(s); units " + units + "; ACPI tables "
                + (tables.isEmpty() ? "none" : String.join(", ", tables)) + "; kernel args "
                + (args.isEmpty() ? "none" : String.join(" ", args));
        List<String> off = args.stream().filter(a -> a.equals("intel_iommu=off") || a.equals("amd_iommu=off")
                || a.equals("iommu=off")).toList();
        if (groups > 0) {
            String pt = args.contains("iommu=pt") ? "" : " (iommu=pt not set: host drivers also go through DMA "
                    + "translation, which costs some performance)";
            return Check.pass(name, evidence + pt);
        }
        if (!off.isEmpty()) {
            return Check.fail(name, evidence + ": the kernel command line turns the IOMMU off",
                    "remove " + String.join(" ", off) + " from the kernel command line (GRUB_CMDLINE_LINUX in "
                            + "/etc/default/grub, update-grub, reboot)");
        }
        if (tables.isEmpty()) {
            return Check.fail(name, evidence + ": the firmware describes no IOMMU",
                    "enable VT-d (Intel) or AMD-Vi/IOMMU (AMD) in the firmware setup; in a nested lab give this "
                            + "guest a vIOMMU (<iommu model='intel'> with caching_mode='on' on a q35 machine)");
        }
        boolean amd = tables.stream().anyMatch(t -> t.startsWith("IVRS"));
        return Check.fail(name, evidence + ": the firmware has an IOMMU but the kernel does not use it",
                (amd ? "boot with amd_iommu=on iommu=pt" : "boot with intel_iommu=on iommu=pt")
                        + " (GRUB_CMDLINE_LINUX in /etc/default/grub, update-grub, reboot)");
    }

    /**
     * Interrupt remapping, which VFIO needs to isolate device MSIs (vfio.rst): WARN when vfio_iommu_type1's
     * {@code allow_unsafe_interrupts} is {@code Y}; FAIL when the kernel has {@code intremap=off} or an Intel IOMMU
     * unit lacks IR (extended capability bit 3 clear); PASS when /proc/interrupts shows remapped chips
     * ({@code IR-PCI-MSI}, {@code IR-IO-APIC}) or every Intel unit supports IR; WARN without evidence.
     */
    public Check interruptRemapping() {
        String name = "interrupt-remapping";
        boolean unsafe = read("sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts")
                .map(v -> v.equalsIgnoreCase("Y") || v.equals("1")).orElse(false);
        List<String> irChips = read("proc/interrupts").stream().flatMap(String::lines)
                .flatMap(l -> Arrays.stream(l.trim().split("\\s+")))
                .filter(t -> t.startsWith("IR-")).distinct().sorted().toList();
        boolean msiWithoutIr = read("proc/interrupts").stream().flatMap(String::lines)
                .anyMatch(l -> Arrays.stream(l.trim().split("\\s+")).anyMatch(t -> t.startsWith("PCI-MSI")));
        Map<String, Boolean> ecapIr = new TreeMap<>();
        for (String unit : names("sys/class/iommu")) {
            read("sys/class/iommu/" + unit + "/intel-iommu/ecap").flatMap(LocalHostCheck::hexLong)
                    .ifPresent(ecap -> ecapIr.put(unit, ((ecap >> 3) & 1) == 1));
        }
        boolean intremapOff = cmdlineArgs(a -> a.equals("intremap=off")).size() > 0;
        if (unsafe) {
            return Check.warn(name, "vfio_iommu_type1 allow_unsafe_interrupts=Y: VFIO assigns devices even without "
                    + "interrupt remapping, so a guest can forge MSIs (" + VFIO_DOC + ")"
                    + (irChips.isEmpty() ? "" : "; remapped chips present: " + irChips),
                    "use hardware with interrupt remapping and drop allow_unsafe_interrupts=1 from "
                            + "/etc/modprobe.d (accept the risk only in a lab)");
        }
        if (intremapOff) {
            return Check.fail(name, "kernel command line has intremap=off",
                    "remove intremap=off from the kernel command line; without interrupt remapping VFIO refuses "
                            + "to assign devices unless allow_unsafe_interrupts=1 (insecure)");
        }
        if (!irChips.isEmpty()) {
            return Check.pass(name, "remapped interrupt chips in /proc/interrupts: " + irChips);
        }
        List<String> lacking = ecapIr.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .toList();
        if (!lacking.isEmpty()) {
            return Check.fail(name, "IOMMU unit(s) " + lacking + " lack interrupt remapping (VT-d extended "
                            + "capability bit 3 clear)",
                    "use hardware with interrupt remapping (in a nested lab: <iommu model='intel'><driver "
                            + "intremap='on'/> with <ioapic driver='qemu'/>); else VFIO needs "
                            + "allow_unsafe_interrupts=1, which is insecure");
        }
        if (!ecapIr.isEmpty()) {
            if (msiWithoutIr) {
                return Check.warn(name, "IOMMU unit(s) " + ecapIr.keySet() + " support interrupt remapping but "
                                + "/proc/interrupts shows MSIs without remapping (no IR- chips)",
                        "check dmesg for 'DMAR-IR' / 'Enabled IRQ remapping' and for x2apic or intremap options");
            }
            return Check.pass(name, "IOMMU unit(s) " + ecapIr.keySet() + " support interrupt remapping (VT-d "
                    + "extended capability bit 3)");
        }
        return Check.warn(name, "no evidence of interrupt remapping (no IR- chips in /proc/interrupts, no Intel "
                + "IOMMU capability registers)", "check dmesg for 'Enabled IRQ remapping' (Intel) or "
                + "'AMD-Vi: Interrupt remapping enabled'");
    }

    /** VFIO modules loaded (or built in): /sys/module/vfio and /sys/module/vfio_pci. */
    public Check vfioModules() {
        List<String> missing = Stream.of("vfio", "vfio_pci").filter(m -> !Files.isDirectory(module(m))).toList();
        List<String> present = Stream.of("vfio", "vfio_pci", "vfio_iommu_type1", "iommufd")
                .filter(m -> Files.isDirectory(module(m))).toList();
        if (missing.isEmpty()) {
            return Check.pass("vfio", "modules present: " + present);
        }
        return Check.fail("vfio", "module(s) " + missing + " not loaded (present: " + present + ")",
                "modprobe vfio-pci (pulls in vfio and vfio_iommu_type1); to load it at boot: "
                        + "echo vfio-pci > /etc/modules-load.d/vfio-pci.conf");
    }

    private Path module(String m) {
        return root.resolve("sys/module").resolve(m);
    }

    /** One result per SR-IOV capable device ({@code sriov_totalvfs} &gt; 0); FAIL when there is none. */
    public List<Check> sriov() {
        Map<String, Integer> pfs = pfs();
        if (pfs.isEmpty()) {
            return List.of(Check.fail("sriov", "no device under /sys/bus/pci/devices has sriov_totalvfs > 0",
                    "use an SR-IOV capable NIC, enable SR-IOV (and VT-d/ACS) in the firmware, and load the PF's "
                            + "driver"));
        }
        List<Check> out = new ArrayList<>();
        pfs.forEach((pf, total) -> {
            String name = "sriov " + pf;
            int num = read(dev(pf, "sriov_numvfs")).flatMap(LocalHostCheck::integer).orElse(0);
            List<String> nets = netdevs(pf);
            String label = nets.isEmpty() ? pf : pf + " (" + String.join(", ", nets) + ")";
            if (num == 0) {
                out.add(Check.warn(name, label + ": 0 of " + total + " VFs enabled",
                        "echo N > /sys/bus/pci/devices/" + pf + "/sriov_numvfs (N from 1 to " + total + "; make it "
                                + "persistent with a udev rule or systemd unit)"));
            } else {
                out.add(Check.pass(name, label + ": " + num + " of " + total + " VFs enabled"));
            }
        });
        return out;
    }

    /** Link state ({@code operstate}) of each netdev of each SR-IOV PF; a PF without netdev is a WARN. */
    public List<Check> pfLinks() {
        List<Check> out = new ArrayList<>();
        for (String pf : pfs().keySet()) {
            List<String> nets = netdevs(pf);
            if (nets.isEmpty()) {
                out.add(Check.warn("pf-link " + pf, "PF " + pf + " has no network interface (driver "
                                + driver(pf).orElse("none") + ")",
                        "bind the PF to its network driver so its link can be managed"));
                continue;
            }
            for (String net : nets) {
                String name = "pf-link " + net;
                String state = read(dev(pf, "net/" + net + "/operstate")).orElse("unknown");
                switch (state) {
                    case "up" -> out.add(Check.pass(name, net + " (" + pf + ") link up"));
                    case "down", "lowerlayerdown", "notpresent" -> out.add(Check.fail(name, net + " (" + pf
                                    + ") link " + state,
                            "ip link set " + net + " up and check the cable or switch port: VFs of a PF without "
                                    + "link have no link either"));
                    default -> out.add(Check.warn(name, net + " (" + pf + ") operstate " + state,
                            "check the link with ip link show " + net));
                }
            }
        }
        return out;
    }

    /**
     * IOMMU group viability for passing {@code device} through (vfio.rst): every other device in its group
     * ({@code /sys/kernel/iommu_groups/N/devices}) must be unbound, bound to vfio-pci or pci-stub, or be a PCI
     * bridge (class 0x0604xx, read from {@code class} or else from config space bytes 9..11). FAIL names the
     * devices and drivers that break isolation.
     */
    public Check iommuGroup(PciAddress device) {
        String addr = device.toString();
        String name = "iommu-group " + addr;
        Path groups = root.resolve("sys/kernel/iommu_groups");
        String group = null;
        for (String g : names("sys/kernel/iommu_groups")) {
            if (Files.exists(groups.resolve(g).resolve("devices").resolve(addr))) {
                group = g;
                break;
            }
        }
        if (group == null) {
            boolean exists = Files.exists(root.resolve("sys/bus/pci/devices").resolve(addr));
            return Check.fail(name, exists ? addr + " is in no IOMMU group" : "no PCI device " + addr,
                    exists ? "enable the IOMMU (see the iommu check)" : "check the address with lspci -D");
        }
        List<String> members = names("sys/kernel/iommu_groups/" + group + "/devices");
        List<String> breaking = new ArrayList<>();
        for (String m : members) {
            if (m.equals(addr)) {
                continue;
            }
            Optional<String> drv = driver(m);
            if (drv.isEmpty() || VIABLE_DRIVERS.contains(drv.get()) || isBridge(m)) {
                continue;
            }
            breaking.add(m + " (driver " + drv.get() + ")");
        }
        if (breaking.isEmpty()) {
            return Check.pass(name, "IOMMU group " + group + " " + members + " is viable");
        }
        return Check.fail(name, "IOMMU group " + group + " also holds " + String.join(", ", breaking)
                        + ", bound to host drivers: VFIO cannot isolate " + addr,
                "bind those devices to vfio-pci as well (virsh nodedev-detach) or unbind them, or move the card "
                        + "to a slot with its own IOMMU group (ACS-capable root port); see " + VFIO_DOC);
    }

    private boolean isBridge(String pciAddr) {
        Optional<Integer> cls = read(dev(pciAddr, "class")).flatMap(LocalHostCheck::hexLong).map(Long::intValue);
        if (cls.isEmpty()) {
            try {
                byte[] config = Files.readAllBytes(root.resolve("sys/bus/pci/devices").resolve(pciAddr)
                        .resolve("config"));
                if (config.length >= 12) {
                    cls = Optional.of(((config[11] & 0xff) << 16) | ((config[10] & 0xff) << 8) | (config[9] & 0xff));
                }
            } catch (IOException e) {
                return false;
            }
        }
        return cls.map(c -> (c >> 8) == PCI_BRIDGE_CLASS).orElse(false);
    }

    /** SR-IOV PFs: address → sriov_totalvfs, sorted by address. */
    private Map<String, Integer> pfs() {
        Map<String, Integer> out = new TreeMap<>();
        for (String d : names("sys/bus/pci/devices")) {
            read(dev(d, "sriov_totalvfs")).flatMap(LocalHostCheck::integer).filter(n -> n > 0)
                    .ifPresent(n -> out.put(d, n));
        }
        return out;
    }

    private List<String> netdevs(String pciAddr) {
        return names(dev(pciAddr, "net"));
    }

    /** Name of the bound driver ({@code driver} symlink's target), if any. */
    private Optional<String> driver(String pciAddr) {
        Path link = root.resolve("sys/bus/pci/devices").resolve(pciAddr).resolve("driver");
        try {
            if (Files.isSymbolicLink(link)) {
                return Optional.of(Files.readSymbolicLink(link).getFileName().toString());
            }
            if (Files.exists(link)) {
                return Optional.of(link.toRealPath().getFileName().toString());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String dev(String pciAddr, String file) {
        return "sys/bus/pci/devices/" + pciAddr + "/" + file;
    }

    private List<String> cmdlineArgs(java.util.function.Predicate<String> filter) {
        return read("proc/cmdline").stream().flatMap(c -> Arrays.stream(c.trim().split("\\s+")))
                .filter(filter).toList();
    }

    /** Sorted entry names of a directory under root; empty if it does not exist. */
    private List<String> names(String relative) {
        Path dir = root.resolve(relative);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted(LocalHostCheck::naturalOrder).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Numeric names (IOMMU groups) by value, others alphabetically. */
    private static int naturalOrder(String a, String b) {
        Optional<Integer> x = integer(a);
        Optional<Integer> y = integer(b);
        if (x.isPresent() && y.isPresent()) {
            return Integer.compare(x.get(), y.get());
        }
        return a.compareTo(b);
    }

    private Optional<String> read(String relative) {
        Path p = root.resolve(relative);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> hexLong(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("0x")) {
            t = t.substring(2);
        }
        try {
            return Optional.of(Long.parseUnsignedLong(t, 16));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
