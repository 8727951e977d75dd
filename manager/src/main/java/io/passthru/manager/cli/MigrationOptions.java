package io.passthru.manager.cli;

import io.passthru.manager.Cancellation;
import io.passthru.manager.Hotplug;
import io.passthru.manager.MigrationControls;
import io.passthru.manager.MigrationFlow;
import io.passthru.manager.MigrationListener;
import io.passthru.manager.MigrationMetrics;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.pool.DevicePool;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The options {@code migrate} and {@code evacuate} share (a picocli mixin): the destination, the device pools, how
 * each live migration runs ({@link MigrationControls}) and the waits of the hot-plug steps ({@link Hotplug}).
 * Numbers are checked while parsing ({@link CliTypes.PositiveLong}: 1 or more); pool files in
 * {@link #checkPoolFiles()}, the metrics file in {@link #checkMetricsFile()}; all before any libvirt connection.
 */
final class MigrationOptions {
    /** {@code --pool}'s default: used when it exists, else no pool. */
    static final String DEFAULT_POOL = "/etc/passthru/pool.json";

    @Option(names = "--to", required = true, paramLabel = "DEST_URI", description = "destination libvirt URI")
    String dest;

    @Option(names = "--migrate-uri", paramLabel = "URI", description = "migration data URI of the destination, e.g. "
            + "tcp://198.51.100.2 (default: libvirt's choice)")
    String migrateUri;

    @Option(names = "--p2p-uri", paramLabel = "URI", converter = CliTypes.P2pUriConverter.class, description = "the "
            + "destination's libvirt URI as the source host's libvirtd reaches it, e.g. qemu+tcp://198.51.100.2/system; "
            + "the source libvirtd then drives the whole migration (VIR_MIGRATE_PEER2PEER), which goes on to the end "
            + "if passthru dies midway (default: passthru drives it over --to)")
    String p2pUri;

    @Option(names = "--pool", defaultValue = DEFAULT_POOL, paramLabel = "FILE", description = "the source host's "
            + "device pool; with it each destination VF must be on its source VF's physical_network (default: "
            + "${DEFAULT-VALUE} when it exists; a FILE given must exist)")
    String pool;

    @Option(names = "--dest-pool", paramLabel = "FILE", description = "the destination host's device pool (default: "
            + "same as --pool)")
    String destPool;

    @Option(names = "--max-downtime", paramLabel = "MS", converter = CliTypes.PositiveLong.class,
            description = "longest pause of each guest at switch-over, ms (virsh migrate-setmaxdowntime)")
    Long maxDowntime;

    @Option(names = "--bandwidth", paramLabel = "MIB_S", converter = CliTypes.PositiveLong.class,
            description = "bandwidth limit of each guest's migration, MiB/s")
    Long bandwidth;

    @Option(names = "--auto-converge", description = "throttle a guest's vCPUs if its memory is dirtied faster than "
            + "it is sent")
    boolean autoConverge;

    @Option(names = "--postcopy", description = "switch to post-copy once the first pass over the guest's memory "
            + "is done (virsh migrate --postcopy --postcopy-after-precopy): the guest runs on the destination, which "
            + "fetches the pages not yet sent; refused for a device whose state QEMU migrates (an mdev)")
    boolean postcopy;

    @Option(names = "--timeout", paramLabel = "S", converter = CliTypes.PositiveLong.class,
            description = "abort a guest's live migration after S seconds and roll it back")
    Long timeout;

    @Option(names = "--agent-timeout", paramLabel = "S", defaultValue = "60", converter = CliTypes.PositiveLong.class,
            description = "seconds to wait for each guest's agent on the destination (default: ${DEFAULT-VALUE})")
    long agentTimeout;

    @Option(names = "--detach-timeout", paramLabel = "S", defaultValue = "20", converter = CliTypes.PositiveLong.class,
            description = "seconds to wait for DEVICE_REMOVED per unplug request (default: ${DEFAULT-VALUE})")
    long detachTimeout;

    @Option(names = "--guest-timeout", paramLabel = "S", defaultValue = "60", converter = CliTypes.PositiveLong.class,
            description = "seconds to wait for a hot-plugged VF to show in the guest (default: ${DEFAULT-VALUE})")
    long guestTimeout;

    @Option(names = "--metrics-file", paramLabel = "PATH", description = "write the migration's timings to PATH in "
            + "the Prometheus text format, for node_exporter's textfile collector: seconds in total and per phase, "
            + "bytes moved, device gaps, success 1 or 0 (0 with the failed step when refused or failed); evacuate: "
            + "one series per guest. The file is replaced atomically (a temporary file beside it, renamed over it); "
            + "its directory must exist and be writable")
    Path metricsFile;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /**
     * Refuses a {@code --pool} or {@code --dest-pool} FILE that was given and does not exist (only the default
     * {@code --pool} may be absent).
     *
     * @throws CommandLine.ParameterException naming the option and the path
     */
    void checkPoolFiles() {
        PassthruCli.poolFile(command.commandLine(), "--pool", pool);
        PassthruCli.poolFile(command.commandLine(), "--dest-pool", destPool);
    }

    /**
     * Refuses a {@code --metrics-file} that could not be written ({@link MigrationMetrics#checkWritable}): a missing
     * directory, one this user may not write to, a directory given as the file.
     *
     * @throws CommandLine.ParameterException (exit 2) naming the path and the fix
     */
    void checkMetricsFile() {
        if (metricsFile == null) {
            return;
        }
        try {
            MigrationMetrics.checkWritable(metricsFile);
        } catch (InvalidRequestException e) {
            throw new CommandLine.ParameterException(command.commandLine(), "--metrics-file " + e.getMessage()
                    + "; nothing was changed");
        }
    }

    /**
     * Runs one migration, and with {@code --metrics-file} writes its metrics whatever happens: the report's when it
     * migrated, success 0 with the failed step when it threw (which is then thrown on).
     *
     * @param askedMode the {@code --mode} given, for the metrics of a run that did not migrate
     */
    MigrationFlow.Report recorded(String domain, String source, MigrationFlow.Mode askedMode,
                                  Supplier<MigrationFlow.Report> migration) {
        long t0 = System.nanoTime();
        MigrationFlow.Report r;
        try {
            r = migration.get();
        } catch (RuntimeException e) {
            writeMetrics(List.of(MigrationMetrics.Run.notMigrated(domain, source, dest, askedMode, e,
                    Duration.ofNanos(System.nanoTime() - t0), Instant.now())));
            throw e;
        }
        writeMetrics(List.of(MigrationMetrics.Run.migrated(r, Instant.now())));
        return r;
    }

    /**
     * With {@code --metrics-file}, writes {@code runs} there ({@link MigrationMetrics#write}); a file that cannot be
     * written is a warning on standard error, not a failure: the migrations are done.
     */
    void writeMetrics(List<MigrationMetrics.Run> runs) {
        if (metricsFile == null) {
            return;
        }
        try {
            MigrationMetrics.write(metricsFile, runs);
        } catch (RuntimeException e) {
            System.err.println("passthru: warning: " + e.getMessage());
        }
    }

    /** The source host's device pool: {@code --pool}, or null when the default file does not exist. */
    DevicePool sourcePool() {
        return PassthruCli.optionalPool(PassthruCli.poolFile(command.commandLine(), "--pool", pool));
    }

    /** The destination host's device pool: {@code --dest-pool}, else as {@link #sourcePool()}. */
    DevicePool destPool() {
        return destPool == null ? sourcePool()
                : PassthruCli.optionalPool(PassthruCli.poolFile(command.commandLine(), "--dest-pool", destPool));
    }

    /**
     * One migration's controls from these options.
     *
     * @param listener     its step and progress events
     * @param cancellation its cancellation (one serves one migration)
     * @throws io.passthru.manager.error.InvalidRequestException as {@link MigrationControls}' checks
     */
    MigrationControls controls(MigrationListener listener, Cancellation cancellation) {
        return new MigrationControls(maxDowntime, bandwidth, autoConverge,
                timeout == null ? null : Duration.ofSeconds(timeout), Duration.ofSeconds(agentTimeout), listener,
                cancellation, postcopy);
    }

    /** The hot-plug service with {@code --guest-timeout} and {@code --detach-timeout}. */
    Hotplug hotplug() {
        return new Hotplug(Duration.ofSeconds(guestTimeout), Duration.ofSeconds(detachTimeout));
    }
}
