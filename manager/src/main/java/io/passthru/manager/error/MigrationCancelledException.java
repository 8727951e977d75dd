package io.passthru.manager.error;

import io.passthru.PassthruException;

/** The operator cancelled (SIGINT) a migration before it completed; the flow rolls back. */
public class MigrationCancelledException extends PassthruException {
    public MigrationCancelledException(String message, String step) {
        super(message, null, NO_LIBVIRT_ERROR, step);
    }
}
