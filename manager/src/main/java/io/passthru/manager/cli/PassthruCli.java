package io.passthru.manager.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.passthru.PassthruException;
import io.passthru.manager.AliasAttach;
import io.passthru.manager.HostCheck;
import io.passthru.manager.HostNotReadyException;
import io.passthru.manager.ViommuConfig;
import io.passthru.manager.check.Check;
import io.passthru.manager.pool.Allocator;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.Hotplug;
import io.passthru.manager.Inventory;
import io.passthru.manager.MigrationFailedException;
import io.passthru.manager.MigrationControls;
import io.passthru.manager.MigrationFlow;
import io.passthru.manager.Recovery;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.Saga;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.viommu.ViommuPolicy;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
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
@Command(subcommands = {PassthruCli.Attach.class, PassthruCli.Detach.class, PassthruCli.Migrate.class,
        PassthruCli.ListVfs.class, PassthruCli.CheckHost.class, PassthruCli.SetViommu.class,
        PassthruCli.Recover.class})
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

    /** The device pool in {@code file}, or null when the file does not exist. */
    static DevicePool optionalPool(String file) {
        java.nio.file.Path p = java.nio.file.Path.of(file);
        return java.nio.file.Files.exists(p) ? DevicePool.load(p) : null;
    }

    static PciAddress pci(String text) {
        return PciAddress.parse(text);
    }

    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PassthruException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    @Command(name = "attach", description = "Hot-plug a VF as <interface type='hostdev' managed='yes'> (vfio), live "
            + "and persistent; done when the guest agent reports the interface. Name the VF with --vf, or let the "
            + "device pool pick by Nova alias with --alias NAME[:COUNT].")
    static final class Attach implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "domain name or UUID") String domain;
        @Option(names = "--vf", paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "VF address, e.g. 0000:01:10.0") PciAddress vf;
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
        @Option(names = "--bond", paramLabel = "BOND", description = "enslave the VF into this guest bond and make it the active slave") String bond;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            if ((vf == null) == (alias == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --vf and --alias");
            }
            try (Hosts hosts = new Hosts()) {
                Host host = hosts.open(common.uri);
                guard(hosts, host, domain);
                Hotplug hp = new Hotplug();
                List<Hotplug.AttachResult> results;
                if (vf != null) {
                    results = List.of(hp.attachVf(host, domain, vf, mac));
                } else {
                    results = new AliasAttach(hp).attach(host, domain, DevicePool.load(java.nio.file.Path.of(pool)),
                            alias.name(), alias.count(), groupPolicy);
                }
                List<String> enslaved = new java.util.ArrayList<>();
                if (bond != null) {
                    for (Hotplug.AttachResult r : results) {
                        enslaved.add(hp.enslaveActive(host, domain, r.mac(), bond));
                    }
                }
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("attach", results.size() == 1 ? results.get(0) : results);
                    m.put("bond", bond);
                    printJson(out, m);
                } else {
                    for (Hotplug.AttachResult r : results) {
                        out.printf("attached VF %s to %s as %s (MAC %s, alias %s): libvirt %d ms, guest %d ms%s%n",
                                r.vf(), r.domain(), r.guestInterface(), r.mac(), r.alias(), r.libvirtMs(),
                                r.guestMs(), bond == null ? "" : "; enslaved in " + bond + " as active slave");
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "detach", description = "Hot-unplug a VF; done only when libvirt reports DEVICE_REMOVED.")
    static final class Detach implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "domain name or UUID") String domain;
        @Option(names = "--vf", required = true, paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "the VF's host PCI address, e.g. 0000:01:10.0") PciAddress vf;
        @Option(names = "--timeout", defaultValue = "20", paramLabel = "S", description = "seconds to wait for DEVICE_REMOVED per request (default: ${DEFAULT-VALUE})") int timeout;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            if (timeout < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be 1 second or more, not "
                        + timeout);
            }
            try (Hosts hosts = new Hosts()) {
                Host host = hosts.open(common.uri);
                guard(hosts, host, domain);
                Hotplug.DetachResult r = new Hotplug(Hotplug.DEFAULT_GUEST_TIMEOUT, java.time.Duration.ofSeconds(timeout))
                        .detachVf(host, domain, vf);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    printJson(out, r);
                } else {
                    out.printf("detached VF %s (alias %s) from %s: removed after %d ms (%d request%s)%n", r.vf(),
                            r.alias(), r.domain(), r.removalMs(), r.attempts(), r.attempts() == 1 ? "" : "s");
                }
                return 0;
            }
        }
    }

    @Command(name = "migrate", description = "Live-migrate a guest whose VF is bonded with a virtual NIC: unenslave, "
            + "hot-unplug, migrate, hot-plug a free VF on the destination, enslave; prints the timeline. Progress goes "
            + "to standard error; Ctrl-C before the migration completed aborts it and rolls back.")
    static final class Migrate implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "domain name or UUID") String domain;
        @Option(names = "--to", required = true, paramLabel = "DEST_URI", description = "destination libvirt URI") String dest;
        @Option(names = "--migrate-uri", paramLabel = "URI", description = "migration data URI, e.g. tcp://198.51.100.2 (default: libvirt's choice)") String migrateUri;
        @Option(names = "--dest-vf", paramLabel = "PCI_ADDR", converter = CliTypes.PciAddressConverter.class,
                description = "VF to use on the destination (default: first free one)") PciAddress destVf;
        @Option(names = "--pool", defaultValue = "/etc/passthru/pool.json", paramLabel = "FILE", description = "the source host's device "
                + "pool; with it the destination VF must be on the source VF's physical_network (default: ${DEFAULT-VALUE})") String pool;
        @Option(names = "--dest-pool", paramLabel = "FILE", description = "the destination host's device pool (default: same as --pool)") String destPool;
        @Option(names = "--max-downtime", paramLabel = "MS", description = "longest pause of the guest at switch-over, ms (virsh migrate-setmaxdowntime)") Long maxDowntime;
        @Option(names = "--bandwidth", paramLabel = "MIB_S", description = "bandwidth limit of the migration, MiB/s") Long bandwidth;
        @Option(names = "--auto-converge", description = "throttle the guest's vCPUs if memory is dirtied faster than it is sent") boolean autoConverge;
        @Option(names = "--timeout", paramLabel = "S", description = "abort the live migration after S seconds and roll back") Long timeout;
        @Option(names = "--agent-timeout", paramLabel = "S", defaultValue = "60", description = "wait for the guest agent on the destination (default: ${DEFAULT-VALUE})") long agentTimeout;
        @Option(names = "--detach-timeout", paramLabel = "S", defaultValue = "20", description = "wait for DEVICE_REMOVED per unplug request (default: ${DEFAULT-VALUE})") long detachTimeout;
        @Option(names = "--guest-timeout", paramLabel = "S", defaultValue = "60", description = "wait for a hot-plugged VF to show in the guest (default: ${DEFAULT-VALUE})") long guestTimeout;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            PrintWriter out = spec.commandLine().getOut();
            io.passthru.manager.Cancellation cancel = new io.passthru.manager.Cancellation();
            MigrationControls controls = new MigrationControls(maxDowntime, bandwidth, autoConverge,
                    timeout == null ? null : Duration.ofSeconds(timeout), Duration.ofSeconds(agentTimeout),
                    new MigrationProgressPrinter(MigrationProgressPrinter.styleFor(json), System.err), cancel);
            Signals.onInterrupt(() -> {
                System.err.println("passthru: interrupted: aborting the migration (the guest stays on the source "
                        + "if it has not moved yet)");
                cancel.cancel();
            });
            try (Hosts hosts = new Hosts()) {
                Hotplug hp = new Hotplug(Duration.ofSeconds(guestTimeout), Duration.ofSeconds(detachTimeout));
                MigrationFlow.Report r = new MigrationFlow(hosts, hp).migrate(new MigrationFlow.Request(
                        common.uri, domain, dest, migrateUri, destVf, optionalPool(pool),
                        optionalPool(destPool == null ? pool : destPool), controls));
                if (r.recovered() != null) {
                    System.err.println("passthru: recovered first: " + r.recovered().summary());
                }
                if (json) {
                    printJson(out, r);
                } else {
                    printReport(out, r);
                }
                return 0;
            } catch (MigrationFailedException e) {
                if (json) {
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
                    printJson(out, m);
                }
                throw e;
            } catch (PassthruException e) {
                // refused before anything changed (pre-checks, another operation in progress)
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("outcome", "refused");
                    m.put("step", e.step() == null ? "pre-checks" : e.step());
                    m.put("rolledBack", true);
                    m.put("rolledForward", false);
                    m.put("changed", false);
                    m.put("runningOn", common.uri);
                    m.put("leftToDo", null);
                    m.put("libvirtErrorCode", e.libvirtErrorCode());
                    m.put("error", e.getMessage());
                    printJson(out, m);
                }
                throw e;
            }
        }

        static void printReport(PrintWriter out, MigrationFlow.Report r) {
            out.printf("migrated %s: %s -> %s%n", r.domain(), r.source(), r.destination());
            out.printf("  %-44s %9s %12s  %s%n", "step", "start ms", "duration ms", "outcome");
            for (Saga.Step s : r.steps()) {
                out.printf("  %-44s %9d %12d  %s%n", s.name(), s.startMs(), s.durationMs(), s.outcome());
            }
            out.printf("VF %s -> %s, MAC %s, bond %s (backup slave %s)%n", r.sourceVf(), r.destVf(), r.mac(),
                    r.bond(), r.backupSlave());
            Map<String, Long> st = r.migrationStats();
            out.printf("total %d ms; VF gap (bond without VF as active slave) %d ms; migration downtime %s ms, "
                            + "%s MiB transferred in %s ms%n", r.totalMs(), r.vfGapMs(), st.getOrDefault("downtime", -1L),
                    st.containsKey("data_total") ? String.format("%.1f", st.get("data_total") / 1048576.0) : "?",
                    st.getOrDefault("time_elapsed", -1L));
        }
    }

    @Command(name = "recover", description = "Finish or undo an operation a passthru process left unfinished (it was "
            + "killed, or a step could not be done): reads the record in the domain's metadata (or this machine's "
            + "journal mirror), looks where the guest runs and rolls back or forward; harmless when there is none.")
    static final class Recover implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "DOMAIN") String domain;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean json = common.json();
            try (Hosts hosts = new Hosts()) {
                Recovery.Result r = new Recovery(hosts, new Hotplug(), new OperationJournal())
                        .recover(common.uri, domain);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    printJson(out, r);
                } else {
                    out.println(r.summary());
                    for (Saga.Step s : r.steps()) {
                        out.printf("  %-44s %9d %12d  %s%n", s.name(), s.startMs(), s.durationMs(), s.outcome());
                    }
                }
                return r.complete() ? 0 : 1;
            }
        }
    }

    /** Runs the journal check every command that touches a domain starts with; tells what recovery did. */
    static void guard(Hosts hosts, Host host, String domain) {
        Recovery.Result r = new Recovery(hosts, new Hotplug(), new OperationJournal()).guard(host, domain);
        if (r != null) {
            System.err.println("passthru: recovered an interrupted operation first: " + r.summary());
        }
    }

    @Command(name = "list-vfs", description = "PFs and VFs of a host from libvirt node devices.")
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
                    for (Inventory.Vf vf : pf.vfs()) {
                        out.printf("%-14s %-14s %-11s %-10s %-6s %-5s %s%n", vf.address(), vf.pf(),
                                hex(vf.vendorId()) + ":" + hex(vf.productId()), dash(vf.driver()),
                                dash(vf.iommuGroup()), dash(vf.numaNode()), vf.usedBy() == null ? "-" : vf.usedBy());
                    }
                }
                return 0;
            }
        }

        private static String hex(String id) {
            return id == null ? "?" : id.replaceFirst("^0x", "");
        }

        private static String dash(Object o) {
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
                } catch (io.passthru.manager.HostNotReadyException e) {
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
                return e.getCause() instanceof io.passthru.manager.MigrationCancelledException ? EXIT_INTERRUPTED
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
        return commandLine(args).execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
