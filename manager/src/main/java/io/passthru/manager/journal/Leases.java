package io.passthru.manager.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Who owns an operation. An operation whose owner still lives is never touched by another process: on the owner's
 * own host that is decided by its process id and start time (a recycled pid is not the owner); from another host by
 * the owner's last journal write being younger than {@link #REMOTE_TTL}.
 */
public final class Leases {
    /**
     * How long an owner on another host is taken to be alive after its last journal write: 15 min (the longest
     * step, a live migration, writes nothing while it runs; pass {@code --timeout} to bound it).
     */
    public static final Duration REMOTE_TTL = Duration.ofMinutes(15);

    private Leases() {
    }

    /** A lease for this process, heartbeat now. */
    public static Operation.Lease mine() {
        Operation.Lease l = new Operation.Lease();
        ProcessHandle self = ProcessHandle.current();
        l.pid = self.pid();
        l.host = localHostName();
        l.processStart = self.info().startInstant().map(Instant::toString).orElse(null);
        l.heartbeat = Instant.now().toString();
        return l;
    }

    /**
     * Whether {@code lease} belongs to this very process: same host name, pid and process start time. The start time
     * matters where pids repeat: a CLI in a container is pid 1 on a fixed host name in every run.
     */
    public static boolean isMine(Operation.Lease lease) {
        if (lease == null || lease.pid != ProcessHandle.current().pid() || !localHostName().equals(lease.host)) {
            return false;
        }
        Instant recorded = parse(lease.processStart);
        Optional<Instant> start = ProcessHandle.current().info().startInstant();
        return recorded != null && start.isPresent()
                && Duration.between(start.get(), recorded).abs().compareTo(Duration.ofSeconds(2)) <= 0;
    }

    /** Whether the owner of {@code lease} is (or may be) still running the operation. */
    public static boolean isLive(Operation.Lease lease) {
        if (lease == null) {
            return false;
        }
        if (localHostName().equals(lease.host)) {
            Optional<ProcessHandle> p = ProcessHandle.of(lease.pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return false;
            }
            Optional<Instant> start = p.get().info().startInstant();
            Instant recorded = parse(lease.processStart);
            // the same pid started at another time is another process
            return start.isEmpty() || recorded == null
                    || Duration.between(start.get(), recorded).abs().compareTo(Duration.ofSeconds(2)) <= 0;
        }
        Instant beat = parse(lease.heartbeat);
        return beat != null && beat.plus(REMOTE_TTL).isAfter(Instant.now());
    }

    /** "pid 4242 on ops1, last seen 2026-12-01T20:00:05Z". */
    public static String describe(Operation.Lease lease) {
        return lease == null ? "no owner" : "pid " + lease.pid + " on " + lease.host + ", last journal write "
                + lease.heartbeat;
    }

    private static Instant parse(String t) {
        try {
            return t == null ? null : Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The kernel's host name ({@code /proc/sys/kernel/hostname}), else Java's, without a DNS look-up. */
    public static String localHostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "localhost";
            }
        }
    }
}
