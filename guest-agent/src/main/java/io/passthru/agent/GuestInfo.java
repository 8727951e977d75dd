package io.passthru.agent;

import java.util.Collection;
import java.util.List;

/**
 * Reply of {@code guest-info} (QGA {@code GuestAgentInfo}, QEMU {@code qga/qapi-schema.json}).
 *
 * @param version           qemu-ga version, e.g. {@code "7.2.0"}
 * @param supportedCommands every command the agent knows, with its enabled flag (unmodifiable)
 */
public record GuestInfo(String version, List<GuestCommandInfo> supportedCommands) {
    public GuestInfo {
        supportedCommands = List.copyOf(supportedCommands);
    }

    /** {@code true} if the agent knows {@code command} and it is enabled. */
    public boolean supports(String command) {
        return supportedCommands.stream().anyMatch(c -> c.name().equals(command) && c.enabled());
    }

    /**
     * The commands of {@code needed} this agent does not run: unknown to it, or disabled by the guest's
     * administrator (qemu-ga {@code --block-rpcs}, or an {@code --allow-rpcs} list without them), in
     * {@code needed}'s order; empty when it runs them all.
     */
    public List<String> refused(Collection<String> needed) {
        return needed.stream().filter(c -> !supports(c)).toList();
    }
}
