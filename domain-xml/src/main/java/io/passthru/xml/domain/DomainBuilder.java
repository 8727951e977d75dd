package io.passthru.xml.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fluent builder of a whole KVM guest on the q35 machine type, e.g.
 *
 * <pre>{@code
 * Domain d = DomainBuilder.kvmQ35("vm1").memoryMiB(2048).vcpus(2)
 *         .directKernel("/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0")
 *         .cpuMode("host-passthrough").pcieRootPorts(4)
 *         .hostdev(DomainHostdev.pciVfio(vf)).channel(DomainChannel.guestAgent()).build();
 * }</pre>
 *
 * <p>The XML follows formatdomain.html: {@code <domain type='kvm'>} (#element-and-attribute-overview), memory in
 * KiB (#memory-allocation), {@code <vcpu placement='static'>} (#cpu-allocation), {@code <os>} with
 * {@code <type arch='x86_64' machine='q35'>hvm</type>} and either direct kernel boot or {@code firmware='bios|efi'}
 * (#operating-system-booting), features acpi/apic/ioapic (#hypervisor-features), {@code <cpu mode=..>}
 * (#cpu-model-and-topology), and devices: a {@code pcie-root} controller first (q35 has a PCIe root complex,
 * formatdomain.html#controllers), then controllers, interfaces, hostdevs and channels in the order given.
 * {@link #build()} returns a new {@link Domain} each time.
 */
public final class DomainBuilder {
    private final String name;
    private String uuid;
    private String arch = "x86_64";
    private String machine = "q35";
    private long memoryMiB = 1024;
    private int vcpus = 1;
    private String kernel;
    private String initrd;
    private String cmdline;
    private String firmware;
    private boolean acpi = true;
    private boolean apic = true;
    private String ioapicDriver = "kvm";
    private String cpuMode = "host-passthrough";
    private String emulator;
    private Long pcihole64KiB;
    private String memoryAllocation;
    private List<Integer> numaNodes = List.of();
    private String numaCpuset;
    private final List<Object> devices = new ArrayList<>();

    private DomainBuilder(String name) {
        this.name = name;
    }

    /**
     * Starts a {@code type='kvm'} domain on {@code machine='q35'}, x86_64, 1 GiB, 1 vCPU, host-passthrough CPU,
     * features acpi, apic and {@code ioapic driver='kvm'}.
     *
     * @throws IllegalArgumentException if {@code name} is empty or contains '/' (libvirt refuses such names)
     */
    public static DomainBuilder kvmQ35(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("invalid domain name '" + name + "': must be non-empty, without '/'");
        }
        return new DomainBuilder(name);
    }

    public DomainBuilder uuid(String uuid) {
        this.uuid = uuid;
        return this;
    }

    /** Guest architecture for {@code <os><type arch=..>}, default {@code x86_64}. */
    public DomainBuilder arch(String arch) {
        this.arch = Objects.requireNonNull(arch, "arch");
        return this;
    }

    /** Machine type, default {@code q35} (a versioned one such as {@code pc-q35-9.2} also works). */
    public DomainBuilder machine(String machine) {
        this.machine = Objects.requireNonNull(machine, "machine");
        return this;
    }

    /** Memory ({@code <memory>} and {@code <currentMemory>}) in MiB, written in KiB. */
    public DomainBuilder memoryMiB(long mib) {
        if (mib <= 0) {
            throw new IllegalArgumentException("memory must be positive, got " + mib + " MiB");
        }
        this.memoryMiB = mib;
        return this;
    }

    /** Number of vCPUs ({@code <vcpu placement='static'>N</vcpu>}). */
    public DomainBuilder vcpus(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("vcpus must be positive, got " + n);
        }
        this.vcpus = n;
        return this;
    }

    /** Direct kernel boot ({@code <kernel>}, {@code <initrd>}, {@code <cmdline>}; initrd and cmdline optional). */
    public DomainBuilder directKernel(String kernel, String initrd, String cmdline) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.initrd = initrd;
        this.cmdline = cmdline;
        return this;
    }

    /** Firmware auto-selection {@code <os firmware='bios|efi'>}. */
    public DomainBuilder firmware(String firmware) {
        if (!"bios".equals(firmware) && !"efi".equals(firmware)) {
            throw new IllegalArgumentException("firmware must be 'bios' or 'efi', got '" + firmware + "'");
        }
        this.firmware = firmware;
        return this;
    }

    /** Features: {@code <acpi/>}, {@code <apic/>}, and {@code <ioapic driver=..>} ({@code null}: no ioapic). */
    public DomainBuilder features(boolean acpi, boolean apic, String ioapicDriver) {
        this.acpi = acpi;
        this.apic = apic;
        this.ioapicDriver = ioapicDriver;
        return this;
    }

    /**
     * Places the guest on host NUMA nodes {@code hostNodes} (libvirt formatdomain "NUMA Node Tuning" and "NUMA
     * topology"): one guest NUMA cell per host node, the vCPUs and the memory split between them in order (the
     * first cells take the remainders), each cell's memory bound to its host node ({@code <numatune><memory
     * mode='strict' nodeset='...'/><memnode cellid='i' mode='strict' nodeset='node'/>}), and the vCPUs on the host
     * CPUs {@code cpuset} ({@code <vcpu cpuset='...'>}, null: anywhere). Empty: no NUMA placement.
     *
     * @throws IllegalArgumentException when there are more nodes than vCPUs (every guest cell needs a vCPU)
     */
    public DomainBuilder numa(List<Integer> hostNodes, String cpuset) {
        this.numaNodes = List.copyOf(hostNodes);
        this.numaCpuset = cpuset;
        return this;
    }

    /** {@code <cpu mode=..>}: {@code host-passthrough|host-model|maximum|custom}; {@code null}: no cpu element. */
    public DomainBuilder cpuMode(String mode) {
        this.cpuMode = mode;
        return this;
    }

    /** Emulator path ({@code <emulator>}); absent by default (libvirt picks one). */
    public DomainBuilder emulator(String path) {
        this.emulator = path;
        return this;
    }

    /**
     * The 64-bit PCI hole of the {@code pcie-root} in KiB ({@code <pcihole64 unit='KiB'>}, formatdomain.html#controllers):
     * larger for devices with big 64-bit BARs (GPUs), 0 to put every BAR below 4 GiB; {@code null} (default): QEMU's
     * own size.
     *
     * @throws IllegalArgumentException if negative
     */
    public DomainBuilder pcihole64KiB(Long kib) {
        if (kib != null && kib < 0) {
            throw new IllegalArgumentException("pcihole64 must be 0 KiB or more, got " + kib);
        }
        this.pcihole64KiB = kib;
        return this;
    }

    /**
     * How QEMU allocates the guest's memory: {@code <memoryBacking><allocation mode='MODE'/>} with {@code immediate}
     * (all of it when the guest starts) or {@code ondemand} (as the guest touches it); {@code null} leaves the element
     * out (libvirt's default, on demand). formatdomain.html#memory-backing.
     *
     * @throws IllegalArgumentException for another mode
     */
    public DomainBuilder memoryAllocation(String mode) {
        if (mode != null && !mode.equals("immediate") && !mode.equals("ondemand")) {
            throw new IllegalArgumentException("memory allocation mode is immediate or ondemand, not '" + mode + "'");
        }
        this.memoryAllocation = mode;
        return this;
    }

    /**
     * Adds a serial port on a pseudo-terminal ({@code <serial type='pty'/>}; libvirt adds the matching
     * {@code <console>}), what {@code virsh console} attaches to (formatdomain.html#consoles-serial-parallel-channel-devices).
     */
    public DomainBuilder serialConsole() {
        DomainSerial s = new DomainSerial();
        s.setType("pty");
        devices.add(s);
        return this;
    }

    /**
     * Adds {@code <memballoon model=..>} (formatdomain.html#memory-balloon-device): {@code none} leaves out the virtio
     * balloon libvirt otherwise adds to every KVM guest.
     */
    public DomainBuilder memballoon(String model) {
        DomainMemballoon m = new DomainMemballoon();
        m.setModel(Objects.requireNonNull(model, "model"));
        devices.add(m);
        return this;
    }

    /** Adds {@code n} {@code pcie-root-port} controllers, indexes following those already added. */
    public DomainBuilder pcieRootPorts(int n) {
        int next = 1 + (int) devices.stream().filter(DomainController.class::isInstance)
                .map(DomainController.class::cast).filter(DomainController::isPci).count();
        for (int i = 0; i < n; i++) {
            devices.add(DomainController.pcieRootPort(next + i));
        }
        return this;
    }

    /** Adds a disk, e.g. {@link DomainDisk#file(String, String, String, String)}. */
    public DomainBuilder disk(DomainDisk d) {
        devices.add(Objects.requireNonNull(d, "disk"));
        return this;
    }

    /** Adds a vIOMMU ({@code <iommu model=..>}, formatdomain.html#iommu-devices). */
    public DomainBuilder iommu(DomainIommu i) {
        devices.add(Objects.requireNonNull(i, "iommu"));
        return this;
    }

    public DomainBuilder controller(DomainController c) {
        devices.add(Objects.requireNonNull(c, "controller"));
        return this;
    }

    public DomainBuilder iface(DomainInterface i) {
        devices.add(Objects.requireNonNull(i, "interface"));
        return this;
    }

    public DomainBuilder hostdev(DomainHostdev h) {
        devices.add(Objects.requireNonNull(h, "hostdev"));
        return this;
    }

    public DomainBuilder channel(DomainChannel c) {
        devices.add(Objects.requireNonNull(c, "channel"));
        return this;
    }

    /** A new domain from the current settings. */
    /** The guest's NUMA cells: vCPUs and memory (MiB) split over {@link #numaNodes} in order. */
    private DomainCpuNuma numaCells() {
        int n = numaNodes.size();
        if (n > vcpus) {
            throw new IllegalArgumentException(n + " NUMA nodes need at least " + n + " vCPUs (one per guest cell), not "
                    + vcpus);
        }
        DomainCpuNuma numa = new DomainCpuNuma();
        int cpu = 0;
        for (int i = 0; i < n; i++) {
            int cpus = vcpus / n + (i < vcpus % n ? 1 : 0);
            long mib = memoryMiB / n + (i < memoryMiB % n ? 1 : 0);
            DomainCpuNumaCell cell = new DomainCpuNumaCell();
            cell.setId(String.valueOf(i));
            cell.setCpus(cpus == 1 ? String.valueOf(cpu) : cpu + "-" + (cpu + cpus - 1));
            cell.setMemory(String.valueOf(mib));
            cell.setUnit("MiB");
            numa.getCells().add(cell);
            cpu += cpus;
        }
        return numa;
    }

    public Domain build() {
        Domain d = new Domain();
        d.setType("kvm");
        d.setName(name);
        d.setUuid(uuid);
        d.setMemory(DomainMemory.ofKiB(memoryMiB * 1024));
        d.setCurrentMemory(DomainMemory.ofKiB(memoryMiB * 1024));
        if (memoryAllocation != null) {
            DomainMemoryBackingAllocation allocation = new DomainMemoryBackingAllocation();
            allocation.setMode(memoryAllocation);
            DomainMemoryBacking backing = new DomainMemoryBacking();
            backing.setAllocation(allocation);
            d.setMemoryBacking(backing);
        }
        DomainVcpu v = new DomainVcpu();
        v.setPlacement("static");
        v.setCount(vcpus);
        if (!numaNodes.isEmpty()) {
            v.setCpuset(numaCpuset);
        }
        d.setVcpu(v);

        DomainOs os = new DomainOs();
        DomainOsType type = new DomainOsType();
        type.setArch(arch);
        type.setMachine(machine);
        type.setValue("hvm");
        os.setType(type);
        os.setFirmware(firmware);
        os.setKernel(kernel);
        os.setInitrd(kernel == null ? null : initrd);
        os.setCmdline(kernel == null ? null : cmdline);
        if (kernel == null) {
            DomainOsBoot boot = new DomainOsBoot();
            boot.setDev("hd");
            os.getBoots().add(boot);
        }
        d.setOs(os);

        DomainFeatures f = new DomainFeatures();
        f.setAcpi(acpi ? new DomainFeature() : null);
        f.setApic(apic ? new DomainFeatureApic() : null);
        if (ioapicDriver != null) {
            DomainFeatureIoapic io = new DomainFeatureIoapic();
            io.setDriver(ioapicDriver);
            f.setIoapic(io);
        }
        d.setFeatures(f);

        if (cpuMode != null || !numaNodes.isEmpty()) {
            DomainCpu cpu = new DomainCpu();
            cpu.setMode(cpuMode);
            if (!numaNodes.isEmpty()) {
                cpu.setNuma(numaCells());
                DomainNumatune tune = new DomainNumatune();
                DomainNumatuneMemory mem = new DomainNumatuneMemory();
                mem.setMode("strict");
                mem.setNodeset(numaNodes.stream().map(String::valueOf).collect(
                        java.util.stream.Collectors.joining(",")));
                tune.setMemory(mem);
                for (int i = 0; i < numaNodes.size(); i++) {
                    DomainNumatuneMemnode node = new DomainNumatuneMemnode();
                    node.setCellid(String.valueOf(i));
                    node.setMode("strict");
                    node.setNodeset(String.valueOf(numaNodes.get(i)));
                    tune.getMemnodes().add(node);
                }
                d.setNumatune(tune);
            }
            d.setCpu(cpu);
        }
        d.setOnPoweroff("destroy");
        d.setOnReboot("restart");
        d.setOnCrash("destroy");

        DomainDevices dev = d.devices();
        if (emulator != null) {
            DomainEmulator e = new DomainEmulator();
            e.setPath(emulator);
            dev.add(e);
        }
        DomainController root = new DomainController();
        root.setType("pci");
        root.setIndex(0);
        root.setModel("pcie-root");
        if (pcihole64KiB != null) {
            root.setPcihole64(DomainMemory.ofKiB(pcihole64KiB));
        }
        dev.add(root);
        for (Object o : devices) {
            dev.add(io.passthru.xml.XmlCodec.copy(o));
        }
        return d;
    }
}
