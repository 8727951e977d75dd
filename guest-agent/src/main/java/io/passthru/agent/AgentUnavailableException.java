package io.passthru.agent;

/**
 * The guest agent is not connected or not answering: the agent socket does not exist or refuses the
 * connection, the connection was closed, or the agent did not answer the {@code guest-sync-delimited}
 * handshake (QEMU {@code qga/qapi-schema.json}) in time. libvirt reports the same conditions as
 * {@code VIR_ERR_AGENT_UNRESPONSIVE} (86).
 */
public class AgentUnavailableException extends AgentException {
    public AgentUnavailableException(String message) {
        super(message);
    }

    public AgentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public AgentUnavailableException(String message, Throwable cause, int libvirtErrorCode) {
        super(message, cause, libvirtErrorCode);
    }
}
