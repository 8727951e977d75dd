package io.passthru.agent;

/**
 * One entry of {@code guest-info}'s {@code supported_commands} (QGA {@code GuestAgentCommandInfo}).
 *
 * @param name            QGA command name, e.g. {@code "guest-exec"}
 * @param enabled         whether the guest administrator left the command enabled
 *                        (qemu-ga {@code --block-rpcs}/{@code --allow-rpcs} disable commands)
 * @param successResponse whether the command sends a reply on success ({@code false} for guest-shutdown)
 */
public record GuestCommandInfo(String name, boolean enabled, boolean successResponse) {
}
