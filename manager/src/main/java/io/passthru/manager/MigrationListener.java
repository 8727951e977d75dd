package io.passthru.manager;

/** Events of a running migration; called on the migrating thread (steps) or a monitor thread (progress). */
public interface MigrationListener {
    /** Step {@code id} ({@code switch-bond}, {@code migrate}, ...) named {@code title} starts. */
    default void stepStarted(String id, String title) {
    }

    /** A step (or an undo) ended; times in ms since the operation started. */
    default void stepFinished(Saga.Step step) {
    }

    /**
     * Something the operator must know that did not stop the operation (e.g. a guest hook that failed on the
     * {@code post-plug} of a device given back by a rollback).
     */
    default void warning(String message) {
    }

    /** Job statistics of the live migration, about every 500 ms while it runs. */
    default void progress(MigrationProgress progress) {
    }
}
