package io.passthru.manager.migration;

/**
 * What one host holds of a guest, as libvirt reported it there ({@code virDomainGetInfo} state, {@code
 * virDomainIsActive}, a lookup by UUID): a copy that runs, a paused copy (a migration's source after its perform
 * phase, or an incoming copy before its finish phase), a defined copy that does not run, none, or
 * {@link #UNREACHABLE}: the host did not answer in time, or answered as another machine than the one recorded. An
 * unreachable host may hold a running copy: it never counts as "gone".
 */
public enum CopyState {
    RUNNING, PAUSED, SHUTOFF, ABSENT, UNREACHABLE;

    /** A copy that holds the guest's memory: running or paused. */
    public boolean live() {
        return this == RUNNING || this == PAUSED;
    }

    /** Seen, on a host that answered, not to run: shut off or absent. */
    public boolean seenStopped() {
        return this == SHUTOFF || this == ABSENT;
    }
}
