package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.agent.AgentException;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestInfo;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.libvirt.LibvirtAgentChannel;

import java.time.Duration;
import java.util.List;

/**
 * Whether a guest's agent lets passthru work inside the guest: every guest-side step (find the VF's netdev, enslave,
 * unenslave, switch the active slave) runs {@code ip} through {@code guest-exec} and {@code guest-exec-status}
 * ({@link GuestNetwork#REQUIRED_COMMANDS}). An agent can answer {@code guest-ping} and still refuse them: RHEL and
 * Fedora ship qemu-ga with a list of blocked commands that holds {@code guest-exec} (qemu-ga {@code --block-rpcs} /
 * {@code --allow-rpcs}, QEMU docs "QEMU Guest Agent"). {@code guest-info} tells which commands are enabled, so the
 * refusal is found before anything changes.
 */
final class GuestExecCheck {
    private GuestExecCheck() {
    }

    /**
     * Refuses, before anything changes, when the guest's agent does not run the guest-side commands.
     *
     * @param needFor what needs them, for the message (e.g. "the bond mode")
     * @throws InvalidRequestException when the agent refuses one of {@link GuestNetwork#REQUIRED_COMMANDS}
     * @throws AgentException          when the agent does not answer {@code guest-info}
     */
    static void require(org.libvirt.Domain dom, String domainName, String needFor) {
        List<String> refused = refused(new GuestAgent(new LibvirtAgentChannel(dom)).info());
        if (!refused.isEmpty()) {
            throw new InvalidRequestException(message(domainName, refused, needFor));
        }
    }

    /**
     * Whether the agent answers {@code guest-info} within {@code patience} (one round trip, no guest-ping before it)
     * and runs the guest-side commands.
     */
    static boolean usable(org.libvirt.Domain dom, Duration patience) {
        try {
            return refused(new GuestAgent(new LibvirtAgentChannel(dom), patience).info()).isEmpty();
        } catch (AgentException e) {
            return false;
        }
    }

    static List<String> refused(GuestInfo info) {
        return info.refused(GuestNetwork.REQUIRED_COMMANDS);
    }

    static String message(String domainName, List<String> refused, String needFor) {
        return "the guest agent of '" + domainName + "' (qemu-ga) answers but refuses " + String.join(", ", refused)
                + ": " + needFor + " runs ip in the guest through them; nothing was changed. They are disabled in the "
                + "guest: qemu-ga runs with --block-rpcs naming them, or with an --allow-rpcs list without them "
                + "(RHEL, Fedora: the BLOCK_RPCS or FILTER_RPC_ARGS line of /etc/sysconfig/qemu-ga; elsewhere the "
                + "block-rpcs= or allow-rpcs= key of /etc/qemu/qemu-ga.conf, or the unit's command line). Enable "
                + "them and restart qemu-guest-agent, or pair the VF with libvirt's virtio-net failover, which needs "
                + "no agent (virtio NIC with <teaming type='persistent'/>: passthru define --failover; then "
                + "passthru attach --failover and migrate --mode failover)";
    }
}
