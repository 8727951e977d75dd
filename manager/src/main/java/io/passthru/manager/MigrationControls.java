package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import java.time.Duration;

/**
 * How the live migration runs (what {@code virsh migrate} users expect):
 *
 * @param maxDowntimeMs  longest pause of the guest at switch-over, ms ({@code virDomainMigrateSetMaxDowntime}); null:
 *                       QEMU's default (300 ms)
 * @param bandwidthMiBs  bandwidth cap, MiB/s ({@code VIR_MIGRATE_PARAM_BANDWIDTH}); null: unlimited
 * @param autoConverge   throttle the guest's vCPUs when memory is dirtied faster than sent
 *                       ({@code VIR_MIGRATE_AUTO_CONVERGE})
 * @param timeout        abort the migration job after this long and roll back; null: no limit
 * @param agentTimeout   how long the guest agent may take to answer on the destination after the migration
 * @param listener       step and progress events (never null)
 * @param cancellation   lets another thread (a SIGINT handler) abort the operation (never null)
 * @param postcopy       switch to post-copy once the first pass over the guest's memory is done
 *                       ({@code VIR_MIGRATE_POSTCOPY}, then {@code virDomainMigrateStartPostCopy}, as
 *                       {@code virsh migrate --postcopy --postcopy-after-precopy}): the guest runs on the destination,
 *                       which fetches the pages not yet sent; refused for a device whose state QEMU migrates (QEMU
 *                       blocks VFIO migration with post-copy: a VFIO device cannot wait for a page fault)
 */
public record MigrationControls(Long maxDowntimeMs, Long bandwidthMiBs, boolean autoConverge, Duration timeout,
                                Duration agentTimeout, MigrationListener listener, Cancellation cancellation,
                                boolean postcopy) {
    /** Default wait for the destination's guest agent: 60 s. */
    public static final Duration DEFAULT_AGENT_TIMEOUT = Duration.ofSeconds(60);

    public MigrationControls {
        if (maxDowntimeMs != null && maxDowntimeMs <= 0) {
            throw new InvalidRequestException("--max-downtime must be a positive number of ms, not " + maxDowntimeMs);
        }
        if (bandwidthMiBs != null && bandwidthMiBs <= 0) {
            throw new InvalidRequestException("--bandwidth must be a positive number of MiB/s, not " + bandwidthMiBs);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new InvalidRequestException("--timeout must be a positive number of seconds");
        }
        agentTimeout = agentTimeout == null ? DEFAULT_AGENT_TIMEOUT : agentTimeout;
        listener = listener == null ? new MigrationListener() { } : listener;
        cancellation = cancellation == null ? new Cancellation() : cancellation;
    }

    /** Pre-copy only (no {@code --postcopy}). */
    public MigrationControls(Long maxDowntimeMs, Long bandwidthMiBs, boolean autoConverge, Duration timeout,
                             Duration agentTimeout, MigrationListener listener, Cancellation cancellation) {
        this(maxDowntimeMs, bandwidthMiBs, autoConverge, timeout, agentTimeout, listener, cancellation, false);
    }

    /** libvirt's defaults, no limit, no events. */
    public static MigrationControls defaults() {
        return new MigrationControls(null, null, false, null, null, null, null);
    }
}
