package io.passthru.manager.error;

import io.passthru.PassthruException;

/** The request cannot be carried out as given (wrong VF, device not attached, guest not bonded...). Nothing changed. */
public class InvalidRequestException extends PassthruException {
    public InvalidRequestException(String message) {
        super(message);
    }

    /** With the failure that showed the request cannot be carried out (e.g. the guest agent's answer). */
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
