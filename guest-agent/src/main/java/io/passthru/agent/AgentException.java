package io.passthru.agent;

import io.passthru.PassthruException;

/**
 * Root of the guest agent errors: the agent could not be reached ({@link AgentUnavailableException}),
 * did not answer in time ({@link AgentTimeoutException}), answered with a QGA error
 * ({@link AgentCommandException}), ran a guest process that failed ({@link GuestCommandFailedException}),
 * was given invalid input ({@link InvalidGuestInputException}), or answered something that does not
 * follow the QGA schema (this class itself).
 *
 * <p>Every constructor exists with an optional libvirt error code ({@code virErrorNumber}) so that an
 * {@link AgentChannel} implemented on libvirt can pass libvirt's code through; without one the code is
 * {@link PassthruException#NO_LIBVIRT_ERROR}.
 */
public class AgentException extends PassthruException {
    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }

    public AgentException(String message, Throwable cause, int libvirtErrorCode) {
        super(message, cause, libvirtErrorCode, null);
    }

    public AgentException(String message, Throwable cause, int libvirtErrorCode, String step) {
        super(message, cause, libvirtErrorCode, step);
    }
}
