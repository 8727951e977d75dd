package io.passthru.agent;

import io.passthru.PassthruException;

import java.util.List;

/**
 * A process started in the guest with {@code guest-exec} (QEMU {@code qga/qapi-schema.json}) exited
 * with a non-zero status or was terminated by a signal, as reported by {@code guest-exec-status}.
 * The message contains the argv, the exit status or signal, and stderr (truncated to
 * {@value #MAX_STDERR_IN_MESSAGE} characters; {@link #stderr()} has all of it).
 */
public class GuestCommandFailedException extends AgentException {
    /** Longest stderr excerpt put into the exception message, in characters. */
    public static final int MAX_STDERR_IN_MESSAGE = 2000;

    private final List<String> argv;
    private final int exitCode;
    private final int signal;
    private final String stdout;
    private final String stderr;

    /**
     * @param argv     the command that ran, argv[0] first
     * @param exitCode exit status, or -1 when the process was terminated by a signal
     * @param signal   terminating signal number, or 0 when the process exited normally
     * @param stdout   captured standard output (empty if none)
     * @param stderr   captured standard error (empty if none)
     */
    public GuestCommandFailedException(List<String> argv, int exitCode, int signal, String stdout, String stderr) {
        this(argv, exitCode, signal, stdout, stderr, null, PassthruException.NO_LIBVIRT_ERROR);
    }

    /** As {@link #GuestCommandFailedException(List, int, int, String, String)}, with a cause and libvirt's error code. */
    public GuestCommandFailedException(List<String> argv, int exitCode, int signal, String stdout, String stderr,
                                       Throwable cause, int libvirtErrorCode) {
        super(message(argv, exitCode, signal, stderr), cause, libvirtErrorCode);
        this.argv = List.copyOf(argv);
        this.exitCode = exitCode;
        this.signal = signal;
        this.stdout = stdout == null ? "" : stdout;
        this.stderr = stderr == null ? "" : stderr;
    }

    private static String message(List<String> argv, int exitCode, int signal, String stderr) {
        StringBuilder sb = new StringBuilder("guest command ").append(argv);
        if (signal != 0) {
            sb.append(" was killed by signal ").append(signal);
        } else {
            sb.append(" exited with status ").append(exitCode);
        }
        String err = stderr == null ? "" : stderr.strip();
        if (!err.isEmpty()) {
            if (err.length() > MAX_STDERR_IN_MESSAGE) {
                err = err.substring(0, MAX_STDERR_IN_MESSAGE) + "...";
            }
            sb.append(": stderr: ").append(err);
        }
        return sb.toString();
    }

    /** The command that ran, argv[0] first (unmodifiable). */
    public List<String> argv() {
        return argv;
    }

    /** The exit status, or -1 when the process was terminated by a signal. */
    public int exitCode() {
        return exitCode;
    }

    /** The terminating signal number, or 0 when the process exited normally. */
    public int signal() {
        return signal;
    }

    /** Captured standard output, never {@code null}. */
    public String stdout() {
        return stdout;
    }

    /** Captured standard error, never {@code null}. */
    public String stderr() {
        return stderr;
    }
}
