package io.passthru.agent;

/**
 * Reply of {@code guest-exec-status} (QGA {@code GuestExecStatus}, QEMU {@code qga/qapi-schema.json}), with
 * {@code out-data}/{@code err-data} base64-decoded as UTF-8.
 *
 * @param exited       whether the process has terminated (the agent reaps it and forgets the pid once it
 *                     has reported {@code exited: true})
 * @param exitCode     exit status if it terminated normally, else {@code null}
 * @param signal       terminating signal number if it was killed, else {@code null}
 * @param stdout       captured standard output; empty when output was not captured or was empty
 * @param stderr       captured standard error; empty when output was not captured or was empty
 * @param outTruncated whether stdout was cut at the agent's capture limit
 * @param errTruncated whether stderr was cut at the agent's capture limit
 */
public record GuestExecStatus(boolean exited, Integer exitCode, Integer signal, String stdout, String stderr,
                              boolean outTruncated, boolean errTruncated) {
    public GuestExecStatus {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    /** {@code true} if the process exited normally with status 0. */
    public boolean succeeded() {
        return exited && signal == null && exitCode != null && exitCode == 0;
    }
}
