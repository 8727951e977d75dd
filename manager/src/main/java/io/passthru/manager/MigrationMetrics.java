package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.MigrationFailedException;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The timings of migrations as Prometheus metrics, written in the Prometheus text exposition format 0.0.4 (the
 * Prometheus Java client's {@link PrometheusTextFormatWriter}) to a file for node_exporter's textfile collector
 * ({@code passthru migrate --metrics-file}, {@code passthru evacuate --metrics-file}). Every series is a gauge
 * without a timestamp (the textfile collector refuses timestamps); times are in seconds, sizes in bytes.
 *
 * <p>Every series has the labels {@code domain}, {@code source}, {@code destination} (libvirt URIs) and {@code mode}
 * (the mode that ran: {@code bond}, {@code failover}, {@code unplug-replug}, {@code plain}; for a run that did not
 * migrate the mode asked for, or empty when that was {@code auto}). One run, {@link Run}, gives:
 * <ul>
 *   <li>{@code passthru_migration_success}: 1 when the guest was migrated, else 0;</li>
 *   <li>{@code passthru_migration_last_run_timestamp_seconds}: when the run ended (Unix time, seconds);</li>
 *   <li>{@code passthru_migration_duration_seconds}: the whole run ({@link MigrationFlow.Report#totalMs()}; for a
 *       run that did not migrate, the time the attempt took);</li>
 *   <li>{@code passthru_migration_phase_seconds{phase="..."}}, only the phases the run measured:
 *       {@value #PRE_CHECKS} (the step of that name), {@value #UNPLUG} (the source's hot-unplug steps, of the VF and
 *       of the devices moved by {@code hotplug}, added up), {@value #VF_GAP} ({@link MigrationFlow.Report#vfGapMs()};
 *       only for a guest with a VF), {@value #DOWNTIME} (libvirt's {@code downtime} of the completed job),
 *       {@value #PLUG} (the destination's hot-plug steps, of the VF and the devices' equivalents, added up) and
 *       {@value #TIME_TO_TRAFFIC} (with {@code migrate --verify}, when every address answered the guest: the longest
 *       of their {@link MigrationFlow.Traffic#timeToTrafficMs()}, from the switch-over; or what a caller measured,
 *       {@link Run#withTimeToTraffic});</li>
 *   <li>{@code passthru_migration_verified}: with {@code --verify}, 1 when every address answered the guest, else 0;</li>
 *   <li>{@code passthru_migration_transferred_bytes}: the bytes the migration sent, libvirt's
 *       {@code data_processed} of the completed job ({@code data_total} is what there was to send);</li>
 *   <li>{@code passthru_migration_device_state_bytes}: libvirt's {@code vfio_data_transferred} (the device state
 *       QEMU migrated), when libvirt reported it;</li>
 *   <li>{@code passthru_migration_device_gap_seconds{device="..."}}: for each device moved by {@code hotplug} or
 *       {@code state}, the time the guest was without it ({@link MigrationFlow.Report#deviceGapsMs()}; 0 for a
 *       {@code state} device, attached throughout);</li>
 *   <li>{@code passthru_migration_failure_info{outcome="...",step="..."}} 1, only for a run that did not migrate:
 *       {@code outcome} {@value Evacuation#REFUSED} (nothing was changed) or {@value Evacuation#FAILED}, {@code step}
 *       the step that failed (empty when unknown).</li>
 * </ul>
 * Phases, bytes and device gaps are written for a migrated run only, the failure info for a run that did not
 * migrate only.
 *
 * <p>The file is replaced atomically, as the textfile collector asks: the text goes to a temporary file in the same
 * directory (a name starting with a dot and ending in {@code .tmp}, which the collector ignores), is flushed to disk,
 * made readable by everyone ({@code rw-r--r--}) and renamed over the file ({@link #write}).
 */
public final class MigrationMetrics {
    /** Phase: the pre-checks (one read of each host and of the guest), the step of that name. */
    public static final String PRE_CHECKS = "pre-checks";
    /** Phase: the hot-unplug steps on the source (the VF's, and each {@code hotplug} device's), added up. */
    public static final String UNPLUG = "unplug";
    /** Phase: the time the guest was without its VF ({@link MigrationFlow.Report#vfGapMs()}). */
    public static final String VF_GAP = "vf-gap";
    /** Phase: libvirt's downtime of the live migration (the guest paused at switch-over). */
    public static final String DOWNTIME = "downtime";
    /** Phase: the hot-plug steps on the destination (the VF's, and each {@code hotplug} device's), added up. */
    public static final String PLUG = "plug";
    /** Phase: from the switch-over until the guest's traffic flowed again ({@code --verify}), when measured. */
    public static final String TIME_TO_TRAFFIC = "time-to-traffic";

    /**
     * The step titles of {@link MigrationEngine} that the phases add up: {@code hot-unplug VF ADDR} and
     * {@code hot-unplug DEVICE} on the source; {@code hot-plug VF on destination} and
     * {@code hot-plug the equivalent of DEVICE} on the destination. Compensations ({@code undo ...}) are left out.
     */
    static final String UNPLUG_STEP = "hot-unplug ";
    static final List<String> PLUG_STEPS = List.of("hot-plug VF on destination", "hot-plug the equivalent of ");

    private static final String[] LABELS = {"domain", "source", "destination", "mode"};

    private MigrationMetrics() {
    }

    /**
     * One migration as the metrics show it.
     *
     * @param domain          the domain's name
     * @param source          the source's libvirt URI
     * @param destination     the destination's libvirt URI
     * @param mode            the mode that ran, or the one asked for when it did not migrate; null or empty: unknown
     * @param outcome         {@value Evacuation#MIGRATED}, {@value Evacuation#REFUSED} or {@value Evacuation#FAILED}
     * @param failedStep      the step that failed, or null
     * @param durationMs      how long the run took, ms
     * @param finished        when it ended
     * @param report          the migration's report; null when it did not migrate
     * @param timeToTrafficMs from the switch-over until the guest's traffic flowed again, ms; null when not measured
     */
    public record Run(String domain, String source, String destination, String mode, String outcome,
                      String failedStep, long durationMs, Instant finished, MigrationFlow.Report report,
                      Long timeToTrafficMs) {
        public Run {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(finished, "finished");
        }

        /**
         * A migrated run: everything from {@code report}, ended at {@code finished}; its time-to-traffic from the
         * report's traffic checks ({@link #timeToTraffic}).
         */
        public static Run migrated(MigrationFlow.Report report, Instant finished) {
            return new Run(report.domain(), report.source(), report.destination(), report.mode(),
                    Evacuation.MIGRATED, null, report.totalMs(), finished, report, timeToTraffic(report));
        }

        /**
         * A run that did not migrate because of {@code error}: {@value Evacuation#FAILED} with its step for a
         * {@link MigrationFailedException}, {@value Evacuation#REFUSED} for another {@link PassthruException}
         * (nothing was changed; its step, else {@value MigrationMetrics#PRE_CHECKS}), {@value Evacuation#FAILED}
         * without a step for anything else, as {@code passthru migrate --output json} and {@link Evacuation} tell them apart.
         *
         * @param askedMode the mode asked for; {@code auto} or null leave the label empty
         * @param took      how long the attempt took
         */
        public static Run notMigrated(String domain, String source, String destination, MigrationFlow.Mode askedMode,
                                      RuntimeException error, Duration took, Instant finished) {
            String mode = askedMode == null || askedMode == MigrationFlow.Mode.AUTO ? null : askedMode.id;
            String outcome;
            String step;
            if (error instanceof MigrationFailedException f) {
                outcome = Evacuation.FAILED;
                step = f.step();
            } else if (error instanceof PassthruException p) {
                outcome = Evacuation.REFUSED;
                step = p.step() == null ? PRE_CHECKS : p.step();
            } else {
                outcome = Evacuation.FAILED;
                step = null;
            }
            return new Run(domain, source, destination, mode, outcome, step, took.toMillis(), finished, null, null);
        }

        /** This run with the time from the switch-over until the guest's traffic flowed again, ms. */
        public Run withTimeToTraffic(long ms) {
            return new Run(domain, source, destination, mode, outcome, failedStep, durationMs, finished, report, ms);
        }

        /** Whether the guest was migrated. */
        public boolean migrated() {
            return Evacuation.MIGRATED.equals(outcome);
        }
    }

    /**
     * The time-to-traffic of {@code report}, ms: with {@code migrate --verify}, when every address answered the guest,
     * the longest of their {@link MigrationFlow.Traffic#timeToTrafficMs()} (from the switch-over until the last of
     * them answered); null without traffic checks, or when an address did not answer (the traffic was not seen back).
     */
    public static Long timeToTraffic(MigrationFlow.Report report) {
        List<MigrationFlow.Traffic> checks = report.traffic();
        if (checks == null || checks.isEmpty() || !checks.stream().allMatch(MigrationFlow.Traffic::answered)) {
            return null;
        }
        return checks.stream().mapToLong(MigrationFlow.Traffic::timeToTrafficMs).max().getAsLong();
    }

    /**
     * One run per guest of an evacuation, in its order: a migrated guest's from its report, the others' from their
     * outcome and failed step (no mode: evacuate runs {@code auto}). Each ends at {@code started} plus the guest's
     * start and duration.
     *
     * @param started when the evacuation started ({@link Evacuation.GuestResult#startMs()} counts from there)
     */
    public static List<Run> runs(Evacuation.Result evacuation, Instant started) {
        List<Run> out = new ArrayList<>();
        for (Evacuation.GuestResult g : evacuation.guests()) {
            Instant end = started.plusMillis(g.startMs() + g.durationMs());
            if (g.migrated() && g.report() != null) {
                out.add(Run.migrated(g.report(), end));
            } else {
                out.add(new Run(g.domain(), evacuation.from(), evacuation.to(), g.mode(), g.outcome(), g.step(),
                        g.durationMs(), end, null, null));
            }
        }
        return out;
    }

    /**
     * The phases {@code run} measured, in the order of the migration, seconds: see the class comment. Empty for a run
     * that did not migrate.
     */
    public static Map<String, Double> phases(Run run) {
        Map<String, Double> out = new LinkedHashMap<>();
        MigrationFlow.Report r = run.report();
        if (r == null) {
            return out;
        }
        long preChecks = 0;
        long unplug = 0;
        long plug = 0;
        boolean sawPreChecks = false;
        boolean sawUnplug = false;
        boolean sawPlug = false;
        for (Saga.Step s : r.steps() == null ? List.<Saga.Step>of() : r.steps()) {
            if (s.undo()) {
                continue;
            }
            if (PRE_CHECKS.equals(s.name())) {
                preChecks += s.durationMs();
                sawPreChecks = true;
            } else if (s.name().startsWith(UNPLUG_STEP)) {
                unplug += s.durationMs();
                sawUnplug = true;
            } else if (PLUG_STEPS.stream().anyMatch(s.name()::startsWith)) {
                plug += s.durationMs();
                sawPlug = true;
            }
        }
        Map<String, Long> stats = r.migrationStats() == null ? Map.of() : r.migrationStats();
        if (sawPreChecks) {
            out.put(PRE_CHECKS, Unit.millisToSeconds(preChecks));
        }
        if (sawUnplug) {
            out.put(UNPLUG, Unit.millisToSeconds(unplug));
        }
        if (r.sourceVf() != null) {
            out.put(VF_GAP, Unit.millisToSeconds(r.vfGapMs()));
        }
        if (stats.get("downtime") != null) {
            out.put(DOWNTIME, Unit.millisToSeconds(stats.get("downtime")));
        }
        if (sawPlug) {
            out.put(PLUG, Unit.millisToSeconds(plug));
        }
        if (run.timeToTrafficMs() != null) {
            out.put(TIME_TO_TRAFFIC, Unit.millisToSeconds(run.timeToTrafficMs()));
        }
        return out;
    }

    /** The metrics of {@code runs} (see the class comment), as the Prometheus client's snapshots. */
    public static MetricSnapshots snapshots(List<Run> runs) {
        PrometheusRegistry registry = new PrometheusRegistry();
        Gauge success = gauge(registry, "passthru_migration_success", "1 when the guest was migrated, 0 when the "
                + "migration was refused or failed", null);
        Gauge lastRun = gauge(registry, "passthru_migration_last_run_timestamp_seconds", "when the migration run "
                + "ended, Unix time", Unit.SECONDS);
        Gauge duration = gauge(registry, "passthru_migration_duration_seconds", "the whole migration run (for a run "
                + "that did not migrate: the time the attempt took)", Unit.SECONDS);
        Gauge phase = gauge(registry, "passthru_migration_phase_seconds", "the phases the run measured: pre-checks, "
                + "unplug (source hot-unplug steps), vf-gap (the guest without its VF), downtime (libvirt's), plug "
                + "(destination hot-plug steps), time-to-traffic (--verify: the switch-over to the last address's first "
                + "answer)", Unit.SECONDS, "phase");
        Gauge transferred = gauge(registry, "passthru_migration_transferred_bytes", "bytes the migration sent: "
                + "libvirt's data_processed of the completed migration job", Unit.BYTES);
        Gauge deviceState = gauge(registry, "passthru_migration_device_state_bytes", "device state QEMU migrated "
                + "(libvirt's vfio_data_transferred)", Unit.BYTES);
        Gauge deviceGap = gauge(registry, "passthru_migration_device_gap_seconds", "for each device moved by hotplug "
                + "or state (by source PCI address or mdev UUID), the time the guest was without it", Unit.SECONDS,
                "device");
        Gauge verified = gauge(registry, "passthru_migration_verified", "--verify: 1 when every address answered "
                + "the guest on the destination, 0 when one did not (the guest stays there; passthru migrate exits 1)",
                null);
        Info failure = Info.builder().name("passthru_migration_failure").help("a run that did not migrate: outcome "
                        + "refused (nothing was changed) or failed, and the step that failed")
                .labelNames(LABELS[0], LABELS[1], LABELS[2], LABELS[3], "outcome", "step").register(registry);
        for (Run run : runs) {
            String[] labels = {run.domain(), text(run.source()), text(run.destination()), text(run.mode())};
            success.labelValues(labels).set(run.migrated() ? 1 : 0);
            lastRun.labelValues(labels).set(run.finished().toEpochMilli() / 1000.0);
            duration.labelValues(labels).set(Unit.millisToSeconds(run.durationMs()));
            if (!run.migrated()) {
                failure.addLabelValues(run.domain(), text(run.source()), text(run.destination()), text(run.mode()),
                        run.outcome(), text(run.failedStep()));
                continue;
            }
            phases(run).forEach((name, seconds) -> phase.labelValues(with(labels, name)).set(seconds));
            MigrationFlow.Report r = run.report();
            Map<String, Long> stats = r == null || r.migrationStats() == null ? Map.of() : r.migrationStats();
            if (stats.get("data_processed") != null) {
                transferred.labelValues(labels).set(stats.get("data_processed"));
            }
            if (stats.get("vfio_data_transferred") != null) {
                deviceState.labelValues(labels).set(stats.get("vfio_data_transferred"));
            }
            if (r != null && r.traffic() != null && !r.traffic().isEmpty()) {
                verified.labelValues(labels).set(r.verified() ? 1 : 0);
            }
            if (r != null && r.deviceGapsMs() != null) {
                r.deviceGapsMs().forEach((device, ms) -> deviceGap.labelValues(with(labels, device))
                        .set(Unit.millisToSeconds(ms)));
            }
        }
        return registry.scrape();
    }

    /** The metrics of {@code runs} in the Prometheus text format 0.0.4. */
    public static String text(List<Run> runs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer().write(out, snapshots(runs));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Refuses a metrics file that could not be written, before anything else is done: its directory must exist and
     * take new files (a temporary file is created there and removed again), and the path must not be a directory.
     *
     * @throws InvalidRequestException naming the path, what is wrong and the fix
     */
    public static void checkWritable(Path file) {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || target.getFileName() == null) {
            throw new InvalidRequestException(file + " names no file: give the path of a file, e.g. "
                    + "/var/lib/node_exporter/textfile_collector/passthru.prom");
        }
        if (!Files.exists(dir)) {
            throw new InvalidRequestException(file + ": the directory " + dir + " does not exist: create it (e.g. "
                    + "node_exporter's --collector.textfile.directory) or give a file in an existing directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidRequestException(file + ": " + dir + " is not a directory: give a file in a directory");
        }
        if (Files.isDirectory(target)) {
            throw new InvalidRequestException(file + " is a directory: give the path of a file in it, e.g. "
                    + target.resolve("passthru.prom"));
        }
        try {
            Files.delete(Files.createTempFile(dir, tempPrefix(target), ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new InvalidRequestException(file + ": cannot create a file in " + dir + " (" + e
                    + "): the file is written beside it and renamed over it; give a directory this user may write "
                    + "to, or let this user write to " + dir, e);
        }
    }

    /**
     * Writes the metrics of {@code runs} to {@code file}, replacing it atomically: a temporary file in the same
     * directory, flushed to disk, made {@code rw-r--r--} and renamed over {@code file}
     * ({@link StandardCopyOption#ATOMIC_MOVE}). A reader sees the old file or the new one, never a part.
     *
     * @throws PassthruException when the file cannot be written (the temporary file is removed again)
     */
    public static void write(Path file, List<Run> runs) {
        Path target = file.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), tempPrefix(target), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(ch);
                writer().write(out, snapshots(runs));
                out.flush();
                ch.force(true);
            }
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException | RuntimeException e) {
            throw new PassthruException("cannot write the metrics file " + file + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do: the failure above is what the caller hears
                }
            }
        }
    }

    /** The text format 0.0.4 writer, without {@code _created} series. */
    private static PrometheusTextFormatWriter writer() {
        return PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(false).build();
    }

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    private static Gauge gauge(PrometheusRegistry registry, String name, String help, Unit unit, String... extra) {
        String[] names = new String[LABELS.length + extra.length];
        System.arraycopy(LABELS, 0, names, 0, LABELS.length);
        System.arraycopy(extra, 0, names, LABELS.length, extra.length);
        Gauge.Builder b = Gauge.builder().name(name).help(help).labelNames(names);
        if (unit != null) {
            b.unit(unit);
        }
        b.withoutExemplars();
        return b.register(registry);
    }

    private static String[] with(String[] labels, String value) {
        String[] out = java.util.Arrays.copyOf(labels, labels.length + 1);
        out[labels.length] = value;
        return out;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
