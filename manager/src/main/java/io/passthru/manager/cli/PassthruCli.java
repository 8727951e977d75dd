package io.passthru.manager.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.passthru.PassthruException;
import io.passthru.manager.AliasAttach;
import io.passthru.manager.HostCheck;
import io.passthru.manager.error.HostNotReadyException;
import io.passthru.manager.ViommuConfig;
import io.passthru.manager.check.Check;
import io.passthru.manager.pool.Allocator;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.Hotplug;
import io.passthru.manager.Inventory;
import io.passthru.manager.DomainDefiner;
import io.passthru.manager.DomainStarter;
import io.passthru.manager.PassthroughDevice;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.manager.MigrationControls;
import io.passthru.manager.MigrationFlow;
import io.passthru.manager.MigrationPlan;
import io.passthru.manager.Mdevs;
import io.passthru.manager.Recovery;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.Saga;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.viommu.ViommuPolicy;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code passthru} command line: each subcommand parses its options and calls one manager service. Option values
 * are converted and checked while parsing ({@link CliTypes}), so bad input exits with {@link #EXIT_USAGE} before any
 * libvirt connection is made. Exit codes: {@link #EXIT_OK}, {@link #EXIT_FAILED}, {@link #EXIT_USAGE},
 * {@link #EXIT_HOST_NOT_READY}. The top-level command's own attributes are in {@link PassthruRoot}.
 */
@Command(subcommands = {PassthruCli.Define.class, PassthruCli.Start.class, PassthruCli.Attach.class, PassthruCli.Detach.class,
        PassthruCli.Migrate.class, PassthruCli.ListDevices.class, PassthruCli.ListVfs.class, PassthruCli.CheckHost.class,
        PassthruCli.SetViommu.class, PassthruCli.Recover.class, EvacuateCommand.class, MdevCommand.class})
public final class PassthruCli extends PassthruRoot {
    /** Exit code: the command did what it was asked. */
    public static final int EXIT_OK = 0;
    /** Exit code: the command failed ({@link PassthruException}); {@code check-host}: a check failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit code: bad usage (picocli's {@link CommandLine.ParameterException}), nothing was done. */
    public static final int EXIT_USAGE = 2;
    /** Exit code: {@link HostNotReadyException}: libvirt cannot be reached or the host cannot pass VFs through. */
    public static final int EXIT_HOST_NOT_READY = 3;

    /** Made on first use only: Jackson's classes cost {@code --version} and {@code --help} a tenth of a second. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(new SimpleModule().addSerializer(PciAddress.class, ToStringSerializer.instance));
    }

    /** Options every subcommand has. */
    static final class Common {
        @Option(names = {"-c", "--connect"}, defaultValue = "qemu:///system", paramLabel = "URI", description = "libvirt URI (default: ${DEFAULT-VALUE})")
        String uri;

        @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", converter = CliTypes.OutputFormats.class,
                completionCandidates = CliTypes.OutputFormats.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        CliTypes.OutputFormat output;

        boolean json() {
            return output == CliTypes.OutputFormat.JSON;
        }
    }

    /** The device pool in {@code file}, or null when {@code file} is null or does not exist. */
    static DevicePool optionalPool(String file) {
        if (file == null) {
            return null;
        }
        java.nio.file.Path p = java.nio.file.Path.of(file);
        return java.nio.file.Files.exists(p) ? DevicePool.load(p) : null;
    }

    /**
     * The value of a pool file option ({@code --pool}, {@code --dest-pool}) that may be used: {@code file}, or null
     * when it is null or is the option's default and does not exist (no pool). A FILE the user gave must exist.
     *
     * @param cl     the (sub)command line that parsed the option
     * @param option the option's name, e.g. {@code "--pool"}
     * @param file   its value
     * @throws CommandLine.ParameterException (exit {@link #EXIT_USAGE}) when the option was given and {@code file}
     *                                        does not exist
     */
    static String poolFile(CommandLine cl, String option, String file) {
        if (file == null || java.nio.file.Files.exists(java.nio.file.Path.of(file))) {
            return file;
        }
        CommandLine.ParseResult given = cl.getParseResult();
        if (given != null && given.hasMatchedOption(option)) {
            throw new CommandLine.ParameterException(cl, option + " " + file + ": no such file; give the path of an "
                    + "existing device pool file, or leave " + option + " out; nothing was changed");
        }
        return null;
    }

    static PciAddress pci(String text) {
        return PciAddress.parse(text);
    }

    /**
     * A command's result as JSON on {@code out}: an object gets {@code "schemaVersion"} as its first field, an array
     * gives it to each of its objects ({@link JsonOutput}).
     */
    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(JsonOutput.versioned(Json.MAPPER.valueToTree(value))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new PassthruException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    @Command(name = "attach", description = "Hot-plug a VF as <interface type='hostdev' managed='yes'> (vfio), live "
            + "and persistent; done when the guest agent reports the interface. Or pass a plain PCI device or a PF "
            + "through as <hostdev mode='subsystem' type='pci' managed='yes'> (--pci). Name the device with --vf or "
            + "--pci, or let the device pool pick by Nova alias with --alias NAME[:COUNT] (type-VF, type-PF or "
            + "type-PCI). A domain that is not running gets the device in its persistent definition only.")
    static final class Attach implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "domain name or UUID") String domain;
        @Option(names = "--vf", paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "VF address, e.g. 0000:01:10.0") PciAddress vf;
        @Option(names = "--pci", paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "plain PCI device or PF address, e.g. 0000:04:00.0; its whole IOMMU group must go to "
                        + "this guest or be unbound") PciAddress pciAddr;
        @Option(names = "--mdev", paramLabel = "UUID_OR_TYPE", description = "a mediated device as <hostdev "
                + "type='mdev' model='vfio-pci'>: an mdev's UUID, or a type (e.g. mtty-2) or a pool alias naming one "
                + "(\"mdev_type\") to create one of first (removed again if the attach fails)") String mdev;
        @Option(names = "--vlan", paramLabel = "ID[:QOS]", converter = CliTypes.VlanConverter.class,
                description = "with --vf: VLAN id 0-4095 libvirt sets on the VF (<vlan><tag id=..>), and optionally "
                        + "its 802.1p priority 0-7, which passthru sets on the PF (ip link set dev PF vf N vlan ID qos "
                        + "QOS)") CliTypes.VlanTag vlan;
        @Option(names = "--spoofchk", arity = "1", paramLabel = "on|off", converter = CliTypes.OnOff.class, description = "with "
                + "--vf: the VF's MAC/VLAN anti-spoofing, set on the PF (ip link ... spoofchk)") Boolean spoofchk;
        @Option(names = "--link-state", paramLabel = "STATE", converter = CliTypes.LinkStates.class,
                completionCandidates = CliTypes.LinkStates.class, description = "with --vf: ${COMPLETION-CANDIDATES}"
                + ": the VF's link as the guest sees it, set on the PF (ip link ... state)")
        io.passthru.manager.VfPolicy.LinkState linkState;
        @Option(names = "--max-tx-rate", paramLabel = "MBPS", description = "with --vf: the VF's transmit limit in "
                + "Mbit/s, 0 for none, set on the PF (ip link ... max_tx_rate)") Integer maxTxRate;
        @Option(names = "--min-tx-rate", paramLabel = "MBPS", description = "with --vf: the VF's guaranteed "
                + "transmit rate in Mbit/s, set on the PF (ip link ... min_tx_rate). The VF policy options are "
                + "checked against the PF's driver before anything changes, recorded with the domain, given again "
                + "to the VF a migration plugs on the destination, and cleared on detach") Integer minTxRate;
        @Option(names = "--trusted", description = "with --vf: trustGuestRxFilters='yes' (Nova's trusted tag) and the VF's "
                + "trust flag on, which libvirt does not set: passthru runs 'ip link set dev PF vf N trust on' when the "
                + "host is this machine, else prints it for the host (detach sets it off)") boolean trusted;
        // no brackets in the label: they break the AsciiDoc of the man page's synopsis
        @Option(names = "--alias", paramLabel = "NAME:COUNT", converter = CliTypes.AliasCountConverter.class,
                description = "Nova PCI alias from the device pool, and how many devices of it: NAME or NAME:COUNT "
                        + "(COUNT 1 when left out)") CliTypes.AliasCount alias;
        @Option(names = "--pool", defaultValue = "/etc/passthru/pool.json", paramLabel = "FILE", description = "device pool: "
                + "{\"device_spec\": [...], \"alias\": [...]} in Nova's syntax (default: ${DEFAULT-VALUE})") String pool;
        @Option(names = "--group-policy", defaultValue = "none", paramLabel = "POLICY", converter = CliTypes.GroupPolicies.class,
                completionCandidates = CliTypes.GroupPolicies.class, description = "${COMPLETION-CANDIDATES}: "
                + "isolate takes each VF from a different PF (default: ${DEFAULT-VALUE})") Allocator.GroupPolicy groupPolicy;
        @Option(names = "--mac", paramLabel = "MAC", converter = CliTypes.MacAddressConverter.class,
                description = "MAC for the VF (default: libvirt picks one)") MacAddress mac;
        @Option(names = "--bond", paramLabel = "BOND", converter = CliTypes.InterfaceNameConverter.class,
                description = "enslave the VF into this guest bond and make it the active slave; the bond must "
                        + "exist in the running guest (checked with the guest agent before the VF is attached)") String bond;
        @Option(names = "--failover", description = "with --vf: attach the VF as the failover primary of the domain's "
                + "virtio NIC with <teaming type='persistent'/> (libvirt teaming, QEMU failover=on, the guest's "
                + "net_failover): <teaming type='transient'/> and that NIC's MAC; no guest agent needed") boolean failover;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        /** {@code --mdev}: the mdev's UUID, or a type of which one is created first (removed if the attach fails). */
        private Integer attachMdev() {
            try (Hosts hosts = new Hosts()) {
                Host host = hosts.open(common.uri);
                String uuid = mdev;
                String created = null;
                if (!Mdevs.isUuid(mdev)) {
                    host.domain(domain); // an unknown domain is refused before an mdev is made for it
                    created = Mdevs.createForGuest(host, mdev, optionalPool(poolFile(spec.commandLine(), "--pool",
                            pool))).uuid();
                    uuid = created;
                }
                Hotplug.MdevResult r;
                try {
                    r = new Hotplug().attachMdev(host, domain, uuid);
                } catch (RuntimeException e) {
                    if (created != null) {
                        try {
                            Mdevs.remove(host, created);
                        } catch (RuntimeException undo) {
                            e.addSuppressed(undo);
                        }
                    }
                    throw e;
                }
                PrintWriter out = spec.commandLine().getOut();
                if (common.json()) {
                    printJson(out, r);
                } else {
                    out.printf("attached mdev %s%s to %s (alias %s): libvirt %d ms%n", r.uuid(),
                            created == null ? "" : " (created, type " + mdev + ")", r.domain(), r.alias(),
                            r.libvirtMs());
                }
                return 0;
            }
        }

        @Override
        public Integer call() {
            boolean json = common.json();
            if (failover && (vf == null || bond != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--failover pairs one VF (--vf) with the "
                        + "guest's failover virtio NIC; it does not go with --pci, --alias or --bond");
            }
            if ((vf != null ? 1 : 0) + (pciAddr != null ? 1 : 0) + (alias != null ? 1 : 0) + (mdev != null ? 1 : 0)
                    != 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --vf, --pci, "
                        + "--alias and --mdev");
            }
            io.passthru.manager.VfPolicy policy;
            try {
                policy = new io.passthru.manager.VfPolicy(spoofchk, linkState, maxTxRate, minTxRate,
                        vlan == null || vlan.qos() == null ? null : vlan.id(), vlan == null ? null : vlan.qos());
            } catch (io.passthru.manager.error.InvalidRequestException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!policy.isEmpty() && vf == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--spoofchk, --link-state, "
                        + "--max-tx-rate, --min-tx-rate and a VLAN QoS set a VF's policy on its PF: give them with "
                        + "--vf");
            }
            if (mdev != null) {
                if (bond != null || failover || vlan != null || trusted || mac != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--mdev takes no --bond, --failover, "
                            + "--mac, --vlan or --trusted: those set a VF's network");
                }
                return attachMdev();
            }
            if (vf == null && (vlan != null || trusted || mac != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--mac, --vlan and --trusted set a VF's "
                        + "network: give them with --vf");
            }
            if (pciAddr != null && bond != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--bond enslaves a VF's netdev: it goes "
                        + "with --vf or a type-VF --alias, not --pci");
            }
            poolFile(spec.commandLine(), "--pool", pool); // a FILE given must exist, even without --alias
            try (Hosts hosts = new Hosts()) {
                Host host = hosts.open(common.uri);
                Hotplug hp = new Hotplug();
                if (!policy.isEmpty()) {
                    // the PF's driver must have every setting asked for: refused before anything changes
                    io.passthru.manager.VfPolicies.check(host.uri(), io.passthru.manager.Inventory.scan(host), vf,
                            policy);
                }
                if (bond != null) {
                    hp.requireGuestBond(host, domain, bond); // before anything is attached
                }
                Integer vlanId = vlan == null ? null : vlan.id();
                List<io.passthru.manager.VfPolicies.Applied> policyDone = new java.util.ArrayList<>();
                boolean[] policyRecorded = new boolean[1];
                // one journaled operation (recover undoes it when this process is killed midway): each device is
                // recorded before libvirt is asked, and a failure detaches what was attached
                io.passthru.manager.DeviceOperations.Attached done = new io.passthru.manager.DeviceOperations(hp,
                        new OperationJournal(), new Recovery(hosts, hp, new OperationJournal())).attach(host, domain, rec -> {
                            if (alias != null) {
                                AliasAttach aa = new AliasAttach(hp, rec);
                                List<Hotplug.AttachResult> got = aa.attach(host, domain,
                                        DevicePool.load(java.nio.file.Path.of(pool)), alias.name(), alias.count(),
                                        groupPolicy);
                                policyDone.addAll(aa.policies());
                                return got;
                            }
                            PassthroughDevice dev = vf != null
                                    ? new PassthroughDevice.Vf(vf, mac, vlanId, trusted)
                                    : new PassthroughDevice.Hostdev(pciAddr, io.passthru.manager.pool.DeviceType.PCI);
                            rec.beforeAttach(dev);
                            Hotplug.AttachResult r = vf != null && failover
                                    ? hp.attachFailoverVf(host, domain, vf, mac, vlanId, trusted)
                                    : vf != null ? hp.attach(host, domain, dev) : hp.attachPci(host, domain, pciAddr);
                            rec.afterAttach(r);
                            if (!policy.isEmpty()) {
                                // after libvirt's plug, which programs the VF's MAC and VLAN id itself; a failure
                                // here detaches the VF again (the operation's undo) after its settings were undone
                                io.passthru.manager.VfPolicies.Applied set = io.passthru.manager.VfPolicies
                                        .giveToAttached(host, host.domain(domain), vf, r.mac(), policy);
                                if (set != null) {
                                    policyDone.add(set);
                                } else {
                                    policyRecorded[0] = true; // not running: passthru start sets it
                                }
                            }
                            return List.of(r);
                        }, bond);
                List<Hotplug.AttachResult> results = done.results();
                List<String> enslaved = done.enslaved();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("attach", results.size() == 1 ? results.get(0) : results);
                    m.put("bond", bond);
                    if (!policyDone.isEmpty()) {
                        m.put("vfPolicy", policyDone.size() == 1 ? policyDone.get(0) : policyDone);
                    }
                    if (bond != null) {
                        m.put("enslaved", enslaved); // the slaves' names in the guest now
                    }
                    printJson(out, m);
                } else {
                    for (int i = 0; i < results.size(); i++) {
                        Hotplug.AttachResult r = results.get(i);
                        // udev may rename the netdev after it appeared (eth0 to enp5s0): the bond has the last name
                        String slave = i < enslaved.size() ? enslaved.get(i) : null;
                        if (r.mac() == null && r.guestInterface() == null && (pciAddr != null || alias != null)) {
                            out.printf("attached %s to %s as hostdev (alias %s): libvirt %d ms%n", r.vf(), r.domain(),
                                    r.alias(), r.libvirtMs());
                            continue;
                        }
                        out.printf("attached VF %s to %s as %s (MAC %s, alias %s): libvirt %d ms, guest %d ms%s%n",
                                r.vf(), r.domain(), r.guestInterface() == null ? "-" : r.guestInterface(), r.mac(),
                                r.alias(), r.libvirtMs(), r.guestMs(), bond != null ? "; enslaved in " + bond
                                        + " as active slave" + (slave != null && !slave.equals(r.guestInterface())
                                        ? " (now " + slave + ")" : "") : failover ? "; failover primary" : "");
                        if (r.vfTrust() != null) {
                            out.println(r.vfTrust().describe());
                        }
                    }
                    policyDone.forEach(p -> out.println(p.describe("set")));
                    if (policyRecorded[0]) {
                        out.println("VF policy recorded with the domain (" + policy.describe() + "): '" + domain
                                + "' is not running; passthru start sets it on the host after libvirt starts it");
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "detach", description = "Hot-unplug a VF (--vf), a plain PCI device or PF hostdev (--pci) or an mdev (--mdev); done "
            + "only when libvirt reports DEVICE_REMOVED; then removed from the persistent definition too.")
    static final class Detach implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "domain name or UUID") String domain;
        @Option(names = "--vf", paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "the VF's host PCI address, e.g. 0000:01:10.0") PciAddress vf;
        @Option(names = "--pci", paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "the plain PCI device's or PF's host PCI address, e.g. 0000:04:00.0") PciAddress pciAddr;
        @Option(names = "--mdev", paramLabel = "UUID", description = "the mdev's UUID (the mdev stays on the host: "
                + "passthru mdev remove removes it)") String mdev;
        @Option(names = "--timeout", defaultValue = "20", paramLabel = "S", converter = CliTypes.PositiveInt.class,
                description = "seconds to wait for DEVICE_REMOVED per request (default: ${DEFAULT-VALUE})") int timeout;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            if ((vf != null ? 1 : 0) + (pciAddr != null ? 1 : 0) + (mdev != null ? 1 : 0) != 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --vf, --pci and "
                        + "--mdev");
            }
            try (Hosts hosts = new Hosts()) {
                Host host = hosts.open(common.uri);
                Hotplug hp = new Hotplug(Hotplug.DEFAULT_GUEST_TIMEOUT, java.time.Duration.ofSeconds(timeout));
                if (mdev != null) {
                    Hotplug.MdevResult r = hp.detachMdev(host, domain, mdev);
                    PrintWriter out = spec.commandLine().getOut();
                    if (json) {
                        printJson(out, r);
                    } else {
                        out.printf("detached mdev %s (alias %s) from %s: removed after %d ms%n", r.uuid(), r.alias(),
                                r.domain(), r.libvirtMs());
                    }
                    return 0;
                }
                Hotplug.DetachResult r = new io.passthru.manager.DeviceOperations(hp, new OperationJournal(),
                        new Recovery(hosts, hp, new OperationJournal()))
                        .detach(host, domain, vf != null ? vf : pciAddr, vf != null);
                if (r.vfPolicyMac() != null) {
                    // the VF is gone from the domain: so is its policy (a migration keeps it, a detach does not)
                    io.passthru.manager.VfPolicies.forget(host.domain(domain), r.vfPolicyMac());
                }
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    printJson(out, r);
                } else {
                    out.printf("detached %s %s (alias %s) from %s: removed after %d ms (%d request%s)%n",
                            vf != null ? "VF" : "PCI device", r.vf(),
                            r.alias(), r.domain(), r.removalMs(), r.attempts(), r.attempts() == 1 ? "" : "s");
                    if (r.vfTrust() != null) {
                        out.println(r.vfTrust().describe());
                    }
                    if (r.vfPolicy() != null) {
                        out.println(r.vfPolicy().describe("cleared"));
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "migrate", description = "Live-migrate a guest with a VF without losing its network; prints the "
            + "timeline. --mode bond (the VF bonded with a virtual NIC: unenslave, hot-unplug, migrate, hot-plug a free "
            + "VF on the destination, enslave), failover (libvirt's virtio-net failover: unplug, migrate, hot-plug a "
            + "free VF with the same teaming; the guest's net_failover switches by itself, no agent), unplug-replug (the VF alone: the guest is offline in between), plain "
            + "(no VF), auto (default: from the domain's XML). Progress goes to standard error; Ctrl-C before the "
            + "migration completed aborts it and rolls back.")
    static final class Migrate implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "domain name or UUID") String domain;
        @Mixin MigrationOptions migration;
        @Option(names = "--mode", defaultValue = "auto", paramLabel = "MODE", converter = CliTypes.MigrationModes.class,
                completionCandidates = CliTypes.MigrationModes.class, description = "${COMPLETION-CANDIDATES} "
                + "(default: ${DEFAULT-VALUE})") MigrationFlow.Mode mode;
        @Option(names = "--dest-vf", paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "VF to use on the destination (default: first free one)") PciAddress destVf;
        @Option(names = "--plan", description = "print the migration plan (each passed-through device, its strategy "
                + "and the destination device it gets, or why it cannot move) and change nothing") boolean planOnly;
        @Option(names = "--strategy", paramLabel = "DEVICE=STRATEGY", description = "how one device moves: DEVICE is "
                + "its libvirt alias (e.g. hostdev0), host PCI address or mdev UUID; STRATEGY is bond, failover or "
                + "unplug-replug (the VF the guest's network runs on), hotplug (any PCI device, PF or VF: the guest's "
                + "hooks are told, the device is unplugged, an equivalent one is plugged on the destination) or state "
                + "(an mdev: it stays attached and QEMU migrates its state); repeatable")
        Map<String, String> strategies = new LinkedHashMap<>();
        @Option(names = "--no-guest-notify", description = "move hotplug devices without telling the guest's hooks "
                + "(a guest without a usable guest agent: the operator accepts a surprise removal)") boolean noNotify;
        @Option(names = "--verify", paramLabel = "ADDR", converter = CliTypes.IpAddressConverter.class,
                description = "once the guest runs on the destination, it pings ADDR (IPv4 or IPv6) through its guest "
                + "agent until ADDR answers; the report gives the time to traffic (ms from the switch-over); an "
                + "address that does not answer within --verify-timeout exits 1 (the guest stays on the destination); "
                + "repeatable") List<String> verify = new ArrayList<>();
        @Option(names = "--verify-timeout", paramLabel = "S", defaultValue = "30", converter =
                CliTypes.PositiveLong.class, description = "how long the guest tries each --verify address "
                + "(default: ${DEFAULT-VALUE})") long verifyTimeoutS;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            PrintWriter out = spec.commandLine().getOut();
            migration.checkPoolFiles();
            migration.checkMetricsFile();
            if (planOnly) {
                try (Hosts hosts = new Hosts()) {
                    MigrationPlan plan = new MigrationFlow(hosts, migration.hotplug()).plan(
                            new MigrationFlow.Request(common.uri, domain, migration.dest, migration.migrateUri, destVf,
                                    migration.sourcePool(), migration.destPool(), migration.controls(null, null),
                                    mode, migration.p2pUri).withDevices(strategies, !noNotify));
                    if (json) {
                        printJson(out, plan);
                    } else {
                        out.print(plan.describe());
                    }
                    out.flush();
                    return plan.movable() ? 0 : 1;
                }
            }
            io.passthru.manager.Cancellation cancel = new io.passthru.manager.Cancellation();
            MigrationControls controls = migration.controls(
                    new MigrationProgressPrinter(MigrationProgressPrinter.styleFor(json), System.err), cancel);
            Signals.onInterrupt("passthru: interrupted: aborting the migration (the guest stays on the source if "
                    + "it has not moved yet); Ctrl-C again exits at once", "the operation's record is kept in the "
                    + "domain's metadata: run " + recoverCommand(common.uri, domain), cancel::cancel);
            try (Hosts hosts = new Hosts()) {
                // --metrics-file: written whether it migrates or not
                MigrationFlow.Report r = migration.recorded(domain, common.uri, mode, () -> new MigrationFlow(hosts,
                        migration.hotplug()).migrate(new MigrationFlow.Request(common.uri, domain, migration.dest,
                        migration.migrateUri, destVf, migration.sourcePool(), migration.destPool(), controls, mode,
                        migration.p2pUri).withDevices(strategies, !noNotify)
                        .withVerify(verify, java.time.Duration.ofSeconds(verifyTimeoutS))));
                if (r.recovered() != null) {
                    System.err.println("passthru: recovered first: " + r.recovered().summary());
                }
                if (json) {
                    printJson(out, r);
                } else {
                    printReport(out, r);
                }
                if (!r.verified()) {
                    out.flush();
                    System.err.println("passthru: migrated, but not verified: " + r.leftToDo());
                    return EXIT_FAILED;
                }
                return 0;
            } catch (MigrationFailedException e) {
                if (json) {
                    printJson(out, failedJson(e));
                }
                throw e;
            } catch (PassthruException e) {
                // refused before anything changed (pre-checks, another operation in progress)
                if (json) {
                    printJson(out, refusedJson(e, common.uri));
                }
                throw e;
            }
        }

        /**
         * {@code --output json} of a migration that failed ({@code "outcome": "failed"}; share/schemas/
         * passthru-migrate-1.schema.json).
         */
        static Map<String, Object> failedJson(MigrationFailedException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outcome", "failed");
            m.put("step", e.step());
            m.put("rolledBack", e.rolledBack());
            m.put("rolledForward", e.rolledForward());
            m.put("runningOn", e.runningOn());
            m.put("leftToDo", e.leftToDo());
            m.put("operationId", e.operationId());
            m.put("libvirtErrorCode", e.libvirtErrorCode());
            m.put("error", e.getMessage());
            m.put("undoErrors", alsoFailed(e));
            return m;
        }

        /**
         * {@code --output json} of a migration refused before anything changed ({@code "outcome": "refused"}; the
         * guest runs on {@code sourceUri}).
         */
        static Map<String, Object> refusedJson(PassthruException e, String sourceUri) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outcome", "refused");
            m.put("step", e.step() == null ? "pre-checks" : e.step());
            m.put("rolledBack", true);
            m.put("rolledForward", false);
            m.put("changed", false);
            m.put("runningOn", sourceUri);
            m.put("leftToDo", null);
            m.put("libvirtErrorCode", e.libvirtErrorCode());
            m.put("error", e.getMessage());
            return m;
        }

        static void printReport(PrintWriter out, MigrationFlow.Report r) {
            out.printf("migrated %s: %s -> %s%n", r.domain(), r.source(), r.destination());
            if (r.p2p()) {
                out.printf("peer-to-peer: the source libvirtd drove the migration to %s%n", r.p2pUri());
            }
            out.printf("  %-44s %9s %12s  %s%n", "step", "start ms", "duration ms", "outcome");
            for (Saga.Step s : r.steps()) {
                out.printf("  %-44s %9d %12d  %s%n", s.name(), s.startMs(), s.durationMs(), s.outcome());
            }
            if (r.bond() != null) {
                out.printf("mode %s: VF %s -> %s, MAC %s, bond %s (backup slave %s)%n", r.mode(), r.sourceVf(),
                        r.destVf(), r.mac(), r.bond(), r.backupSlave());
            } else if (r.sourceVf() != null) {
                out.printf("mode %s: VF %s -> %s, MAC %s%n", r.mode(), r.sourceVf(), r.destVf(), r.mac());
            } else {
                out.printf("mode %s: no VF%n", r.mode());
            }
            if (r.precheckParts() != null && !r.precheckParts().isEmpty()) {
                StringBuilder b = new StringBuilder("pre-checks (parts overlap):");
                r.precheckParts().forEach((k, v) -> b.append(' ').append(k).append(' ').append(v).append(" ms,"));
                out.println(b.substring(0, b.length() - 1));
            }
            if (r.plan() != null && r.plan().devices().size() > (r.sourceVf() == null ? 0 : 1)) {
                out.print(r.plan().describe());
                r.deviceGapsMs().forEach((dev, ms) -> out.printf("device %s: %d ms without it (%s)%n", dev, ms,
                        r.plan().devices().stream().anyMatch(e -> dev.equals(e.mdevUuid())
                                && io.passthru.manager.MigrationPlan.STATE.equals(e.strategy()))
                                ? "attached throughout: QEMU migrated its state" : "unplug to its equivalent plugged"));
            }
            Map<String, Long> st = r.migrationStats();
            out.printf("total %d ms; VF gap (the guest without its VF) %d ms; migration downtime %s ms, "
                            + "%s MiB transferred in %s ms%n", r.totalMs(), r.vfGapMs(), st.getOrDefault("downtime", -1L),
                    st.containsKey("data_total") ? String.format("%.1f", st.get("data_total") / 1048576.0) : "?",
                    st.getOrDefault("time_elapsed", -1L));
            if (st.containsKey("vfio_data_transferred")) {
                out.printf("device state migrated by QEMU: %d bytes (libvirt's vfio_data_transferred)%n",
                        st.get("vfio_data_transferred"));
            }
            if (!r.announced().isEmpty()) {
                out.printf("announced from the VF (gratuitous ARP, IPv6 neighbour advertisement): %s%n",
                        String.join(", ", r.announced()));
            }
            for (MigrationFlow.Traffic t : r.traffic()) {
                if (t.answered()) {
                    out.printf("traffic to %s: answered %d ms after the switch-over (%d ping%s)%n", t.address(),
                            t.timeToTrafficMs(), t.attempts(), t.attempts() == 1 ? "" : "s");
                } else {
                    out.printf("traffic to %s: NO ANSWER within %d ms (%d pings; the last: %s)%n", t.address(),
                            t.triedMs(), t.attempts(), t.lastError());
                }
            }
            if (r.postcopyAfterMs() != null) {
                out.printf("post-copy: switched %d ms into the migration; the destination fetched %s pages on "
                        + "demand%n", r.postcopyAfterMs(), st.getOrDefault("memory_postcopy_requests", -1L));
            }
        }
    }

    @Command(name = "recover", description = "Finish or undo an operation a passthru process left unfinished (it was "
            + "killed, or a step could not be done): reads the record in the domain's metadata (or this machine's "
            + "journal mirror), looks at the guest's copies on the recorded hosts and rolls back or forward; harmless "
            + "when there is none. It changes nothing (exit 3) when a recorded host does not answer or is another "
            + "machine than recorded, and nothing (exit 1) when the copies leave no safe choice (both running, both "
            + "paused, none running).")
    static final class Recover implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN") String domain;
        @Option(names = "--force-side", paramLabel = "SIDE", converter = CliTypes.Sides.class,
                completionCandidates = CliTypes.Sides.class, description = "keep the copy on this side (source or "
                + "destination) when passthru cannot choose, destroying the other where its host answers: only when "
                + "you know the other copy does not run") io.passthru.manager.migration.Side forceSide;
        @Option(names = "--source-uri", paramLabel = "URI", description = "reach the record's source host with this "
                + "URI (it must be the recorded machine), e.g. when the recorded one was qemu:///system on another "
                + "machine") String sourceUri;
        @Option(names = "--destination-uri", paramLabel = "URI", description = "reach the record's destination host "
                + "with this URI (it must be the recorded machine)") String destinationUri;
        @Option(names = "--takeover", description = "take over an operation whose owner, a passthru process on "
                + "another machine, you know is gone (otherwise its lease counts it alive until its last journal "
                + "write is 15 min old); an owner that does still run stops at its next record write") boolean takeover;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            PrintWriter out = spec.commandLine().getOut();
            try (Hosts hosts = new Hosts()) {
                Recovery.Result r = new Recovery(hosts, new Hotplug(), new OperationJournal())
                        .recover(common.uri, domain, new Recovery.Options(forceSide, sourceUri, destinationUri, takeover));
                if (json) {
                    printJson(out, r);
                } else {
                    out.println(r.summary());
                    for (Saga.Step s : r.steps()) {
                        out.printf("  %-44s %9d %12d  %s%n", s.name(), s.startMs(), s.durationMs(), s.outcome());
                    }
                }
                return r.complete() ? 0 : 1;
            } catch (io.passthru.manager.error.HostUnreachableException | io.passthru.manager.error.CopiesConflictException e) {
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("outcome", "refused");
                    m.put("changed", false);
                    m.put("reason", e instanceof io.passthru.manager.error.CopiesConflictException c && c.refusal() != null
                            ? c.refusal().name() : "UNREACHABLE");
                    m.put("error", e.getMessage());
                    printJson(out, m);
                }
                throw e;
            }
        }
    }

    /**
     * The {@code passthru recover} command line for {@code domain} on {@code uri}: without {@code --connect} when
     * {@code uri} is the default one.
     */
    static String recoverCommand(String uri, String domain) {
        return "passthru recover " + ("qemu:///system".equals(uri) ? "" : "--connect " + uri + " ") + domain;
    }

    /** Runs the journal check every command that touches a domain starts with; tells what recovery did. */
    static void guard(Hosts hosts, Host host, String domain) {
        Recovery.Result r = new Recovery(hosts, new Hotplug(), new OperationJournal()).guard(host, domain);
        if (r != null) {
            System.err.println("passthru: recovered an interrupted operation first: " + r.summary());
        }
    }

    @Command(name = "define", description = "Define a new KVM guest (q35) from options: memory, vCPUs, a disk or a "
            + "kernel, a virtio NIC, passed-through devices (--vf, --pci, --alias), a vIOMMU, spare PCIe root ports for "
            + "hot-plug, the guest agent channel. Every device is checked first (IOMMU group, PF/VF exclusivity, in "
            + "use, host ready); --dry-run prints the XML instead of defining it.")
    static final class Define implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "NAME", description = "the new domain's name") String name;
        @Option(names = "--memory", defaultValue = "1024", paramLabel = "MiB", description = "memory in MiB (default: ${DEFAULT-VALUE})") long memory;
        @Option(names = "--vcpus", defaultValue = "1", paramLabel = "N", description = "vCPUs (default: ${DEFAULT-VALUE})") int vcpus;
        @Option(names = "--disk", paramLabel = "PATH", description = "disk image (virtio, vda; qcow2 when it ends in .qcow2, else raw)") String disk;
        @Option(names = "--disk-readonly", description = "the disk read-only (<readonly/>): a base image guests share; "
                + "a live migration leaves it in place") boolean diskReadOnly;
        @Option(names = "--kernel", paramLabel = "PATH", description = "direct kernel boot: the kernel") String kernel;
        @Option(names = "--initrd", paramLabel = "PATH", description = "with --kernel: the initrd") String initrd;
        @Option(names = "--cmdline", paramLabel = "ARGS", description = "with --kernel: the kernel command line") String cmdline;
        @Option(names = "--bridge", paramLabel = "BR", description = "virtio NIC on this host bridge") String bridge;
        @Option(names = "--network", paramLabel = "NET", description = "virtio NIC on this libvirt network") String network;
        @Option(names = "--mac", paramLabel = "MAC", converter = CliTypes.MacAddressConverter.class,
                description = "the virtio NIC's MAC (default: libvirt picks one)") MacAddress mac;
        @Option(names = "--vf", paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "a VF as <interface type='hostdev'> (repeatable)") List<PciAddress> vfs = new java.util.ArrayList<>();
        @Option(names = "--vf-mac", paramLabel = "MAC", converter = CliTypes.MacAddressConverter.class,
                description = "MAC of the n-th --vf (repeatable; default: libvirt picks one)") List<MacAddress> vfMacs = new java.util.ArrayList<>();
        @Option(names = "--vlan", paramLabel = "ID[:QOS]", converter = CliTypes.VlanConverter.class,
                description = "VLAN id 0-4095 of every --vf (libvirt sets it at each start), and optionally its "
                + "802.1p priority 0-7, which passthru start sets on the PF") CliTypes.VlanTag vlan;
        @Option(names = "--trusted", description = "trustGuestRxFilters='yes' on every --vf; passthru start sets "
                + "the VFs' trust flag, which libvirt does not") boolean trusted;
        @Option(names = "--spoofchk", arity = "1", paramLabel = "on|off", converter = CliTypes.OnOff.class,
                description = "every --vf's MAC/VLAN anti-spoofing (ip link ... spoofchk)") Boolean spoofchk;
        @Option(names = "--link-state", paramLabel = "STATE", converter = CliTypes.LinkStates.class,
                completionCandidates = CliTypes.LinkStates.class, description = "${COMPLETION-CANDIDATES}: every "
                + "--vf's link as the guest sees it (ip link ... state)") io.passthru.manager.VfPolicy.LinkState linkState;
        @Option(names = "--max-tx-rate", paramLabel = "MBPS", description = "every --vf's transmit limit in Mbit/s, "
                + "0 for none (ip link ... max_tx_rate)") Integer maxTxRate;
        @Option(names = "--min-tx-rate", paramLabel = "MBPS", description = "every --vf's guaranteed transmit rate "
                + "in Mbit/s (ip link ... min_tx_rate). The VF policy options are checked against each PF's driver "
                + "before anything is defined, recorded with the definition and set on the PF by passthru start "
                + "(libvirt sets a VF's MAC and VLAN id at each start and nothing else); --alias VFs take their "
                + "device_spec entry's tags instead") Integer minTxRate;
        @Option(names = "--pci", paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "a plain PCI device or PF as <hostdev> (repeatable)") List<PciAddress> pcis = new java.util.ArrayList<>();
        @Option(names = "--mdev", paramLabel = "UUID_OR_TYPE", description = "a mediated device as <hostdev "
                + "type='mdev'>: an mdev's UUID, or a type (e.g. mtty-2) or a pool alias naming one (\"mdev_type\") "
                + "to create one of (removed again if the define fails); repeatable") List<String> mdevs = new java.util.ArrayList<>();
        @Option(names = "--alias", paramLabel = "NAME:COUNT", converter = CliTypes.AliasCountConverter.class,
                description = "devices by Nova alias from the pool (repeatable)") List<CliTypes.AliasCount> aliases = new java.util.ArrayList<>();
        @Option(names = "--pool", defaultValue = "/etc/passthru/pool.json", paramLabel = "FILE",
                description = "device pool for --alias (default: ${DEFAULT-VALUE})") String pool;
        @Option(names = "--group-policy", defaultValue = "none", paramLabel = "POLICY", converter = CliTypes.GroupPolicies.class,
                completionCandidates = CliTypes.GroupPolicies.class, description = "${COMPLETION-CANDIDATES} "
                + "(default: ${DEFAULT-VALUE})") Allocator.GroupPolicy groupPolicy;
        @Option(names = "--viommu", converter = CliTypes.ViommuOptions.class, completionCandidates = CliTypes.ViommuOptions.class,
                paramLabel = "MODEL", description = "${COMPLETION-CANDIDATES}, as set-viommu (default: none)") ViommuPolicy.Option viommu;
        @Option(names = "--hotplug-ports", defaultValue = "0", paramLabel = "N", description = "spare pcie-root-ports for later hot-plug (default: ${DEFAULT-VALUE})") int hotplugPorts;
        @Option(names = "--guest-agent", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "the QEMU guest agent channel (default: on; --no-guest-agent leaves it out)") boolean guestAgent;
        @Option(names = "--pcihole64", paramLabel = "KiB", description = "the 64-bit PCI hole of the pcie-root in KiB: "
                + "larger for devices with big BARs, 0 for every BAR below 4 GiB (default: QEMU's)") Long pcihole64;
        @Option(names = "--numa", split = ",", paramLabel = "NODE[,NODE...]", description = "place the guest on these "
                + "host NUMA nodes: a guest NUMA cell per node, its memory bound there (<numatune> strict), the vCPUs on "
                + "the nodes' CPUs; --alias devices then pass their alias's numa_policy against these nodes")
        List<Integer> numa = new java.util.ArrayList<>();
        @Option(names = "--failover", arity = "0..1", paramLabel = "ALIAS", fallbackValue = DomainDefiner.DEFAULT_FAILOVER_ALIAS,
                description = "the virtio NIC becomes the persistent side of a virtio-net failover pair (<teaming "
                + "type='persistent'/>, user alias ALIAS, default " + DomainDefiner.DEFAULT_FAILOVER_ALIAS + "), for "
                + "attach --failover and migrate --mode failover") String failover;
        @Option(names = "--memory-allocation", defaultValue = "immediate", paramLabel = "MODE",
                description = "immediate or ondemand: <memoryBacking><allocation mode/>. immediate (the default) "
                + "allocates the guest's memory when it starts: VFIO pins all of it when a device is added anyway, "
                + "and on demand that happens during the hot-plug, which then stalls the guest's virtio NIC") String memoryAllocation;
        @Option(names = "--dry-run", description = "print the domain XML; define nothing") boolean dryRun;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (vfMacs.size() > vfs.size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), vfMacs.size() + " --vf-mac for "
                        + vfs.size() + " --vf: give one --vf-mac per --vf, in the same order");
            }
            if (vfs.isEmpty() && (vlan != null || trusted)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--vlan and --trusted set the network of "
                        + "the VFs: give --vf too");
            }
            io.passthru.manager.VfPolicy policy;
            try {
                policy = new io.passthru.manager.VfPolicy(spoofchk, linkState, maxTxRate, minTxRate,
                        vlan == null || vlan.qos() == null ? null : vlan.id(), vlan == null ? null : vlan.qos());
            } catch (io.passthru.manager.error.InvalidRequestException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Integer vlanId = vlan == null ? null : vlan.id();
            DomainDefiner.Command cmd = new DomainDefiner.Command(name).memoryMiB(memory).vcpus(vcpus).disk(disk)
                    .diskReadOnly(diskReadOnly).kernel(kernel, initrd, cmdline).nic(bridge, network, mac).viommu(viommu)
                    .hotplugPorts(hotplugPorts).guestAgent(guestAgent).pcihole64KiB(pcihole64).failover(failover).numa(numa)
                    .memoryAllocation(memoryAllocation).vfPolicy(policy);
            for (int i = 0; i < vfs.size(); i++) {
                cmd.vf(new PassthroughDevice.Vf(vfs.get(i), i < vfMacs.size() ? vfMacs.get(i) : null, vlanId,
                        trusted));
            }
            pcis.forEach(cmd::pci);
            mdevs.forEach(cmd::mdev);
            aliases.forEach(a -> cmd.alias(a.name(), a.count()));
            poolFile(spec.commandLine(), "--pool", pool); // a FILE given must exist, even without --alias
            if (!aliases.isEmpty()) {
                cmd.pool(DevicePool.load(java.nio.file.Path.of(pool)), groupPolicy);
            } else if (!mdevs.isEmpty()) {
                // --mdev TYPE|ALIAS under the pool's mdev rules, when there is a pool
                DevicePool rules = optionalPool(poolFile(spec.commandLine(), "--pool", pool));
                if (rules != null) {
                    cmd.pool(rules, groupPolicy);
                }
            }
            try {
                cmd.validate();
            } catch (io.passthru.manager.error.InvalidRequestException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            try (Hosts hosts = new Hosts()) {
                DomainDefiner.Result r = new DomainDefiner().define(hosts.open(common.uri), cmd, dryRun);
                PrintWriter out = spec.commandLine().getOut();
                if (common.json()) {
                    printJson(out, r);
                } else if (dryRun) {
                    out.print(r.xml());
                    out.flush();
                } else {
                    out.printf("defined %s (%s) on %s: %s; vIOMMU %s; %d spare PCIe root port%s; guest agent %s%n",
                            r.name(), r.uuid(), r.uri(), r.devices().isEmpty() ? "no devices"
                                    : String.join(", ", r.devices()), r.viommu() == null ? "none" : r.viommu(),
                            r.sparePorts(), r.sparePorts() == 1 ? "" : "s", guestAgent ? "channel" : "none");
                    r.vfPolicies().forEach((m, p) -> out.printf("VF policy recorded for MAC %s (%s): passthru start "
                            + "sets it on the host after libvirt starts '%s' (virsh start does not)%n", m,
                            p.describe(), r.name()));
                }
                return 0;
            }
        }
    }

    @Command(name = "start", description = "Start a defined domain (virsh start), then give its VFs what libvirt "
            + "does not: the VF policy recorded with the domain (spoof checking, link state, rates, VLAN QoS: define's "
            + "and attach's options, an alias's device_spec tags) and the trust flag of --trusted VFs, set on the PF "
            + "when the host is this machine (else printed for it). A policy the PF's driver lacks is refused before "
            + "the start; a setting that fails after it stops the domain again.")
    static final class Start implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "domain name or UUID") String domain;
        @Option(names = "--paused", description = "leave the vCPUs paused (virsh start --paused)") boolean paused;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Hosts hosts = new Hosts()) {
                Host host = hosts.open(common.uri);
                guard(hosts, host, domain);
                DomainStarter.Result r = new DomainStarter().start(host, domain, paused);
                PrintWriter out = spec.commandLine().getOut();
                if (common.json()) {
                    printJson(out, r);
                } else {
                    out.printf("started %s on %s%s: libvirt %d ms%n", r.name(), r.uri(), r.paused() ? " (paused)"
                            : "", r.startMs());
                    r.trust().forEach(t -> out.println(t.describe()));
                    r.policies().forEach(p -> out.println(p.describe("set")));
                }
                return 0;
            }
        }
    }

    @Command(name = "list-devices", description = "PCI devices of a host that can be passed through (and the migration "
            + "strategies by which a guest holding one moves), from libvirt node "
            + "devices: PFs, VFs and plain PCI devices (bridges left out), with IOMMU group, NUMA node, the domain "
            + "using each, and the device_spec entry of the pool allowing it; then the mdev parents with their types "
            + "(free instances, device API) and the mdevs (type, parent, started or only defined, the domain holding "
            + "each).")
    static final class ListDevices implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--pool", defaultValue = "/etc/passthru/pool.json", paramLabel = "FILE", description = "device pool "
                + "whose device_spec is shown; left out when the file does not exist (default: ${DEFAULT-VALUE})") String pool;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        /** {@link Row#kind} of an mdev parent that is no PCI device of the list (Linux's mtty sample: {@code mtty}). */
        static final String MDEV_PARENT = "mdev-parent";
        /** {@link Row#kind} of an mdev. */
        static final String MDEV = "mdev";

        /**
         * One row: a PCI device (kind {@code type-PF}, {@code type-VF} or {@code type-PCI}, Nova's names), an mdev
         * parent that is no PCI device (kind {@value #MDEV_PARENT}, address its mdevctl name, e.g. {@code mtty}) or an
         * mdev (kind {@value #MDEV}, address its UUID). The mdev fields are left out of the JSON when null: a PCI
         * device has {@code mdevTypes} only when it parents mdevs (a vGPU's GPU).
         *
         * @param allowedBy  the device_spec entry allowing it (null: none, or no pool)
         * @param nodeDevice an mdev parent's or an mdev's libvirt node device name
         * @param mdevTypes  the mdev types a parent offers
         * @param mdevType   an mdev's type id
         * @param parent     an mdev's parent (node device name)
         * @param active     whether an mdev is started
         * @param persistent whether an mdev is defined (mdevctl keeps it)
         */
        record Row(String address, String kind, PciAddress pf, String vendorId, String productId, String pciClass,
                   String driver, Integer iommuGroup, List<PciAddress> iommuGroupMembers, Integer numaNode,
                   String usedBy, String allowedBy, List<String> migration,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String nodeDevice,
                   @JsonInclude(JsonInclude.Include.NON_NULL) List<Mdevs.MdevType> mdevTypes,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String mdevType,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String parent,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Boolean active,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Boolean persistent) {
            boolean isPci() {
                return !kind.equals(MDEV_PARENT) && !kind.equals(MDEV);
            }
        }

        /**
         * The rows: {@code inv}'s PCI functions (bridges left out; a PCI mdev parent with its {@code mdevTypes}), then
         * the mdev parents that are no PCI function of {@code inv}, then the mdevs.
         */
        static List<Row> rows(Inventory inv, DevicePool p, List<Mdevs.MdevType> types, List<Mdevs.Mdev> mdevs) {
            Map<String, List<Mdevs.MdevType>> byParent = new LinkedHashMap<>();
            for (Mdevs.MdevType t : types) {
                byParent.computeIfAbsent(t.parentAddress(), k -> new java.util.ArrayList<>()).add(t);
            }
            List<Row> rows = new java.util.ArrayList<>();
            for (Inventory.PciFunction f : inv.functions()) {
                if (f.isBridge()) {
                    continue;
                }
                String allowed = p == null ? null : p.allowing(f.address(), f.pf(), f.vendorId(), f.productId())
                        .map(io.passthru.manager.pool.DeviceSpec::where).orElse(null);
                List<Mdevs.MdevType> offers = byParent.remove(f.address().toString());
                rows.add(new Row(f.address().toString(), f.kind().novaName(), f.pf(), f.vendorId(), f.productId(),
                        f.pciClass(), f.driver(), f.iommuGroup(), f.iommuGroupMembers(), f.numaNode(), f.usedBy(),
                        allowed, MigrationPlan.strategiesFor(f.kind(), f.driver(), p == null ? null
                                : p.allowing(f.address(), f.pf(), f.vendorId(), f.productId()).orElse(null)),
                        offers == null ? null : offers.get(0).parent(), offers, null, null, null, null));
            }
            byParent.forEach((address, offers) -> rows.add(new Row(address, MDEV_PARENT, null, null, null, null, null,
                    null, null, null, null, null, List.of(), offers.get(0).parent(), offers, null, null, null, null)));
            for (Mdevs.Mdev m : mdevs) {
                rows.add(new Row(m.uuid(), MDEV, null, null, null, null, null, null, null, null, m.usedBy(), null,
                        List.of(MigrationPlan.STATE), m.nodeDevice(), null, m.type(), m.parent(), m.active(),
                        m.persistent()));
            }
            return rows;
        }

        @Override
        public Integer call() {
            DevicePool p = optionalPool(pool);
            try (Hosts hosts = new Hosts()) {
                Host h = hosts.open(common.uri);
                Inventory inv = Inventory.scan(h);
                List<Mdevs.MdevType> types = Mdevs.types(h);
                List<Mdevs.Mdev> mdevs = Mdevs.list(h);
                List<Row> rows = rows(inv, p, types, mdevs);
                PrintWriter out = spec.commandLine().getOut();
                if (common.json()) {
                    printJson(out, rows);
                    return 0;
                }
                out.printf("%-14s %-8s %-14s %-11s %-8s %-10s %-6s %-5s %-16s %-38s %s%n", "ADDRESS", "TYPE", "PF",
                        "VENDOR:DEV", "CLASS", "DRIVER", "GROUP", "NUMA", "USED BY", "MIGRATES BY", "ALLOWED BY");
                for (Row r : rows) {
                    if (!r.isPci()) {
                        continue;
                    }
                    out.printf("%-14s %-8s %-14s %-11s %-8s %-10s %-6s %-5s %-16s %-38s %s%n", r.address(), r.kind(),
                            ListVfs.dash(r.pf()), ListVfs.hex(r.vendorId()) + ":" + ListVfs.hex(r.productId()),
                            ListVfs.dash(r.pciClass() == null ? null : ListVfs.hex(r.pciClass())),
                            ListVfs.dash(r.driver()), ListVfs.dash(r.iommuGroup()), ListVfs.dash(r.numaNode()),
                            ListVfs.dash(r.usedBy()), String.join(",", r.migration()),
                            p == null ? "(no pool)" : ListVfs.dash(r.allowedBy()));
                }
                // mediated devices: their parents' types and the mdevs (passthru mdev list shows these alone)
                if (!types.isEmpty() || !mdevs.isEmpty()) {
                    out.println();
                    MdevCommand.print(out, types, mdevs, false);
                }
                return 0;
            }
        }
    }

    @Command(name = "list-vfs", description = "PFs and VFs of a host from libvirt node devices; on this machine "
            + "also each VF's policy as 'ip -d link show' of its PF reports it (spoof checking, link state, rates, "
            + "VLAN and QoS).")
    static final class ListVfs implements Callable<Integer> {
        @Mixin Common common;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            try (Hosts hosts = new Hosts()) {
                Inventory inv = Inventory.scan(hosts.open(common.uri));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    printJson(out, inv.pfs());
                    return 0;
                }
                out.printf("%-14s %-14s %-11s %-10s %-6s %-5s %s%n", "ADDRESS", "PF", "VENDOR:DEV", "DRIVER", "GROUP",
                        "NUMA", "USED BY");
                for (Inventory.Pf pf : inv.pfs()) {
                    out.printf("%-14s %-14s %-11s %-10s %-6s %-5s PF %s, link %s, %d/%d VFs%n", pf.address(), "-",
                            hex(pf.vendorId()) + ":" + hex(pf.productId()), dash(pf.driver()), "-", dash(pf.numaNode()),
                            dash(pf.netInterface()), dash(pf.linkState()), pf.vfs().size(), pf.totalVfs());
                    Map<Integer, io.passthru.manager.VfPolicy> policies = Map.of();
                    if (io.passthru.manager.VfTrust.onThisMachine(common.uri) && pf.netInterface() != null && !pf.vfs().isEmpty()) {
                        policies = io.passthru.manager.VfPolicies.readAll(pf.netInterface(), pf.vfs().size());
                    }
                    List<PciAddress> order = pf.vfs().stream().map(Inventory.Vf::address).sorted().toList();
                    for (Inventory.Vf vf : pf.vfs()) {
                        io.passthru.manager.VfPolicy p = policies.get(order.indexOf(vf.address()));
                        out.printf("%-14s %-14s %-11s %-10s %-6s %-5s %s%s%n", vf.address(), vf.pf(),
                                hex(vf.vendorId()) + ":" + hex(vf.productId()), dash(vf.driver()),
                                dash(vf.iommuGroup()), dash(vf.numaNode()), vf.usedBy() == null ? "-" : vf.usedBy(),
                                p == null ? "" : "  [vf " + order.indexOf(vf.address()) + ": " + p.describe() + "]");
                    }
                }
                return 0;
            }
        }

        static String hex(String id) {
            return id == null ? "?" : id.replaceFirst("^0x", "");
        }

        static String dash(Object o) {
            return o == null ? "-" : o.toString();
        }
    }

    @Command(name = "check-host", description = "Check that a host is ready for VF passthrough; one line per check "
            + "with the fix for each non-pass; exit 0 only when nothing fails.")
    static final class CheckHost implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--sysfs-root", defaultValue = "/", paramLabel = "DIR", description = "where the local host's /sys and /proc are "
                + "(default: ${DEFAULT-VALUE}); used for local URIs only") String sysfsRoot;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            try (Hosts hosts = new Hosts()) {
                HostCheck checker = new HostCheck(java.nio.file.Path.of(sysfsRoot));
                List<Check> results;
                try {
                    results = checker.run(hosts.open(common.uri));
                } catch (io.passthru.manager.error.HostNotReadyException e) {
                    results = checker.runWithoutLibvirt(common.uri, e.getMessage());
                }
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("uri", common.uri);
                    m.put("ok", Check.ok(results));
                    m.put("checks", results);
                    printJson(out, m);
                } else {
                    for (Check r : results) {
                        out.printf("%-4s %-16s %s%s%n", r.status(), r.name(), r.detail(),
                                r.remedy() == null ? "" : "\n     fix: " + r.remedy());
                    }
                }
                return Check.ok(results) ? 0 : 1;
            }
        }
    }

    @Command(name = "set-viommu", description = "Give a domain's persistent definition a virtual IOMMU (Nova "
            + "hw:viommu_model rules, checked against domain capabilities); takes effect at the next start.")
    static final class SetViommu implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "domain name or UUID") String domain;
        @Option(names = "--viommu", required = true, converter = CliTypes.ViommuOptions.class,
                completionCandidates = CliTypes.ViommuOptions.class, paramLabel = "MODEL",
                description = "${COMPLETION-CANDIDATES}") ViommuPolicy.Option viommu;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            try (Hosts hosts = new Hosts()) {
                Host host = hosts.open(common.uri);
                guard(hosts, host, domain);
                ViommuConfig.Result r = new ViommuConfig().apply(host, domain, viommu);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("domain", r.domain());
                    m.put("model", r.model());
                    m.put("driver", r.driver());
                    m.put("ioapicDriver", r.ioapicDriver());
                    printJson(out, m);
                } else {
                    out.printf("%s: vIOMMU %s%s%s (effective at next start)%n", r.domain(),
                            r.model() == null ? "none" : r.model(), r.driver().isEmpty() ? "" : " " + r.driver(),
                            r.ioapicDriver() == null ? "" : ", ioapic driver " + r.ioapicDriver());
                }
                return 0;
            }
        }
    }

    /** Messages of the failures that happened while undoing (suppressed on the error or on its cause). */
    static List<String> alsoFailed(Throwable e) {
        List<String> out = new java.util.ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable s : t.getSuppressed()) {
                out.add(s.getMessage());
            }
        }
        return out;
    }

    /** Exit status after Ctrl-C (SIGINT) cancelled an operation, as shells report 128 + SIGINT. */
    static final int EXIT_INTERRUPTED = 130;

    /** {@link #commandLine(String...)} with every subcommand. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new PassthruCli()));
    }

    /**
     * The configured command line for {@code args}: when {@code args[0]} names a subcommand, the top-level command
     * ({@link PassthruRoot}) with that subcommand only, and when {@code args} only ask for the version, with none
     * (each subcommand's options cost picocli milliseconds of reflection at every start); else with every subcommand,
     * for the top-level help, the "missing command" usage and the "Did you mean" suggestions. Either way failures
     * print {@code error: MESSAGE} and exit {@link #EXIT_FAILED} (or {@link #EXIT_HOST_NOT_READY}); arguments no
     * command takes are a usage error even with {@code --help} (picocli would print the help and exit 0).
     *
     * @param args the arguments that will be executed; only read, to choose the subcommands
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && Arrays.stream(args).allMatch(a -> a.equals("-V") || a.equals("--version"))) {
            return configure(new CommandLine(new PassthruRoot()));
        }
        if (args.length > 0) {
            for (Class<?> sub : PassthruCli.class.getAnnotation(Command.class).subcommands()) {
                if (sub.getAnnotation(Command.class).name().equals(args[0])) {
                    CommandLine cl = new CommandLine(new PassthruRoot());
                    cl.addSubcommand(sub);
                    return configure(cl);
                }
            }
        }
        return commandLine();
    }

    private static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof PassthruException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + e.getMessage());
                for (String also : alsoFailed(e)) {
                    cmd.getErr().println("  also: " + also);
                }
                return e.getCause() instanceof io.passthru.manager.error.MigrationCancelledException ? EXIT_INTERRUPTED
                        : e instanceof HostNotReadyException ? EXIT_HOST_NOT_READY : EXIT_FAILED;
            }
            throw e;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            // picocli's default, except that the usage also follows "Did you mean" suggestions
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println(cmd.getColorScheme().errorText(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            cmd.usage(err, cmd.getColorScheme());
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
                if (!pr.unmatched().isEmpty()) {
                    throw new CommandLine.UnmatchedArgumentException(pr.commandSpec().commandLine(), pr.unmatched());
                }
            }
            return runLast.execute(parseResult);
        });
        return cl;
    }

    /** Runs the CLI; returns the exit status ({@link #EXIT_OK}, {@link #EXIT_FAILED}, {@link #EXIT_USAGE},
     * {@link #EXIT_HOST_NOT_READY}). */
    public static int run(String... args) {
        warmUpXmlInBackground();
        return commandLine(args).execute(args);
    }

    /**
     * Starts building the domain XML model's JAXB context ({@link XmlCodec#warmUp()}, about 1 s of CPU in a cold JVM)
     * on a daemon thread, while the command line is parsed and the libvirt connections open: the first XML a command
     * reads (a migration's pre-checks) no longer waits for it. A command that needs no XML exits without waiting.
     */
    private static void warmUpXmlInBackground() {
        Thread t = new Thread(() -> {
            try {
                XmlCodec.warmUp();
            } catch (RuntimeException e) {
                // the first real use reports it
            }
        }, "passthru-xml-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
