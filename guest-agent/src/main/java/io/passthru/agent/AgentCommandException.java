package io.passthru.agent;

import io.passthru.PassthruException;

/**
 * The guest agent answered a command with a QGA error reply,
 * {@code {"error": {"class": CLASS, "desc": DESCRIPTION}}} (QEMU {@code qga/qapi-schema.json}; the class
 * is usually {@code GenericError}, or {@code CommandNotFound} for an unknown or disabled command).
 * The message names the command, the class and the description.
 */
public class AgentCommandException extends AgentException {
    private final String command;
    private final String errorClass;
    private final String description;

    /**
     * @param command     QGA command name, e.g. {@code "guest-exec"}
     * @param errorClass  the reply's {@code error.class}, may be {@code null} if absent
     * @param description the reply's {@code error.desc}, may be {@code null} if absent
     */
    public AgentCommandException(String command, String errorClass, String description) {
        this(command, errorClass, description, null, PassthruException.NO_LIBVIRT_ERROR);
    }

    /** As {@link #AgentCommandException(String, String, String)}, with a cause and libvirt's error code. */
    public AgentCommandException(String command, String errorClass, String description, Throwable cause,
                                 int libvirtErrorCode) {
        super("guest agent command '" + command + "' failed: " + errorClass + ": " + description,
                cause, libvirtErrorCode);
        this.command = command;
        this.errorClass = errorClass;
        this.description = description;
    }

    /** The QGA command that failed, e.g. {@code "guest-exec"}. */
    public String command() {
        return command;
    }

    /** The QGA error class, e.g. {@code "GenericError"}; {@code null} if the reply had none. */
    public String errorClass() {
        return errorClass;
    }

    /** The QGA error description ({@code desc}); {@code null} if the reply had none. */
    public String description() {
        return description;
    }
}
