package io.passthru.manager.libvirt;

import io.passthru.agent.AgentChannel;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

import java.time.Duration;

/**
 * QGA transport through libvirt ({@code virDomainQemuAgentCommand}, libvirt-qemu.h): libvirt owns the
 * {@code org.qemu.guest_agent.0} channel and does the guest-sync itself. Timeouts are whole seconds (at least 1).
 */
public final class LibvirtAgentChannel implements AgentChannel {
    private final Domain domain;

    public LibvirtAgentChannel(Domain domain) {
        this.domain = domain;
    }

    @Override
    public String execute(String commandJson, Duration timeout) {
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        try {
            return domain.qemuAgentCommand(commandJson, seconds, 0);
        } catch (LibvirtException e) {
            throw LibvirtErrors.wrapAgent(commandName(commandJson), e);
        }
    }

    private static String commandName(String json) {
        int i = json.indexOf("\"execute\"");
        if (i < 0) {
            return "?";
        }
        int q1 = json.indexOf('"', json.indexOf(':', i) + 1);
        int q2 = q1 < 0 ? -1 : json.indexOf('"', q1 + 1);
        return q1 < 0 || q2 < 0 ? "?" : json.substring(q1 + 1, q2);
    }
}
