package io.passthru.manager;

/**
 * A request to stop a running operation, e.g. from a SIGINT handler: before the live migration has completed the
 * operation aborts (the running migration job is aborted with {@code virDomainAbortJob}) and rolls back; after it,
 * the request is noted and the roll-forward finishes (the guest cannot go back).
 */
public final class Cancellation {
    private volatile boolean requested;
    private volatile Runnable onCancel;

    /**
     * Requests cancellation; runs the current abort action (if any) on the calling thread. That action calls libvirt
     * ({@code virDomainAbortJob}), which can block until libvirt's keepalive gives up on a dead connection (tens of
     * seconds): a signal handler calls this from a thread of its own (the CLI's {@code Signals} does), not from the
     * JVM's signal thread.
     */
    public void cancel() {
        requested = true;
        Runnable r = onCancel;
        if (r != null) {
            r.run();
        }
    }

    public boolean requested() {
        return requested;
    }

    /** The action {@link #cancel()} runs while a cancellable call (the migration job) is under way; null clears it. */
    void onCancel(Runnable action) {
        this.onCancel = action;
    }
}
