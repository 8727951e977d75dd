package io.passthru.agent;

/**
 * A guest agent command, or a guest process run with {@link GuestAgent#run}, did not complete before its
 * deadline. After a command timeout the channel must re-synchronise ({@code guest-sync-delimited}) before
 * the next command, which {@link UnixSocketAgentChannel} does by itself.
 */
public class AgentTimeoutException extends AgentException {
    public AgentTimeoutException(String message) {
        super(message);
    }

    public AgentTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    public AgentTimeoutException(String message, Throwable cause, int libvirtErrorCode) {
        super(message, cause, libvirtErrorCode);
    }
}
