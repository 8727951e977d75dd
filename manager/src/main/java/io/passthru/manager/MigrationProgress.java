package io.passthru.manager;

/**
 * One sample of the migration job's statistics ({@code virDomainGetJobStats}: {@code time_elapsed},
 * {@code data_total}, {@code data_processed}, {@code data_remaining}, {@code memory_bps}).
 *
 * @param elapsedMs      time since the job started, ms
 * @param dataTotal      bytes to transfer (grows while the guest dirties memory)
 * @param dataProcessed  bytes transferred
 * @param dataRemaining  bytes left
 * @param bytesPerSecond current memory transfer rate, bytes/s
 */
public record MigrationProgress(long elapsedMs, long dataTotal, long dataProcessed, long dataRemaining,
                                long bytesPerSecond) {
    /** Share processed, 0..100 (0 while the total is unknown). */
    public int percent() {
        return dataTotal <= 0 ? 0 : (int) Math.min(100, dataProcessed * 100 / dataTotal);
    }

    /** Transfer rate in MiB/s. */
    public double mibPerSecond() {
        return bytesPerSecond / 1048576.0;
    }
}
