package io.passthru.manager.cli;

import io.passthru.manager.Cancellation;
import io.passthru.manager.Evacuation;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.MigrationControls;
import io.passthru.manager.MigrationListener;
import io.passthru.manager.MigrationProgress;
import io.passthru.manager.Saga;
import io.passthru.manager.libvirt.Hosts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code passthru evacuate}: live-migrates every running domain of {@code --from} to {@code --to}, {@code --parallel}
 * at a time ({@link Evacuation}, each guest by {@code MigrationFlow} in mode auto), and prints one row per guest and
 * the makespan. Exit 0 when every guest migrated (or none was running), 1 when any was refused or failed, 130 when
 * Ctrl-C cancelled migrations. It has {@code --from} instead of the other commands' {@code --connect} (their
 * {@code Common} mixin): two URIs, neither of them "the" host, and {@code --output} of its own.
 */
@Command(name = "evacuate", description = "Live-migrate every running domain of a host (--from) to another (--to), N "
        + "at a time (--parallel), each as migrate does it (mode auto: failover, bond or plain); a guest that fails "
        + "does not stop the others. Prints one row per guest (mode, outcome, start and duration, VF, VF gap, "
        + "libvirt downtime, error) and the makespan; progress goes to standard error. Ctrl-C aborts the migrations "
        + "that have not completed and rolls them back.")
final class EvacuateCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "URI", description = "libvirt URI of the host to empty") String from;
    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N", description = "guests migrated at once, 1 or more (default: ${DEFAULT-VALUE})") int parallel;
    @Mixin MigrationOptions migration;
    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", converter = CliTypes.OutputFormats.class,
            completionCandidates = CliTypes.OutputFormats.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})") CliTypes.OutputFormat output;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The cancellations of the guests' migrations; Ctrl-C cancels them all, and those of guests not yet started. */
    private final List<Cancellation> cancellations = new ArrayList<>();
    private boolean interrupted;

    @Override
    public Integer call() {
        boolean json = output == CliTypes.OutputFormat.JSON;
        try {
            Evacuation.validate(from, migration.dest, parallel);
            controls("", json, new Cancellation()); // the controls' own checks (positive numbers), before libvirt
        } catch (InvalidRequestException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        migration.checkPoolFiles();
        migration.checkMetricsFile();
        Signals.onInterrupt("passthru: interrupted: aborting the migrations that have not completed (those guests "
                + "stay on the source); the ones past the live migration finish; Ctrl-C again exits at once",
                "the record of each guest's operation is kept in its domain's metadata: for each guest not reported "
                + "migrated run " + PassthruCli.recoverCommand(from, "DOMAIN"), this::interrupt);
        PrintWriter out = spec.commandLine().getOut();
        try (Hosts hosts = new Hosts()) {
            List<String> domains = Evacuation.runningDomains(hosts.open(from));
            java.time.Instant started = java.time.Instant.now();
            Evacuation.Result r = Evacuation.withMigrationFlow(migration.hotplug(), migration.dest,
                    migration.migrateUri, migration.p2pUri, migration.sourcePool(), migration.destPool(),
                    name -> controls(name, json, cancellation())).evacuate(from, domains, parallel);
            migration.writeMetrics(io.passthru.manager.MigrationMetrics.runs(r, started));
            if (json) {
                PassthruCli.printJson(out, r);
            } else {
                printResult(out, r);
            }
            if (!r.anyFailed()) {
                return PassthruCli.EXIT_OK;
            }
            synchronized (cancellations) {
                return interrupted ? PassthruCli.EXIT_INTERRUPTED : PassthruCli.EXIT_FAILED;
            }
        }
    }

    /** One guest's controls: a cancellation of its own (one serves one migration), a listener naming the guest. */
    private MigrationControls controls(String domain, boolean json, Cancellation c) {
        return migration.controls(new GuestProgress(domain, json, System.err), c);
    }

    /** A new guest's cancellation, known to {@link #interrupt()}; already cancelled after Ctrl-C. */
    private Cancellation cancellation() {
        Cancellation c = new Cancellation();
        synchronized (cancellations) {
            cancellations.add(c);
            if (interrupted) {
                c.cancel();
            }
        }
        return c;
    }

    private void interrupt() {
        List<Cancellation> all;
        synchronized (cancellations) {
            interrupted = true;
            all = List.copyOf(cancellations);
        }
        all.forEach(Cancellation::cancel);
    }

    static void printResult(PrintWriter out, Evacuation.Result r) {
        if (r.guests().isEmpty()) {
            out.printf("nothing was running on %s: no domain to evacuate%n", r.from());
            return;
        }
        out.printf("evacuate %s -> %s: %d guest%s, %d at a time%n", r.from(), r.to(), r.guests().size(),
                r.guests().size() == 1 ? "" : "s", r.parallel());
        int w = Math.max(6, r.guests().stream().mapToInt(g -> g.domain().length()).max().orElse(0));
        String row = "%-" + w + "s  %-13s %-9s %9s %12s  %-28s %10s %12s  %s%n";
        out.printf(row, "DOMAIN", "MODE", "OUTCOME", "START MS", "DURATION MS", "VF SOURCE -> DEST", "VF GAP MS",
                "DOWNTIME MS", "ERROR");
        for (Evacuation.GuestResult g : r.guests()) {
            String vf = g.sourceVf() == null && g.destVf() == null ? "-"
                    : dash(g.sourceVf()) + " -> " + dash(g.destVf());
            String error = g.error() == null ? "-" : g.error();
            if (Evacuation.FAILED.equals(g.outcome())) {
                error = "[" + (g.rolledBack() == null ? "" : g.rolledBack() ? "rolled back; " : "not rolled back; ")
                        + "runs on " + (g.runningOn() == null ? "?" : g.runningOn()) + "] " + error;
            }
            out.printf(row, g.domain(), dash(g.mode()), g.outcome(), g.startMs(), g.durationMs(), vf,
                    dash(g.vfGapMs()), dash(g.downtimeMs()), error);
        }
        out.printf("makespan %d ms: %d migrated, %d refused, %d failed of %d (parallel %d)%n", r.makespanMs(),
                r.migrated(), r.refused(), r.failed(), r.guests().size(), r.parallel());
    }

    private static String dash(Object o) {
        return o == null ? "-" : o.toString();
    }

    /**
     * One guest's steps (and a progress line every {@value MigrationProgressPrinter#PLAIN_INTERVAL_MS} ms) on
     * standard error, each line naming the guest: the migrations run at once, so no progress bar; with
     * {@code --output json} one JSON object per line, as migrate's with a {@code domain} field after
     * {@code schemaVersion}.
     */
    static final class GuestProgress implements MigrationListener {
        private final String domain;
        private final boolean json;
        private final PrintStream err;
        private long lastPlain;

        GuestProgress(String domain, boolean json, PrintStream err) {
            this.domain = domain;
            this.json = json;
            this.err = err;
        }

        @Override
        public void stepStarted(String id, String title) {
            if (json) {
                event("step", MigrationProgressPrinter.startedFields(new LinkedHashMap<>(), id, title));
            } else {
                print(String.format("passthru: %s: %s ...", domain, title));
            }
        }

        @Override
        public void stepFinished(Saga.Step step) {
            if (json) {
                event("step", MigrationProgressPrinter.stepFields(new LinkedHashMap<>(), step));
            } else {
                print(String.format("passthru: %s: %s: %s (%d ms)", domain, step.name(), step.outcome(),
                        step.durationMs()));
            }
        }

        @Override
        public synchronized void progress(MigrationProgress p) {
            if (p.dataTotal() <= 0) {
                return;
            }
            if (json) {
                event("progress", MigrationProgressPrinter.progressFields(new LinkedHashMap<>(), p));
            } else if (lastPlain == 0 || p.elapsedMs() - lastPlain >= MigrationProgressPrinter.PLAIN_INTERVAL_MS) {
                lastPlain = Math.max(1, p.elapsedMs());
                print(String.format("passthru: %s: live migrate %3d%%: %d of %d MiB processed, %d MiB remaining, "
                                + "%.1f MiB/s, %.1f s", domain, p.percent(), p.dataProcessed() >> 20,
                        p.dataTotal() >> 20, p.dataRemaining() >> 20, p.mibPerSecond(), p.elapsedMs() / 1000.0));
            }
        }

        /** {@code {"event":KIND,"schemaVersion":1,"domain":DOMAIN,...}} ({@link MigrationProgressPrinter#eventLine}). */
        private void event(String kind, Map<String, Object> fields) {
            print(MigrationProgressPrinter.eventLine(kind, domain, fields));
        }

        /** One whole line: the guests' threads share standard error. */
        private void print(String line) {
            synchronized (err) {
                err.println(line);
            }
        }
    }
}
