package io.passthru.manager.error;

import io.passthru.PassthruException;

/**
 * Another live passthru process (this machine's lock, or a fresh lease in the domain's operation record) is running
 * a multi-step operation on the domain; nothing was changed.
 */
public class OperationInProgressException extends PassthruException {
    public OperationInProgressException(String message) {
        super(message);
    }
}
