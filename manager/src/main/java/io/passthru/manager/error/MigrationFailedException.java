package io.passthru.manager.error;

import io.passthru.PassthruException;

/**
 * A step of {@code passthru migrate} (or of its recovery) failed. {@link #step()} names it; compensations already
 * ran (their own failures are attached as suppressed exceptions). {@link #rolledBack()}: the guest is back as it was
 * on the source (VF active in its bond). {@link #rolledForward()}: the guest runs on the destination with a VF as
 * active slave. When neither holds, {@link #leftToDo()} says what is left and the domain's operation record keeps it
 * for {@code passthru recover}; {@link #runningOn()} is the libvirt URI where the guest runs (null when unknown).
 */
public class MigrationFailedException extends PassthruException {
    private final boolean rolledBack;
    private final boolean rolledForward;
    private final String leftToDo;
    private final String runningOn;
    private final String operationId;

    public MigrationFailedException(String message, Throwable cause, int libvirtErrorCode, String step,
                                    boolean rolledBack) {
        this(message, cause, libvirtErrorCode, step, rolledBack, false, null, null, null);
    }

    public MigrationFailedException(String message, Throwable cause, int libvirtErrorCode, String step,
                                    boolean rolledBack, boolean rolledForward, String leftToDo, String runningOn,
                                    String operationId) {
        super(message, cause, libvirtErrorCode, step);
        this.rolledBack = rolledBack;
        this.rolledForward = rolledForward;
        this.leftToDo = leftToDo;
        this.runningOn = runningOn;
        this.operationId = operationId;
    }

    public boolean rolledBack() {
        return rolledBack;
    }

    public boolean rolledForward() {
        return rolledForward;
    }

    /** What an operator (or {@code passthru recover}) still has to do, or null. */
    public String leftToDo() {
        return leftToDo;
    }

    public String runningOn() {
        return runningOn;
    }

    public String operationId() {
        return operationId;
    }
}
