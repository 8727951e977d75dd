package io.passthru.agent;

/**
 * An argument for a guest operation was rejected before anything was sent to the guest: an interface or
 * bond name that is not a valid Linux interface name, a malformed MAC address, an empty argv, a string
 * with a NUL character, or a command that is not a JSON object. Plays the role of
 * {@link IllegalArgumentException} inside the {@link AgentException} hierarchy.
 */
public class InvalidGuestInputException extends AgentException {
    public InvalidGuestInputException(String message) {
        super(message);
    }

    public InvalidGuestInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
