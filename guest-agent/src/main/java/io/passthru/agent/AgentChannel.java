package io.passthru.agent;

import java.time.Duration;

/**
 * Transport to one guest's QEMU guest agent. The manager implements it with libvirt's
 * {@code Domain.qemuAgentCommand}; {@link UnixSocketAgentChannel} implements it over the agent's UNIX socket.
 *
 * <p>Implementations must be safe to call from several threads (one command at a time is fine).
 */
public interface AgentChannel {
    /**
     * Sends one QGA command and returns its reply.
     *
     * @param commandJson one JSON object, {@code {"execute": NAME, "arguments": {...}}} (arguments optional),
     *                    as defined by QEMU {@code qga/qapi-schema.json}
     * @param timeout     how long to wait for the reply (positive)
     * @return the raw JSON reply, {@code {"return": ...}} or {@code {"error": {"class": ..., "desc": ...}}}
     * @throws AgentUnavailableException if the agent is not connected or not answering
     * @throws AgentTimeoutException     if no reply arrived within {@code timeout}
     * @throws AgentException            on any other transport failure
     */
    String execute(String commandJson, Duration timeout);
}
