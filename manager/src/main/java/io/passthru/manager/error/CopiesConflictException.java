package io.passthru.manager.error;

import io.passthru.manager.migration.CopySafety;
import io.passthru.manager.migration.Sighting;

import io.passthru.PassthruException;

/**
 * The copies of a guest leave passthru no safe choice (both running, both paused, none running, one machine behind
 * both URIs), or a fresh look stopped an action; the message says what was seen and what to do. The record stays for
 * {@code passthru recover}.
 */
public class CopiesConflictException extends PassthruException {
    private final transient CopySafety.Refusal refusal;
    private final transient Sighting source;
    private final transient Sighting destination;

    public CopiesConflictException(CopySafety.Refusal refusal, Sighting source, Sighting destination, String message) {
        super(message);
        this.refusal = refusal;
        this.source = source;
        this.destination = destination;
    }

    /** Why the decision refused, or null when a fresh look stopped an action. */
    public CopySafety.Refusal refusal() {
        return refusal;
    }

    public Sighting source() {
        return source;
    }

    public Sighting destination() {
        return destination;
    }
}
