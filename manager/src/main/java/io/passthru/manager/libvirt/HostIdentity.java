package io.passthru.manager.libvirt;

/**
 * Which machine a libvirt connection reaches, whatever URI reached it: the host UUID libvirt reports in its
 * capabilities ({@code <capabilities><host><uuid>}: libvirtd.conf {@code host_uuid}, else the SMBIOS system UUID;
 * libvirt formatcaps "Host capabilities") and the host name ({@code virConnectGetHostname}). A URI such as
 * {@code qemu:///system} means a different machine on each machine it is used from; the identity does not.
 *
 * @param uuid     the host UUID, or null when libvirt reported none
 * @param hostname the host name, or null when unknown
 */
public record HostIdentity(String uuid, String hostname) {
    /**
     * Whether both identities name the same machine: equal host UUIDs when both have one, else equal host names; two
     * unknown identities are not taken to be the same.
     */
    public boolean sameMachine(HostIdentity other) {
        if (other == null) {
            return false;
        }
        if (uuid != null && other.uuid != null) {
            return uuid.equalsIgnoreCase(other.uuid);
        }
        return hostname != null && hostname.equals(other.hostname);
    }

    /** "h2 (host UUID 5a5a...)". */
    @Override
    public String toString() {
        return (hostname == null ? "unnamed host" : hostname) + " (host UUID " + (uuid == null ? "unknown" : uuid)
                + ")";
    }
}
