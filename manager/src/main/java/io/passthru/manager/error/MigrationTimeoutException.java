package io.passthru.manager.error;

import io.passthru.PassthruException;

/**
 * The live migration did not finish within the requested {@code --timeout}; passthru aborted the job
 * ({@code virDomainAbortJob}) and the flow rolls back. Carries libvirt's error code of the aborted call
 * (usually {@code VIR_ERR_OPERATION_ABORTED}, 78).
 */
public class MigrationTimeoutException extends PassthruException {
    public MigrationTimeoutException(String message, Throwable cause, int libvirtErrorCode) {
        super(message, cause, libvirtErrorCode, "live migrate");
    }
}
