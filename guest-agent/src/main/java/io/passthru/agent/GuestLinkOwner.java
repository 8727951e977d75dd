package io.passthru.agent;

import java.util.List;

/**
 * Which network manager owns the guest's links, as far as passthru can tell through the guest agent: it decides
 * what an operator has to configure so that a VF lands in the guest's bond (and stays there).
 */
public enum GuestLinkOwner {
    /** NetworkManager runs ({@code nmcli} answers): its profiles decide which bond a netdev joins. */
    NETWORK_MANAGER,
    /** systemd-networkd is active: its {@code .network} files ({@code Bond=}) decide (systemd.network(5)). */
    SYSTEMD_NETWORKD,
    /** Neither: links are configured by hand or by scripts (ifupdown, the lab's busybox init). */
    NONE_FOUND;

    /** Asks the guest: NetworkManager first, then {@code systemctl is-active systemd-networkd}. */
    public static GuestLinkOwner detect(GuestAgent agent) {
        if (new GuestNetworkManager(agent).devicesIfRunning().isPresent()) {
            return NETWORK_MANAGER;
        }
        try {
            GuestExecStatus st = agent.run(List.of("/bin/systemctl", "is-active", "--quiet", "systemd-networkd"),
                    GuestNetwork.DEFAULT_COMMAND_TIMEOUT);
            return st.succeeded() ? SYSTEMD_NETWORKD : NONE_FOUND;
        } catch (AgentCommandException | GuestCommandFailedException notThere) {
            return NONE_FOUND; // no systemctl (no systemd), or the unit is not active
        }
    }

    /**
     * What to do so that the VF with {@code mac} is enslaved in {@code bond} under this owner: one sentence, for
     * messages.
     */
    public String howToEnslave(String mac, String bond) {
        return switch (this) {
            case NETWORK_MANAGER -> "NetworkManager manages the guest's links: give it a bond-slave profile for the "
                    + "VF's MAC (nmcli connection add type ethernet con-name " + bond + "-vf ethernet.mac-address "
                    + mac + " master " + bond + " slave-type bond); it then enslaves the VF by itself, and passthru "
                    + "leaves it that time";
            case SYSTEMD_NETWORKD -> "systemd-networkd manages the guest's links: a .network file with [Match] "
                    + "MACAddress=" + mac + " and [Network] Bond=" + bond + " enslaves the VF (systemd.network(5)); "
                    + "an enslave done by hand is lost when networkd reconfigures the link";
            case NONE_FOUND -> "Enslave it in an active-backup bond with a virtual NIC (passthru attach --bond "
                    + bond + ")";
        };
    }
}
