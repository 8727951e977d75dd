package io.passthru.manager.check;

import java.util.List;
import java.util.Objects;

/**
 * Result of one local host check.
 *
 * @param name   what was checked, e.g. {@code iommu} or {@code iommu-group 0000:0a:10.0}
 * @param status outcome
 * @param detail what was found (the evidence)
 * @param remedy what to do; null on {@link Status#PASS}
 */
public record Check(String name, Status status, String detail, String remedy) {
    /** Outcome of one check: {@code FAIL} makes {@code check-host} exit 1, {@code WARN} does not. */
    public enum Status { PASS, WARN, FAIL }

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static Check pass(String name, String detail) {
        return new Check(name, Status.PASS, detail, null);
    }

    public static Check warn(String name, String detail, String remedy) {
        return new Check(name, Status.WARN, detail, remedy);
    }

    public static Check fail(String name, String detail, String remedy) {
        return new Check(name, Status.FAIL, detail, remedy);
    }

    /** True when no check failed (warnings allowed). */
    public static boolean ok(List<Check> checks) {
        return checks.stream().noneMatch(c -> c.status() == Status.FAIL);
    }
}
