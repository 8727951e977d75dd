package io.passthru.manager.cli;

/**
 * SIGINT (Ctrl-C) handling for long operations: the handler runs instead of the JVM's default exit, so the
 * operation can abort its libvirt job and roll back before the process ends. Uses the JDK's
 * {@code sun.misc.Signal} (module jdk.unsupported), the only signal API of Java 17.
 */
final class Signals {
    private Signals() {
    }

    /** Runs {@code action} on each SIGINT (on the JVM's signal thread). */
    @SuppressWarnings("removal")
    static void onInterrupt(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> action.run());
        } catch (IllegalArgumentException e) {
            // SIGINT is not available (e.g. ignored by the parent): keep the default
        }
    }
}
