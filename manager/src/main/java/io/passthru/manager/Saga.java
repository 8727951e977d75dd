package io.passthru.manager;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A multi-step operation: each step runs, is timed, and once it succeeded registers how to undo it. On failure,
 * {@link #compensate(RuntimeException)} runs the undo actions in reverse order; their own failures are attached to
 * the original exception as suppressed exceptions. Every step and undo lands in the {@link #timeline()}.
 */
public final class Saga {
    /** How a timeline entry ended. */
    public enum Status { OK, FAILED }

    /**
     * One timeline entry: offsets and durations in ms since the saga started; {@code outcome} is what is shown
     * ({@code ok}, or {@code failed: } and the error), {@code status} and {@code undo} (a compensation's entry) what
     * code decides on (not serialized: the JSON keeps name, startMs, durationMs, outcome).
     */
    public record Step(String name, long startMs, long durationMs, String outcome,
                       @com.fasterxml.jackson.annotation.JsonIgnore Status status,
                       @com.fasterxml.jackson.annotation.JsonIgnore boolean undo) {
        /** A step that succeeded. */
        public static Step ok(String name, long startMs, long durationMs, boolean undo) {
            return new Step(name, startMs, durationMs, "ok", Status.OK, undo);
        }

        /** A step that failed with {@code error}. */
        public static Step failed(String name, long startMs, long durationMs, String error, boolean undo) {
            return new Step(name, startMs, durationMs, "failed: " + error, Status.FAILED, undo);
        }

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean succeeded() {
            return status == Status.OK;
        }
    }

    private final long t0 = System.nanoTime();
    private final List<Step> timeline = new ArrayList<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final Deque<String> undoNames = new ArrayDeque<>();

    /** Runs {@code action} as step {@code name}; {@code compensation} (may be null) undoes it. */
    public <T> T step(String name, Supplier<T> action, Runnable compensation) {
        long start = now();
        try {
            T result = action.get();
            timeline.add(Step.ok(name, start, now() - start, false));
            if (compensation != null) {
                undo.push(compensation);
                undoNames.push(name);
            }
            return result;
        } catch (RuntimeException e) {
            timeline.add(Step.failed(name, start, now() - start, e.getMessage(), false));
            throw e;
        }
    }

    /** A step without result. */
    public void run(String name, Runnable action, Runnable compensation) {
        step(name, () -> {
            action.run();
            return null;
        }, compensation);
    }

    /**
     * Undoes every completed step, newest first.
     *
     * @return true when every undo succeeded
     */
    public boolean compensate(RuntimeException cause) {
        boolean clean = true;
        while (!undo.isEmpty()) {
            Runnable r = undo.pop();
            String name = "undo " + undoNames.pop();
            long start = now();
            try {
                r.run();
                timeline.add(Step.ok(name, start, now() - start, true));
            } catch (RuntimeException e) {
                clean = false;
                cause.addSuppressed(e);
                timeline.add(Step.failed(name, start, now() - start, e.getMessage(), true));
            }
        }
        return clean;
    }

    /** Forgets the undo actions: past this point the operation rolls forward only. */
    public void commit() {
        undo.clear();
        undoNames.clear();
    }

    /** ms since the saga started. */
    public long now() {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    public List<Step> timeline() {
        return List.copyOf(timeline);
    }
}
