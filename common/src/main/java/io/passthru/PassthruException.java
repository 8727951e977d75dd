package io.passthru;

/**
 * Root of every error passthru raises. Unchecked: callers catch the typed subclasses they can handle
 * ({@code DomainNotFoundException}, {@code NoFreeDeviceException}, {@code AgentUnavailableException},
 * {@code DetachTimeoutException}, {@code HostNotReadyException}, {@code MigrationFailedException}, ...).
 *
 * <p>Carries libvirt's error code ({@code virErrorNumber}, see libvirt's {@code virterror.h}) when the
 * failure came from libvirt, else {@link #NO_LIBVIRT_ERROR}; and the name of the step of a multi-step
 * operation that failed, when there was one.
 */
public class PassthruException extends RuntimeException {
    /** Value of {@link #libvirtErrorCode()} when libvirt did not report the failure. */
    public static final int NO_LIBVIRT_ERROR = -1;

    private final int libvirtErrorCode;
    private final String step;

    public PassthruException(String message) {
        this(message, null, NO_LIBVIRT_ERROR, null);
    }

    public PassthruException(String message, Throwable cause) {
        this(message, cause, NO_LIBVIRT_ERROR, null);
    }

    public PassthruException(String message, Throwable cause, int libvirtErrorCode, String step) {
        super(message, cause);
        this.libvirtErrorCode = libvirtErrorCode;
        this.step = step;
    }

    /** libvirt's {@code virErrorNumber} for this failure, or {@link #NO_LIBVIRT_ERROR}. */
    public int libvirtErrorCode() {
        return libvirtErrorCode;
    }

    /** Name of the step that failed (e.g. {@code "hot-unplug VF"}), or {@code null} outside multi-step operations. */
    public String step() {
        return step;
    }
}
