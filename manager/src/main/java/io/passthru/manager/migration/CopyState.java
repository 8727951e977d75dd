package io.passthru.manager.migration;

/**
 * What one host holds of a guest, as libvirt reported it there ({@code virDomainGetInfo} state, {@code
 * virDomainIsActive}, a lookup by UUID): a copy that runs, a paused copy (a migration's source after its perform
 * phase, or an incoming copy before its finish phase), a defined copy that does not run, none, or
 * {@link #UNREACHABLE}: the host did not answer in time, or answered as another machine than the one recorded. An
 * unreachable host may hold a running copy: it never counts as "gone". {@link #POSTCOPY}: a copy in a post-copy
 * migration, or left by one that failed ({@code virDomainGetState} reason running/paused post-copy or post-copy
 * failed): the guest's memory is split between the two hosts, so neither copy is the guest on its own.
 */
public enum CopyState {
    RUNNING, PAUSED, SHUTOFF, ABSENT, UNREACHABLE, POSTCOPY;

    /** A copy that holds the guest's memory (or part of it): running, paused, or in post-copy. */
    public boolean live() {
        return this == RUNNING || this == PAUSED || this == POSTCOPY;
    }

    /** Seen, on a host that answered, not to run: shut off or absent. */
    public boolean seenStopped() {
        return this == SHUTOFF || this == ABSENT;
    }
}
