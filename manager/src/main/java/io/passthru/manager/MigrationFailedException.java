package io.passthru.manager;

import io.passthru.PassthruException;

/**
 * A step of {@code passthru migrate} failed. {@link #step()} names it; compensations already ran (their own
 * failures are attached as suppressed exceptions) and {@link #rolledBack()} tells whether the guest is back as
 * it was on the source.
 */
public class MigrationFailedException extends PassthruException {
    private final boolean rolledBack;

    public MigrationFailedException(String message, Throwable cause, int libvirtErrorCode, String step,
                                    boolean rolledBack) {
        super(message, cause, libvirtErrorCode, step);
        this.rolledBack = rolledBack;
    }

    public boolean rolledBack() {
        return rolledBack;
    }
}
