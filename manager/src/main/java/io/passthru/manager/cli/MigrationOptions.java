package io.passthru.manager.cli;

import io.passthru.manager.Cancellation;
import io.passthru.manager.Hotplug;
import io.passthru.manager.MigrationControls;
import io.passthru.manager.MigrationListener;
import io.passthru.manager.pool.DevicePool;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The options {@code migrate} and {@code evacuate} share (a picocli mixin): the destination, the device pools, how
 * each live migration runs ({@link MigrationControls}) and the waits of the hot-plug steps ({@link Hotplug}).
 * Numbers are checked while parsing ({@link CliTypes.PositiveLong}: 1 or more); pool files in
 * {@link #checkPoolFiles()}; both before any libvirt connection.
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
