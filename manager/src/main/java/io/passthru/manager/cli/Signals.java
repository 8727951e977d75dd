package io.passthru.manager.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * SIGINT (Ctrl-C) handling for long operations: the handler runs instead of the JVM's default exit, so the
 * operation can abort its libvirt job and roll back before the process ends. Uses the JDK's
 * {@code sun.misc.Signal} (module jdk.unsupported), the only signal API of Java 17.
 *
 * <p>Two steps ({@link TwoStep}): the first Ctrl-C prints what will happen and starts the action (the abort, which
 * calls libvirt and can block until libvirt's keepalive gives up on a dead connection) on a daemon thread of its own,
 * {@value #CANCEL_THREAD}, so the handler returns at once; a second Ctrl-C prints how to finish the operation later
 * and ends the process at once with {@link PassthruCli#EXIT_INTERRUPTED} ({@link Runtime#halt}: no shutdown hook and
 * no rollback runs; the operation's record stays in the domain's metadata for {@code passthru recover}).
 */
final class Signals {
    /** The name of the thread that runs the action of the first Ctrl-C. */
    static final String CANCEL_THREAD = "passthru-cancel";

    private Signals() {
    }

    /**
     * Handles SIGINT with a {@link TwoStep}: the first prints {@code firstMessage} and runs {@code action} on a new
     * daemon thread; the second prints {@code "passthru: second Ctrl-C: exiting now; " + secondHint} and halts with
     * {@link PassthruCli#EXIT_INTERRUPTED}. When SIGINT cannot be handled (the JVM refuses it, e.g. because the
     * parent started this process with SIGINT ignored, or the JVM runs with {@code -Xrs}), prints one warning line
     * to standard error and leaves SIGINT as it is.
     *
     * @param firstMessage the line printed on the first Ctrl-C, e.g. what the abort does
     * @param secondHint   the rest of the line printed on the second Ctrl-C: where the operation's record is and
     *                     how to finish it, e.g. {@code "... run passthru recover DOMAIN"}
     * @param action       the abort, e.g. {@code Cancellation::cancel}
     */
    static void onInterrupt(String firstMessage, String secondHint, Runnable action) {
        TwoStep steps = new TwoStep(firstMessage, secondHint, action, System.err,
                code -> Runtime.getRuntime().halt(code));
        install(steps, System.err);
    }

    /**
     * Makes {@code steps} the SIGINT handler; when the JVM refuses that, prints one warning line to {@code err}.
     *
     * @return whether SIGINT is now handled
     */
    @SuppressWarnings("removal")
    static boolean install(TwoStep steps, PrintStream err) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> steps.interrupted());
            return true;
        } catch (IllegalArgumentException e) {
            err.println("passthru: warning: Ctrl-C (SIGINT) cannot be handled (" + e.getMessage() + "; e.g. the "
                    + "parent process ignores it): Ctrl-C will not abort the operation cleanly; stop it with "
                    + "SIGTERM or let it finish");
            return false;
        }
    }

    /**
     * The two-step Ctrl-C logic, apart from the signal so that it can be tested: {@link #interrupted()} is what
     * one SIGINT does.
     */
    static final class TwoStep {
        private final String firstMessage;
        private final String secondHint;
        private final Runnable action;
        private final PrintStream err;
        private final IntConsumer halt;
        private final AtomicInteger count = new AtomicInteger();

        /**
         * @param firstMessage the line printed on the first interrupt
         * @param secondHint   the end of the line printed on the second interrupt
         * @param action       run on a new daemon thread {@value Signals#CANCEL_THREAD} on the first interrupt
         * @param err          where the lines go
         * @param halt         ends the process with the exit code it is given ({@link Runtime#halt} outside tests)
         */
        TwoStep(String firstMessage, String secondHint, Runnable action, PrintStream err, IntConsumer halt) {
            this.firstMessage = firstMessage;
            this.secondHint = secondHint;
            this.action = action;
            this.err = err;
            this.halt = halt;
        }

        /**
         * One SIGINT: the first starts the action on its own thread and returns at once (the thread is returned,
         * for tests); any later one prints the hint and calls {@code halt} with {@link PassthruCli#EXIT_INTERRUPTED}
         * (null is returned when {@code halt} returns, as in tests).
         */
        Thread interrupted() {
            if (count.incrementAndGet() == 1) {
                err.println(firstMessage);
                Thread t = new Thread(this::runAction, CANCEL_THREAD);
                t.setDaemon(true);
                t.start();
                return t;
            }
            err.println("passthru: second Ctrl-C: exiting now; " + secondHint);
            err.flush();
            halt.accept(PassthruCli.EXIT_INTERRUPTED);
            return null;
        }

        private void runAction() {
            try {
                action.run();
            } catch (RuntimeException e) {
                // the operation's own thread reports how it ended; this says why the abort did not take
                err.println("passthru: Ctrl-C: the abort failed: " + e.getMessage());
            }
        }
    }
}
