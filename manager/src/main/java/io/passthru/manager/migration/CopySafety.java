package io.passthru.manager.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides what may be done to the two copies of a guest after a migration was interrupted or
 * failed: from what each host holds ({@link CopyState}) it says which copy is kept, what is done to each, or that
 * nothing may be done. Two rules hold in every entry:
 * <ul>
 *   <li>a copy is resumed only when the other copy was seen shut off or absent on a host that answered;</li>
 *   <li>a copy is destroyed or undefined only when the other copy was seen running on a host that answered.</li>
 * </ul>
 * So {@link CopyState#UNREACHABLE} never counts as gone: with either side unreachable nothing is done. Where the
 * copies leave the choice open (both running, both paused, none running) nothing is done either, and the operator
 * decides ({@code --force-side}). The phases behind the entries (libvirt's migration protocol, docs
 * "migration.html", v3: begin and perform on the source, prepare and finish on the destination, confirm on the
 * source): a source left paused after perform is resumed by confirm when the migration failed and killed when it
 * succeeded; a destination copy stays paused until finish resumes it; libvirt removes the incoming copy when the
 * client that drove prepare goes away.
 *
 * <pre>
 * source \ destination   RUNNING            PAUSED                  SHUTOFF               ABSENT          UNREACHABLE
 * RUNNING                refuse (two)       back: destroy+undef D   back: undefine D      back            refuse (3)
 * PAUSED                 fwd: destroy+undef S  refuse (which?)      back: resume S, undef D  back: resume S  refuse (3)
 * SHUTOFF                fwd: undefine S    fwd: resume D, undef S  refuse (nowhere)      refuse (nowhere) refuse (3)
 * ABSENT                 fwd                fwd: resume D           refuse (nowhere)      refuse (lost)   refuse (3)
 * UNREACHABLE            refuse (3)         refuse (3)              refuse (3)            refuse (3)      refuse (3)
 * </pre>
 * A copy in {@link CopyState#POSTCOPY} on either side refuses every entry, even a forced one: after the switch to
 * post-copy the destination runs the guest while the source still holds pages it has not sent, so resuming the
 * source runs a stale guest and removing either copy loses memory. libvirt finishes a post-copy migration whose
 * hosts both run, or resumes a broken one ({@code virsh migrate --postcopy --postcopy-resume}, libvirt 8.5).
 * Every action is checked again against a fresh look at the other side just before it runs ({@link CopyResolver}).
 */
public final class CopySafety {
    private CopySafety() {
    }

    /** Which way the guest goes. */
    public enum Verdict {
        /** The guest stays on (or goes back to) the source. */
        ROLL_BACK,
        /** The guest stays on the destination. */
        ROLL_FORWARD,
        /** Nothing may be done: {@link Decision#refusal()} says why. */
        REFUSE
    }

    /** Why nothing may be done. */
    public enum Refusal {
        /** A host did not answer (exit 3): its copy may run. */
        UNREACHABLE,
        /** Both copies run: passthru will not choose which one to stop. */
        BOTH_RUNNING,
        /** Both copies are paused: which one holds the guest's newest state is not known here. */
        BOTH_PAUSED,
        /** No copy runs, though one or both are defined: the operator starts the one to keep. */
        NOWHERE_RUNNING,
        /** Neither host has the guest. */
        LOST,
        /** The side the operator forced has no copy to keep. */
        FORCED_SIDE_EMPTY,
        /** Both recorded hosts are one machine: the record cannot be acted on. */
        SAME_MACHINE,
        /** A copy is in (or was left by) a post-copy migration: the guest's memory is split between the hosts. */
        POSTCOPY
    }

    /** What an action does to a copy. */
    public enum Kind { RESUME, DESTROY, UNDEFINE }

    /** One action on one side's copy. */
    public record Action(Kind kind, Side side) {
        @Override
        public String toString() {
            return switch (kind) {
                case RESUME -> "resume the copy on the " + side.id;
                case DESTROY -> "destroy the copy on the " + side.id;
                case UNDEFINE -> "undefine the copy on the " + side.id;
            };
        }
    }

    /**
     * The decision: the verdict, the side kept (null when refused), the actions in order, why it was refused (null
     * otherwise), and whether the operator forced it (then the two rules above were not checked for the other side).
     */
    public record Decision(Verdict verdict, Side keep, List<Action> actions, Refusal refusal, boolean forced) {
        public Decision {
            actions = List.copyOf(actions);
        }

        static Decision refuse(Refusal why) {
            return new Decision(Verdict.REFUSE, null, List.of(), why, false);
        }

        static Decision keep(Side side, boolean forced, Action... actions) {
            return new Decision(side == Side.SOURCE ? Verdict.ROLL_BACK : Verdict.ROLL_FORWARD, side,
                    List.of(actions), null, forced);
        }
    }

    /**
     * The decision for the copies seen.
     *
     * @param src    the source's copy
     * @param dst    the destination's copy
     * @param forced the side the operator chose to keep ({@code --force-side}), or null
     */
    public static Decision decide(CopyState src, CopyState dst, Side forced) {
        if (src == CopyState.POSTCOPY || dst == CopyState.POSTCOPY) {
            return Decision.refuse(Refusal.POSTCOPY);
        }
        if (forced != null) {
            return forced(forced, forced == Side.SOURCE ? src : dst, forced == Side.SOURCE ? dst : src);
        }
        if (src == CopyState.UNREACHABLE || dst == CopyState.UNREACHABLE) {
            return Decision.refuse(Refusal.UNREACHABLE);
        }
        Side s = Side.SOURCE;
        Side d = Side.DESTINATION;
        return switch (src) {
            case RUNNING -> switch (dst) {
                case RUNNING -> Decision.refuse(Refusal.BOTH_RUNNING);
                case PAUSED -> Decision.keep(s, false, new Action(Kind.DESTROY, d), new Action(Kind.UNDEFINE, d));
                case SHUTOFF -> Decision.keep(s, false, new Action(Kind.UNDEFINE, d));
                default -> Decision.keep(s, false);
            };
            case PAUSED -> switch (dst) {
                case RUNNING -> Decision.keep(d, false, new Action(Kind.DESTROY, s), new Action(Kind.UNDEFINE, s));
                case PAUSED -> Decision.refuse(Refusal.BOTH_PAUSED);
                case SHUTOFF -> Decision.keep(s, false, new Action(Kind.RESUME, s), new Action(Kind.UNDEFINE, d));
                default -> Decision.keep(s, false, new Action(Kind.RESUME, s));
            };
            case SHUTOFF -> switch (dst) {
                case RUNNING -> Decision.keep(d, false, new Action(Kind.UNDEFINE, s));
                case PAUSED -> Decision.keep(d, false, new Action(Kind.RESUME, d), new Action(Kind.UNDEFINE, s));
                default -> Decision.refuse(Refusal.NOWHERE_RUNNING);
            };
            case ABSENT -> switch (dst) {
                case RUNNING -> Decision.keep(d, false);
                case PAUSED -> Decision.keep(d, false, new Action(Kind.RESUME, d));
                case SHUTOFF -> Decision.refuse(Refusal.NOWHERE_RUNNING);
                default -> Decision.refuse(Refusal.LOST);
            };
            case UNREACHABLE -> Decision.refuse(Refusal.UNREACHABLE);
            case POSTCOPY -> Decision.refuse(Refusal.POSTCOPY);
        };
    }

    /**
     * The operator keeps {@code side}: its copy must be running or paused; the other copy, where its host answered,
     * is destroyed (when live) and undefined first, then the kept copy is resumed (when paused). An unreachable other
     * side is left as it is: the operator vouched for it.
     */
    private static Decision forced(Side side, CopyState keep, CopyState other) {
        if (!keep.live()) {
            return Decision.refuse(Refusal.FORCED_SIDE_EMPTY);
        }
        List<Action> actions = new ArrayList<>();
        if (other.live()) {
            actions.add(new Action(Kind.DESTROY, side.other()));
        }
        if (other == CopyState.SHUTOFF || other.live()) {
            actions.add(new Action(Kind.UNDEFINE, side.other()));
        }
        if (keep == CopyState.PAUSED) {
            actions.add(new Action(Kind.RESUME, side));
        }
        return Decision.keep(side, true, actions.toArray(new Action[0]));
    }

    /**
     * Whether {@code action} may run now that the other side was seen as {@code other}: resume needs it shut off or
     * absent, destroy and undefine need it running. Forced decisions skip the check.
     */
    public static boolean allowed(Action action, CopyState other) {
        return switch (action.kind()) {
            case RESUME -> other.seenStopped();
            case DESTROY, UNDEFINE -> other == CopyState.RUNNING;
        };
    }
}
