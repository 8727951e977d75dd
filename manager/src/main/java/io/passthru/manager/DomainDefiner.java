package io.passthru.manager;

import io.passthru.manager.error.DeviceNotAssignableException;
import io.passthru.manager.error.HostNotReadyException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.PassthruException;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.journal.OperationKind;
import io.passthru.manager.journal.OperationLock;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.pool.Allocator;
import io.passthru.manager.pool.Candidate;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.pool.PciAlias;
import io.passthru.manager.viommu.ViommuPolicy;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainBuilder;
import io.passthru.xml.domain.DomainChannel;
import io.passthru.xml.domain.DomainDisk;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainAlias;
import io.passthru.xml.domain.DomainInterface;
import io.passthru.xml.domain.DomainInterfaceTeaming;
import io.passthru.xml.domain.DomainIommu;
import io.passthru.xml.domain.DomainIommuDriver;
import io.passthru.xml.domain.DomainMetadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code passthru define NAME}: generates a whole KVM guest on q35 from a {@link Command} with the typed model
 * ({@link DomainBuilder}; never a string template) and defines it ({@code virDomainDefineXML}), or returns the XML
 * only ({@code --dry-run}). Devices come from {@code --vf} (as {@code <interface type='hostdev'>} with MAC, VLAN
 * and trust), {@code --pci} (plain PCI device or PF as {@code <hostdev>}) and {@code --alias NAME[:COUNT]} (the
 * device pool: Nova device_spec/alias, NUMA and group policy, as {@code attach --alias}). Every device passes
 * {@link AssignmentRules} and {@link HostCheck#requireReadyFor} and the vIOMMU passes {@link ViommuPolicy} before
 * anything is defined; a refusal changes nothing.
 *
 * <p>The guest: {@code <memory>} in KiB from MiB, {@code <vcpu placement='static'>}, {@code <os>} direct kernel
 * boot ({@code --kernel/--initrd/--cmdline}) or {@code <boot dev='hd'/>}, host-passthrough CPU, acpi/apic and
 * {@code <ioapic driver='kvm'>} ({@code 'qemu'} when the vIOMMU needs interrupt remapping), a {@code pcie-root}
 * (with {@code --pcihole64} KiB: the 64-bit PCI hole, formatdomain.html#controllers), a virtio disk ({@code --disk}:
 * qcow2 when the name ends in .qcow2, else raw), a virtio NIC ({@code --bridge} or {@code --network}; with
 * {@code --failover} the persistent side of a failover pair: {@code <teaming type='persistent'/>} and a user
 * alias, formatdomain.html#teaming-a-virtio-hostdev-nic-pair), the devices, {@code --hotplug-ports} spare
 * {@code pcie-root-port}s, the QEMU guest agent channel ({@code org.qemu.guest_agent.0}, formatdomain.html#channel),
 * a serial console on a pty ({@code virsh console}, as virt-install gives) and no memory balloon
 * ({@code <memballoon model='none'/>}: VFIO pins all memory of a guest with an assigned device, and QEMU keeps a
 * balloon from discarding pages while a vfio-pci device is present, so the balloon could not give memory back).
 * libvirt places each device without an address on the first free root port and adds ports when none is free, so
 * passthru adds, besides the N spare ones, one port per PCIe device it defines (disk, NICs, devices, the
 * virtio-serial controller of the agent channel) and one for the USB controller libvirt adds to a q35 guest by
 * default.
 */
public final class DomainDefiner {
    /** The journal step of a {@code define} with devices: the definition is written and then checked. */
    public static final String STEP_DEFINE = "define";

    private final OperationJournal journal;
    /** Runs once the definition exists and before it is checked (the fault-injection point of the lab tests). */
    private final Runnable afterDefine;

    /** A definer that journals into the default journal ({@link OperationJournal#OperationJournal()}). */
    public DomainDefiner() {
        this(new OperationJournal());
    }

    /** A definer that journals a {@code define} with devices into {@code journal}. */
    public DomainDefiner(OperationJournal journal) {
        this(journal, () -> TestHooks.afterStep(STEP_DEFINE));
    }

    DomainDefiner(OperationJournal journal, Runnable afterDefine) {
        this.journal = journal;
        this.afterDefine = afterDefine;
    }
    /** Root ports libvirt's default q35 devices take: the qemu-xhci USB controller (the balloon is turned off). */
    static final int LIBVIRT_DEFAULT_PCIE_DEVICES = 1;

    /** The user alias {@code --failover} gives the virtio NIC when none is named (libvirt wants "ua-" first). */
    public static final String DEFAULT_FAILOVER_ALIAS = "ua-failover0";

    /** What to define; {@link #validate()} checks the combination. Setters return {@code this}. */
    public static final class Command {
        private final String name;
        private long memoryMiB = 1024;
        private int vcpus = 1;
        private String disk;
        private boolean diskReadOnly;
        private String kernel;
        private String initrd;
        private String cmdline;
        private String bridge;
        private String network;
        private MacAddress mac;
        private final List<PassthroughDevice.Vf> vfs = new ArrayList<>();
        private final List<PciAddress> pcis = new ArrayList<>();
        /** {@code --mdev}: an mdev's UUID, or a type to create one of. */
        private final List<String> mdevs = new ArrayList<>();
        /** The UUIDs the mdevs got (a type: the one created for it), in {@link #mdevs}' order. */
        private final List<String> mdevUuids = new ArrayList<>();
        private final List<Map.Entry<String, Integer>> aliases = new ArrayList<>();
        private DevicePool pool;
        private Allocator.GroupPolicy groupPolicy = Allocator.GroupPolicy.NONE;
        private ViommuPolicy.Option viommu;
        private int hotplugPorts;
        private boolean guestAgent = true;
        private Long pcihole64KiB;
        private String memoryAllocation = "immediate";
        private String failoverAlias;
        private List<Integer> numaNodes = List.of();
        private VfPolicy vfPolicy = VfPolicy.NONE;

        /** @param name the new domain's name */
        public Command(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The new domain's name. */
        public String name() {
            return name;
        }

        /** Memory in MiB (default 1024). */
        public Command memoryMiB(long mib) {
            this.memoryMiB = mib;
            return this;
        }

        /** vCPUs (default 1). */
        public Command vcpus(int n) {
            this.vcpus = n;
            return this;
        }

        /** A disk image (virtio, vda); null for none. */
        public Command disk(String path) {
            this.disk = path;
            return this;
        }

        /**
         * The disk read-only ({@code <readonly/>}, formatdomain "Hard drives, floppy disks, CDROMs"): a base image
         * several guests share, which libvirt then lets a live migration leave in place (needs {@link #disk}).
         */
        public Command diskReadOnly(boolean readOnly) {
            this.diskReadOnly = readOnly;
            return this;
        }

        /** Direct kernel boot; initrd and cmdline need a kernel. Any may be null. */
        public Command kernel(String kernel, String initrd, String cmdline) {
            this.kernel = kernel;
            this.initrd = initrd;
            this.cmdline = cmdline;
            return this;
        }

        /** A virtio NIC on bridge {@code bridge} or libvirt network {@code network} (at most one), MAC optional. */
        public Command nic(String bridge, String network, MacAddress mac) {
            this.bridge = bridge;
            this.network = network;
            this.mac = mac;
            return this;
        }

        /** Adds a VF with its network settings. */
        public Command vf(PassthroughDevice.Vf vf) {
            vfs.add(Objects.requireNonNull(vf, "vf"));
            return this;
        }

        /** Adds a plain PCI device or PF by address. */
        public Command pci(PciAddress address) {
            pcis.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /**
         * Adds a mediated device: {@code uuidOrType} is an existing mdev's UUID, or a type (e.g. {@code mtty-2}) of
         * which the definition creates one first (removed again when the definition fails).
         */
        public Command mdev(String uuidOrType) {
            mdevs.add(Objects.requireNonNull(uuidOrType, "uuidOrType"));
            return this;
        }

        /** Adds {@code count} devices of Nova alias {@code alias} from {@link #pool(DevicePool, Allocator.GroupPolicy)}. */
        public Command alias(String alias, int count) {
            aliases.add(Map.entry(Objects.requireNonNull(alias, "alias"), count));
            return this;
        }

        /** The device pool for {@link #alias}; and its group policy (null: none). */
        public Command pool(DevicePool pool, Allocator.GroupPolicy groupPolicy) {
            this.pool = pool;
            this.groupPolicy = groupPolicy == null ? Allocator.GroupPolicy.NONE : groupPolicy;
            return this;
        }

        /** vIOMMU model, as {@code set-viommu}; null or NONE for none. */
        public Command viommu(ViommuPolicy.Option option) {
            this.viommu = option;
            return this;
        }

        /** Spare pcie-root-ports for later hot-plug (default 0). */
        public Command hotplugPorts(int n) {
            this.hotplugPorts = n;
            return this;
        }

        /** The pcie-root's 64-bit PCI hole in KiB (0: every BAR below 4 GiB); null (default): QEMU's size. */
        /**
         * {@code immediate} (the default) or {@code ondemand}: libvirt's {@code <memoryBacking><allocation mode/>}
         * (formatdomain.html#memory-backing). A guest that holds an assigned device has all its memory pinned
         * anyway: VFIO's type1 IOMMU backend maps every page of guest RAM for the device's DMA when the first device
         * is added (kernel Documentation/driver-api/vfio.rst), so on-demand allocation saves nothing once a VF is
         * there. It costs at the hot-plug, though: QEMU maps the memory while it adds the device, faulting in each
         * page the guest never touched, and the guest's emulated devices, its virtio NIC among them, wait meanwhile.
         * On the lab, hot-plugging a VF into a 256 MiB guest silenced its virtio path for 1107 ms (libvirt's attach
         * 3016 ms) on demand and 53 ms (attach 560 ms) with {@code immediate}; after a migration, whose destination
         * leaves the pages the guest never wrote unallocated, the bond flow's plug silenced a guest for 5.4 s.
         * {@code immediate} moves that cost to the guest's start, where it stalls nothing.
         *
         * @throws InvalidRequestException for another mode
         */
        public Command memoryAllocation(String mode) {
            if (mode == null || !mode.equals("immediate") && !mode.equals("ondemand")) {
                throw new InvalidRequestException("--memory-allocation is immediate or ondemand, not '" + mode + "'");
            }
            this.memoryAllocation = mode;
            return this;
        }

        /**
         * Places the guest on these host NUMA nodes ({@code --numa 0} or {@code --numa 0,1}): a guest NUMA cell per
         * node with its memory bound there and the vCPUs on the nodes' CPUs ({@link DomainBuilder#numa}); devices
         * taken by {@code --alias} then pass their alias's NUMA policy against these nodes, as {@code attach --alias}
         * does for a placed guest (Nova doc "PCI passthrough", NUMA affinity policies). Empty: no placement.
         */
        public Command numa(List<Integer> hostNodes) {
            this.numaNodes = hostNodes == null ? List.of() : List.copyOf(new java.util.TreeSet<>(hostNodes));
            return this;
        }

        public Command pcihole64KiB(Long kib) {
            this.pcihole64KiB = kib;
            return this;
        }

        /**
         * Makes the virtio NIC the persistent side of a virtio-net failover pair ({@code <teaming
         * type='persistent'/>} and {@code <alias name=ALIAS/>}), which {@code attach --failover} pairs a VF with;
         * null (default): a plain virtio NIC.
         */
        public Command failover(String alias) {
            this.failoverAlias = alias;
            return this;
        }

        /**
         * The host-side policy of every {@link #vf} (spoof checking, link state, rates, VLAN QoS: {@link VfPolicy}),
         * as {@code attach --vf}'s options. It is checked against each VF's PF driver before anything is defined,
         * recorded with the definition ({@link VfPolicies}), and set by {@code passthru start}
         * ({@link DomainStarter}) after libvirt starts the domain. VFs an alias picks get their device_spec entry's
         * policy tags instead.
         */
        public Command vfPolicy(VfPolicy policy) {
            this.vfPolicy = policy == null ? VfPolicy.NONE : policy;
            return this;
        }

        /** The QEMU guest agent channel (default on; attach and migrate need it). */
        public Command guestAgent(boolean on) {
            this.guestAgent = on;
            return this;
        }

        /**
         * Checks the combination, before any libvirt call.
         *
         * @throws InvalidRequestException naming the bad option and the fix
         */
        public void validate() {
            if (name.isBlank() || name.contains("/")) {
                throw new InvalidRequestException("invalid domain name '" + name + "': give a non-empty name "
                        + "without '/'");
            }
            if (memoryMiB < 1) {
                throw new InvalidRequestException("--memory must be 1 MiB or more, not " + memoryMiB);
            }
            if (vcpus < 1) {
                throw new InvalidRequestException("--vcpus must be 1 or more, not " + vcpus);
            }
            if (diskReadOnly && disk == null) {
                throw new InvalidRequestException("--disk-readonly needs --disk");
            }
            if (kernel == null && (initrd != null || cmdline != null)) {
                throw new InvalidRequestException("--initrd and --cmdline need --kernel (direct kernel boot)");
            }
            if (bridge != null && network != null) {
                throw new InvalidRequestException("give one of --bridge and --network for the virtio NIC, not both");
            }
            if (mac != null && bridge == null && network == null) {
                throw new InvalidRequestException("--mac is the virtio NIC's MAC: give --bridge or --network too "
                        + "(a VF's MAC is --vf-mac)");
            }
            if (pcihole64KiB != null && pcihole64KiB < 0) {
                throw new InvalidRequestException("--pcihole64 is a size in KiB, 0 or more, not " + pcihole64KiB);
            }
            if (failoverAlias != null && bridge == null && network == null) {
                throw new InvalidRequestException("--failover makes the virtio NIC the failover's persistent side: "
                        + "give --bridge or --network too");
            }
            if (failoverAlias != null && !failoverAlias.matches("ua-[A-Za-z0-9_-]+")) {
                throw new InvalidRequestException("--failover alias '" + failoverAlias + "' is not a libvirt user "
                        + "alias: it must start with 'ua-' followed by letters, digits, '_' or '-' (formatdomain.html"
                        + "#devices, alias), e.g. " + DEFAULT_FAILOVER_ALIAS);
            }
            if (hotplugPorts < 0 || hotplugPorts > 30) {
                throw new InvalidRequestException("--hotplug-ports must be 0 to 30 (a q35 pcie-root has 31 slots), not "
                        + hotplugPorts);
            }
            if (!vfPolicy.isEmpty() && vfs.isEmpty()) {
                throw new InvalidRequestException("--spoofchk, --link-state, --max-tx-rate, --min-tx-rate and a "
                        + "VLAN QoS set the policy of the VFs given with --vf: give --vf too (an alias's VFs take "
                        + "their device_spec entry's tags)");
            }
            if (!vfPolicy.isEmpty() && vfPolicy.qos() != null && vfs.stream().anyMatch(v -> !Objects.equals(
                    v.vlan(), vfPolicy.vlan()))) {
                throw new InvalidRequestException("the VLAN QoS goes with the VFs' VLAN " + vfPolicy.vlan()
                        + ": give it as --vlan " + vfPolicy.vlan() + ":" + vfPolicy.qos());
            }
            if (!aliases.isEmpty() && pool == null) {
                throw new InvalidRequestException("--alias needs the device pool (--pool FILE with device_spec and "
                        + "alias in Nova's syntax)");
            }
            for (Map.Entry<String, Integer> a : aliases) {
                if (a.getValue() < 1) {
                    throw new InvalidRequestException("--alias " + a.getKey() + ": COUNT must be 1 or more");
                }
            }
        }
    }

    /**
     * What was (or, for a dry run, would be) defined.
     *
     * @param name        domain name
     * @param uri         the host
     * @param uuid        the UUID libvirt gave it; null for a dry run
     * @param devices     the passed-through devices, e.g. "VF 0000:03:10.0"
     * @param viommu      the vIOMMU model, or null
     * @param sparePorts  spare pcie-root-ports asked for
     * @param dryRun      true when nothing was defined
     * @param xml         the domain XML passthru generated (dry run) or libvirt's persistent XML after define
     * @param vfPolicies  the VF policy recorded with the definition, by the VF's MAC (lower case); empty when none.
     *                    {@code passthru start} sets it on the host after libvirt starts the domain
     */
    public record Result(String name, String uri, String uuid, List<String> devices, String viommu, int sparePorts,
                         boolean dryRun, String xml, Map<String, VfPolicy> vfPolicies) {
    }

    /**
     * {@code devices} with a MAC for each VF that has a policy and none given: the record of a VF's policy is kept
     * by its MAC, so one is picked here as libvirt would (QEMU's 52:54:00 prefix, the rest random) rather than after
     * the definition.
     */
    static List<PassthroughDevice> withPolicyMacs(List<PassthroughDevice> devices, Map<PciAddress, VfPolicy> policies) {
        List<PassthroughDevice> out = new ArrayList<>();
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (PassthroughDevice d : devices) {
            if (d instanceof PassthroughDevice.Vf v && v.mac() == null
                    && !policies.getOrDefault(v.address(), VfPolicy.NONE).isEmpty()) {
                out.add(new PassthroughDevice.Vf(v.address(), MacAddress.parse(String.format(java.util.Locale.ROOT,
                        "52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256))),
                        v.vlan(), v.trusted(), v.teaming(), v.guestAddress()));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    /** The policies to record, by the VFs' MACs (lower case), for the VFs of {@code devices} with one. */
    static Map<String, VfPolicy> recordedPolicies(List<PassthroughDevice> devices, Map<PciAddress, VfPolicy> policies) {
        Map<String, VfPolicy> out = new java.util.LinkedHashMap<>();
        for (PassthroughDevice d : devices) {
            VfPolicy p = policies.getOrDefault(d.address(), VfPolicy.NONE);
            if (d instanceof PassthroughDevice.Vf v && !p.isEmpty()) {
                out.put(v.mac().toString().toLowerCase(java.util.Locale.ROOT), p);
            }
        }
        return out;
    }

    /**
     * Builds the domain of {@code cmd} and defines it on {@code host} (unless {@code dryRun}). With devices, the
     * definition is a journaled operation that {@code passthru recover} finishes when the process is killed midway
     * (see {@link #defineJournaled}).
     *
     * @throws InvalidRequestException      for a bad combination, a name already defined on the host, an unknown
     *                                      device or alias, an unsupported vIOMMU, an {@code --mdev} the host lacks
     *                                      or a domain holds, an mdev type no parent offers or without an instance
     *                                      free (an mdev made for a {@code --mdev TYPE} is removed again whenever
     *                                      the definition fails)
     * @throws DeviceNotAssignableException by the rules of {@link AssignmentRules}
     * @throws NoFreeDeviceException        when an alias has fewer free devices than asked for
     * @throws HostNotReadyException        when the host cannot pass devices through
     * @throws PassthruException            when libvirt refuses the definition
     */
    public Result define(Host host, Command cmd, boolean dryRun) {
        cmd.validate();
        refuseExisting(host, cmd.name);
        // config-only, like a config-only attach: serialized with those on this machine, re-checked after define
        try (DomainLock hostLock = DomainLock.acquire(host.uri(), "config-attach")) {
            Inventory inv = Inventory.scan(host);
            String cpuset = numaCpuset(host, cmd);
            Picked picked = devices(host, inv, cmd);
            List<PassthroughDevice> devices = withPolicyMacs(picked.devices(), picked.policies());
            AssignmentRules.check(inv, cmd.name, devices);
            picked.policies().forEach((vf, p) -> VfPolicies.check(host.uri(), inv, vf, p)); // the PFs' drivers
            HostCheck check = new HostCheck();
            for (PassthroughDevice d : devices) {
                check.requireReadyFor(host, inv, d.describe(),
                        inv.vf(d.address()).map(Inventory.Vf::pf).orElse(null));
            }
            ViommuPolicy.Decision viommu = cmd.viommu == null || cmd.viommu == ViommuPolicy.Option.NONE
                    ? null : ViommuPolicy.decide(cmd.viommu, "x86_64", "q35", host.libvirtVersion(),
                    host.domainCapabilities("x86_64", "q35", "kvm"));
            List<String> created = mdevs(host, cmd, dryRun);
            try {
                Domain d = build(cmd, devices, viommu, cpuset);
                Map<String, VfPolicy> policies = recordedPolicies(devices, picked.policies());
                if (!policies.isEmpty()) {
                    // the record goes into the definition itself: no moment without it
                    if (d.getMetadata() == null) {
                        d.setMetadata(new DomainMetadata());
                    }
                    d.getMetadata().put(XmlCodec.parseElement(VfPolicies.metadataElement(policies)));
                }
                String xml = XmlCodec.marshal(d);
                List<String> described = new ArrayList<>(devices.stream().map(PassthroughDevice::describe).toList());
                cmd.mdevUuids.forEach(u -> described.add("mdev " + u));
                String model = viommu == null ? null : viommu.model();
                if (dryRun) {
                    return new Result(cmd.name, host.uri(), null, described, model, cmd.hotplugPorts, true, xml,
                            policies);
                }
                if (devices.isEmpty()) {
                    org.libvirt.Domain dom = host.define(xml, "define domain '" + cmd.name + "' on " + host.uri());
                    return new Result(cmd.name, host.uri(), Host.uuid(dom), described, model, cmd.hotplugPorts,
                            false, Host.xml(dom, true), policies);
                }
                return defineJournaled(host, cmd, d, devices, described, model, policies);
            } catch (RuntimeException e) {
                removeCreated(host, created, e); // the mdevs made for this definition go with it
                throw e;
            }
        }
    }

    /**
     * Resolves {@code cmd}'s {@code --mdev}s into UUIDs ({@link Command#mdevUuids}), in order: a UUID must name an mdev
     * of the host that no domain holds ({@link Mdevs#forGuest}); a type gets a new mdev ({@link Mdevs#createForGuest}),
     * which a dry run only checks and names a random UUID for.
     *
     * @return the UUIDs of the mdevs created here
     * @throws InvalidRequestException a malformed, unknown or held mdev, one given twice, an unknown type, a type
     *                                 without a free instance or of another device API than vfio-pci (the mdevs
     *                                 created before it are removed again)
     */
    private static List<String> mdevs(Host host, Command cmd, boolean dryRun) {
        cmd.mdevUuids.clear();
        List<String> created = new ArrayList<>();
        try {
            for (String m : cmd.mdevs) {
                if (Mdevs.isUuid(m)) {
                    Mdevs.Mdev found = Mdevs.forGuest(host, m, "--mdev");
                    if (cmd.mdevUuids.contains(found.uuid())) {
                        throw new InvalidRequestException("--mdev " + m + " is given twice: an mdev serves one "
                                + "device of one guest");
                    }
                    cmd.mdevUuids.add(found.uuid());
                } else if (dryRun) {
                    String type = Mdevs.typeOf(m, cmd.pool);
                    List<Mdevs.MdevType> allowed = Mdevs.allowedFor(cmd.pool, Mdevs.types(host), host, type, null);
                    Mdevs.requireVfioPci(Mdevs.choose(allowed, type, null, host.uri()), host.uri());
                    cmd.mdevUuids.add(java.util.UUID.randomUUID().toString());
                } else {
                    Mdevs.Mdev made = Mdevs.createForGuest(host, m, cmd.pool);
                    created.add(made.uuid());
                    cmd.mdevUuids.add(made.uuid());
                }
            }
        } catch (RuntimeException e) {
            removeCreated(host, created, e);
            throw e;
        }
        return created;
    }

    /** Removes the mdevs {@code created} for a definition that failed with {@code e} (their failures added to it). */
    private static void removeCreated(Host host, List<String> created, RuntimeException e) {
        for (String u : created) {
            try {
                Mdevs.remove(host, u);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
        }
    }

    /**
     * Defines {@code d}, which holds {@code devices}, as one journaled operation (kind {@code define}): the record
     * (step {@value #STEP_DEFINE} started, the devices listed) goes into the definition itself, in its
     * {@code <metadata>}, so no moment exists where the domain is defined without it; the mirror file is written
     * first. Once defined, the devices are checked against every other definition on the host (two {@code define}
     * or a config-only attach on other machines may have picked the same device meanwhile): a device held by
     * another definition undefines this one again; otherwise the record is removed. A process killed between the
     * two leaves the record, and {@code passthru recover} runs the same check ({@link Recovery}).
     *
     * @throws DeviceNotAssignableException when another definition took one of the devices meanwhile (undefined)
     */
    private Result defineJournaled(Host host, Command cmd, Domain d, List<PassthroughDevice> devices,
                                   List<String> described, String model, Map<String, VfPolicy> policies) {
        String uuid = java.util.UUID.randomUUID().toString();
        d.setUuid(uuid);
        Operation op = DeviceOperations.newOperation(OperationKind.DEFINE, cmd.name, uuid, host);
        op.step = STEP_DEFINE;
        op.stepStatus = Operation.STARTED;
        for (PassthroughDevice dev : devices) {
            op.devices.add(new Operation.Device(dev.address().toString(), dev instanceof PassthroughDevice.Vf, null,
                    Operation.STARTED));
        }
        op.generation = 1; // as if written once: the definition carries it
        if (d.getMetadata() == null) {
            d.setMetadata(new DomainMetadata());
        }
        d.getMetadata().put(XmlCodec.parseElement(OperationJournal.toXml(op)));
        try (OperationLock lock = OperationLock.await(uuid, cmd.name, OperationLock.DEFAULT_WAIT)) {
            journal.writeMirror(op);
            org.libvirt.Domain dom;
            try {
                dom = host.define(XmlCodec.marshal(d), "define domain '" + cmd.name + "' on " + host.uri());
            } catch (RuntimeException e) {
                journal.clearMirror(op);
                throw e;
            }
            afterDefine.run();
            List<String> taken = takenElsewhere(host, cmd.name, op);
            if (!taken.isEmpty()) {
                Domains.undefine(dom, "undefine '" + cmd.name + "' after a concurrent request took " + taken);
                journal.clearMirror(op);
                throw new DeviceNotAssignableException(String.join("; ", taken) + " (a concurrent request): '"
                        + cmd.name + "' was not defined; run define again");
            }
            journal.clear(dom, op);
            return new Result(cmd.name, host.uri(), uuid, described, model, cmd.hotplugPorts, false,
                    Host.xml(dom, true), policies);
        }
    }

    /**
     * The recorded devices of {@code op} that another definition on {@code host} holds too, each as "DEVICE was
     * taken by domain 'OTHER' meanwhile"; empty when the definition of {@code domain} holds its devices alone.
     */
    static List<String> takenElsewhere(Host host, String domain, Operation op) {
        Map<PciAddress, List<String>> holders = Inventory.holders(host);
        List<String> taken = new ArrayList<>();
        for (Operation.Device dev : op.devices) {
            holders.getOrDefault(PciAddress.parse(dev.address), List.of()).stream()
                    .filter(n -> !n.equals(domain)).findFirst()
                    .ifPresent(other -> taken.add((dev.vf ? "VF " : "PCI device ") + dev.address
                            + " was taken by domain '" + other + "' meanwhile"));
        }
        return taken;
    }

    private static void refuseExisting(Host host, String name) {
        if (!host.hasDomainNamed(name)) {
            return;
        }
        throw new InvalidRequestException("domain '" + name + "' is already defined on " + host.uri() + ": pick "
                + "another name, or undefine it first (virsh -c " + host.uri() + " undefine " + name + ")");
    }

    /**
     * The devices of a definition and the VF policy of each VF that has one.
     *
     * @param devices  the devices, in the order they are defined
     * @param policies by VF address: {@link Command#vfPolicy} for each {@code --vf}, an alias's device_spec tags for
     *                 the VFs it picked
     */
    record Picked(List<PassthroughDevice> devices, Map<PciAddress, VfPolicy> policies) {
    }

    /** The devices of {@code cmd}, aliases resolved against the pool in order (each pick excluded from the next). */
    static Picked devices(Host host, Inventory inv, Command cmd) {
        List<PassthroughDevice> out = new ArrayList<>(cmd.vfs);
        Map<PciAddress, VfPolicy> policies = new java.util.LinkedHashMap<>();
        if (!cmd.vfPolicy.isEmpty()) {
            cmd.vfs.forEach(v -> policies.put(v.address(), cmd.vfPolicy));
        }
        for (PciAddress a : cmd.pcis) {
            out.add(AssignmentRules.pci(inv, a));
        }
        if (cmd.aliases.isEmpty()) {
            return new Picked(out, policies);
        }
        cmd.pool.validate(inv);
        Map<Integer, Integer> sockets = AliasAttach.hostNumaSockets(host);
        Set<PciAddress> taken = new HashSet<>();
        out.forEach(d -> taken.add(d.address()));
        for (Map.Entry<String, Integer> a : cmd.aliases) {
            List<PciAlias> entries = cmd.pool.alias(a.getKey());
            if (entries.isEmpty()) {
                throw new InvalidRequestException("no alias '" + a.getKey() + "' in the device pool (aliases: "
                        + cmd.pool.aliases().stream().map(PciAlias::name).distinct().toList() + ")");
            }
            Allocator.Request req = Allocator.Request.of(entries.get(0), a.getValue(), cmd.groupPolicy);
            // a new guest without --numa has no NUMA placement: every free device passes the policy (see Allocator)
            List<Candidate> allowed = AliasAttach.policyFits(host.uri(), inv, cmd.pool.candidates(a.getKey(), inv)
                    .stream().filter(c -> AssignmentRules.allows(inv, cmd.name, AliasAttach.device(c))).toList());
            List<Candidate> ordered = Allocator.choose(req, allowed, new HashSet<>(cmd.numaNodes), sockets);
            for (Candidate c : Allocator.select(req, ordered, taken)) {
                taken.add(c.address());
                out.add(AliasAttach.device(c));
                if (c.type() == io.passthru.manager.pool.DeviceType.VF && !VfPolicy.of(c.spec()).isEmpty()) {
                    policies.put(c.address(), VfPolicy.of(c.spec()));
                }
            }
        }
        return new Picked(out, policies);
    }

    /** The domain (pure: the typed model only). */
    static Domain build(Command cmd, List<PassthroughDevice> devices, ViommuPolicy.Decision viommu) {
        return build(cmd, devices, viommu, null);
    }

    /**
     * The host CPUs of {@code cmd}'s NUMA nodes (libvirt cpuset syntax), null without {@code --numa}.
     *
     * @throws InvalidRequestException when the host lacks one of the nodes, or has fewer nodes' CPUs than asked
     */
    static String numaCpuset(Host host, Command cmd) {
        if (cmd.numaNodes.isEmpty()) {
            return null;
        }
        Map<Integer, List<Integer>> cpus = AliasAttach.hostNumaCpus(host);
        List<Integer> missing = cmd.numaNodes.stream().filter(n -> !cpus.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("--numa " + cmd.numaNodes + ": host " + host.uri() + " has no NUMA node "
                    + missing + " (its nodes: " + cpus.keySet() + "; virsh capabilities lists them); nothing was "
                    + "defined");
        }
        if (cmd.numaNodes.size() > cmd.vcpus) {
            throw new InvalidRequestException("--numa " + cmd.numaNodes + " gives the guest " + cmd.numaNodes.size()
                    + " NUMA cells, each needs a vCPU: give --vcpus " + cmd.numaNodes.size() + " or more");
        }
        return cmd.numaNodes.stream().flatMap(n -> cpus.get(n).stream()).sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
    }

    static Domain build(Command cmd, List<PassthroughDevice> devices, ViommuPolicy.Decision viommu, String cpuset) {
        DomainBuilder b = DomainBuilder.kvmQ35(cmd.name).memoryMiB(cmd.memoryMiB).vcpus(cmd.vcpus)
                .pcihole64KiB(cmd.pcihole64KiB).memoryAllocation(cmd.memoryAllocation).numa(cmd.numaNodes, cpuset);
        if (cmd.kernel != null) {
            b.directKernel(cmd.kernel, cmd.initrd, cmd.cmdline);
        }
        int pcieDevices = 0;
        if (cmd.disk != null) {
            DomainDisk d = DomainDisk.file(cmd.disk, cmd.disk.endsWith(".qcow2") ? "qcow2" : "raw", "vda", "virtio");
            d.setReadOnlyDisk(cmd.diskReadOnly);
            b.disk(d);
            pcieDevices++;
        }
        if (cmd.bridge != null || cmd.network != null) {
            DomainInterface nic = cmd.bridge != null ? DomainInterface.virtioBridge(cmd.bridge, cmd.mac)
                    : DomainInterface.virtioNetwork(cmd.network, cmd.mac);
            if (cmd.failoverAlias != null) {
                DomainInterfaceTeaming t = new DomainInterfaceTeaming();
                t.setType("persistent");
                nic.setTeaming(t);
                DomainAlias alias = new DomainAlias();
                alias.setName(cmd.failoverAlias);
                nic.setAlias(alias);
            }
            b.iface(nic);
            pcieDevices++;
        }
        for (PassthroughDevice d : devices) {
            if (d.element() instanceof DomainInterface i) {
                b.iface(i);
            } else {
                b.hostdev((DomainHostdev) d.element());
            }
            pcieDevices++;
        }
        for (String u : cmd.mdevUuids) {
            b.hostdev(DomainHostdev.mdev(u));
            pcieDevices++;
        }
        if (cmd.guestAgent) {
            b.channel(DomainChannel.guestAgent());
            pcieDevices++; // its virtio-serial controller
        }
        b.serialConsole().memballoon("none");
        if (cmd.hotplugPorts > 0) {
            b.pcieRootPorts(cmd.hotplugPorts + pcieDevices + LIBVIRT_DEFAULT_PCIE_DEVICES);
        }
        if (viommu != null) {
            DomainIommu iommu = DomainIommu.of(viommu.model());
            if (!viommu.driver().isEmpty()) {
                DomainIommuDriver drv = iommu.driver();
                viommu.driver().forEach((k, v) -> ViommuConfig.setDriverAttribute(drv, k, v));
            }
            b.iommu(iommu);
            if (viommu.ioapicDriver() != null) {
                b.features(true, true, viommu.ioapicDriver());
            }
        }
        return b.build();
    }
}
