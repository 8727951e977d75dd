package io.passthru.manager.migration;

import io.passthru.manager.libvirt.HostIdentity;

/**
 * What one look at one side found.
 *
 * @param side   which side
 * @param uri    the libvirt URI asked
 * @param state  the guest's copy there
 * @param host   the machine that answered (null when none did)
 * @param detail why the host counts as unreachable, or null
 */
public record Sighting(Side side, String uri, CopyState state, HostIdentity host, String detail) {
    /** "source qemu+tcp://h1/system: PAUSED" or "destination ...: UNREACHABLE (did not answer within 15 s)". */
    @Override
    public String toString() {
        return side.id + " " + uri + (host == null ? "" : " [" + host + "]") + ": " + state
                + (detail == null ? "" : " (" + detail + ")");
    }
}
