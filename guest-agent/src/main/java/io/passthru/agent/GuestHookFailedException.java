package io.passthru.agent;

import java.time.Duration;

/**
 * A guest device notification hook ({@link GuestHooks#run}) failed: it exited non-zero, was killed by a signal,
 * did not exit within its time limit (QGA cannot stop a guest process, so it may still run in the guest), or the
 * guest could not start it. The message names the hook, its arguments (event and device), what went wrong, the
 * hook's stderr and stdout (stripped, each cut to {@value #MAX_OUTPUT_IN_MESSAGE} characters; {@link #stderr()} and
 * {@link #stdout()} have all of it) and the fix.
 */
public class GuestHookFailedException extends AgentException {
    /** Longest excerpt of stdout and of stderr put into the exception message, in characters. */
    public static final int MAX_OUTPUT_IN_MESSAGE = 2000;

    private final String hook;
    private final String event;
    private final Integer exitCode;
    private final Integer signal;
    private final boolean timedOut;
    private final String stdout;
    private final String stderr;

    /**
     * @param hook     absolute path of the hook in the guest
     * @param event    the event id passed to it, e.g. {@code "pre-unplug"}
     * @param device   the device arguments passed after the event, space-separated (for the message)
     * @param exitCode its exit status, or {@code null} when it was killed, timed out or did not start
     * @param signal   the signal that killed it, or {@code null}
     * @param timeout  the limit it did not exit within, or {@code null} when it did not time out
     * @param stdout   captured standard output ({@code null} reads as empty)
     * @param stderr   captured standard error ({@code null} reads as empty)
     * @param cause    the agent error behind it, may be {@code null}
     */
    public GuestHookFailedException(String hook, String event, String device, Integer exitCode, Integer signal,
                                    Duration timeout, String stdout, String stderr, Throwable cause) {
        super(message(hook, event, device, exitCode, signal, timeout, stdout, stderr, cause), cause);
        this.hook = hook;
        this.event = event;
        this.exitCode = exitCode;
        this.signal = signal;
        this.timedOut = timeout != null;
        this.stdout = stdout == null ? "" : stdout;
        this.stderr = stderr == null ? "" : stderr;
    }

    private static String message(String hook, String event, String device, Integer exitCode, Integer signal,
                                  Duration timeout, String stdout, String stderr, Throwable cause) {
        StringBuilder sb = new StringBuilder("guest hook ").append(hook)
                .append(" (").append(event).append(' ').append(device).append(") ");
        if (timeout != null) {
            long ms = timeout.toMillis();
            sb.append("did not exit within ").append(ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms")
                    .append(" (QGA cannot stop it: it may still run in the guest)");
        } else if (signal != null) {
            sb.append("was killed by signal ").append(signal);
        } else if (exitCode != null) {
            sb.append("exited ").append(exitCode);
        } else {
            sb.append("could not be started").append(cause instanceof AgentCommandException a && a.description() != null
                    ? ": " + a.description() : cause == null ? "" : ": " + cause.getMessage());
        }
        String err = excerpt(stderr);
        String out = excerpt(stdout);
        sb.append(err.isEmpty() ? "" : ": " + err).append(out.isEmpty() ? "" : "; stdout: " + out);
        return sb.append("; fix or remove the hook in the guest, or migrate with --no-guest-notify").toString();
    }

    private static String excerpt(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() <= MAX_OUTPUT_IN_MESSAGE ? t : t.substring(0, MAX_OUTPUT_IN_MESSAGE) + "...";
    }

    /** Absolute path of the hook in the guest. */
    public String hook() {
        return hook;
    }

    /** The event id the hook was run for, e.g. {@code "pre-unplug"}. */
    public String event() {
        return event;
    }

    /** The hook's exit status; {@code null} when it was killed, timed out or could not be started. */
    public Integer exitCode() {
        return exitCode;
    }

    /** The signal that killed the hook, or {@code null}. */
    public Integer signal() {
        return signal;
    }

    /** Whether the hook did not exit within its limit (it may still run in the guest). */
    public boolean timedOut() {
        return timedOut;
    }

    /** The hook's captured standard output, never {@code null} (empty after a timeout). */
    public String stdout() {
        return stdout;
    }

    /** The hook's captured standard error, never {@code null} (empty after a timeout). */
    public String stderr() {
        return stderr;
    }
}
