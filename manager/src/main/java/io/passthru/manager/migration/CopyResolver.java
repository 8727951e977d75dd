package io.passthru.manager.migration;

import io.passthru.manager.error.CopiesConflictException;
import io.passthru.manager.error.HostUnreachableException;
import io.passthru.manager.Saga;

import java.util.List;

/**
 * Looks at both copies of a guest, decides with {@link CopySafety} and carries the decision out, looking at the other
 * side again right before each action and stopping when the look no longer allows it. Every resume, destroy and
 * undefine of a migration's copies (the migration's own rollback and {@code passthru recover}) goes through here.
 */
public final class CopyResolver {
    /**
     * What was found and done.
     *
     * @param decision    the decision taken on the first look
     * @param source      the source as first seen
     * @param destination the destination as first seen
     */
    public record Outcome(CopySafety.Decision decision, Sighting source, Sighting destination) {
        /** Where the guest runs now: the kept side. */
        public Side keep() {
            return decision.keep();
        }
    }

    private CopyResolver() {
    }

    /**
     * Decides and acts; each action is a timed step of {@code saga} named after it.
     *
     * @param forced the side the operator keeps ({@code --force-side}), or null
     * @throws HostUnreachableException when a host did not answer (nothing was changed), naming it and what was seen
     * @throws CopiesConflictException  when the copies leave the choice open, or a fresh look stopped an action; the
     *                                  message says what was seen, what was done and what to do
     */
    public static Outcome resolve(Copies copies, Side forced, Saga saga) {
        Sighting src = copies.look(Side.SOURCE);
        Sighting dst = copies.look(Side.DESTINATION);
        // one machine behind both sides, each answering as the recorded machine (or none recorded); a side that
        // answered as another machine than recorded is unreachable, and says so below
        if (src.state() != CopyState.UNREACHABLE && dst.state() != CopyState.UNREACHABLE && src.host() != null
                && src.host().sameMachine(dst.host())) {
            throw new CopiesConflictException(CopySafety.Refusal.SAME_MACHINE, src, dst, "the source and the "
                    + "destination of the record reach the same machine " + src.host() + ": the record cannot be "
                    + "acted on from here; nothing was changed. Give the other host's URI (passthru recover "
                    + "--source-uri URI or --destination-uri URI)");
        }
        CopySafety.Decision d = CopySafety.decide(src.state(), dst.state(), forced);
        if (d.verdict() == CopySafety.Verdict.REFUSE) {
            throw refusal(d.refusal(), src, dst);
        }
        for (CopySafety.Action a : d.actions()) {
            if (!d.forced()) {
                Sighting other = copies.look(a.side().other());
                if (!CopySafety.allowed(a, other.state())) {
                    throw new CopiesConflictException(null, src, dst, "stopped before '" + a + "': the "
                            + other.side().id + " is now " + other + " (it was " + (a.side() == Side.SOURCE ? dst : src)
                            + "); steps done so far: " + saga.timeline().stream().map(Saga.Step::name).toList()
                            + ". Run passthru recover again once the hosts settle");
                }
            }
            saga.run(a.toString(), () -> {
                switch (a.kind()) {
                    case RESUME -> copies.resume(a.side());
                    case DESTROY -> copies.destroy(a.side());
                    case UNDEFINE -> copies.undefine(a.side());
                    default -> throw new IllegalStateException(a.toString());
                }
            }, null);
        }
        return new Outcome(d, src, dst);
    }

    /** The exception for a refused decision: what was seen, that nothing was changed, what the operator can do. */
    static RuntimeException refusal(CopySafety.Refusal why, Sighting src, Sighting dst) {
        String seen = "seen: " + src + "; " + dst;
        return switch (why) {
            case UNREACHABLE -> new HostUnreachableException("cannot tell where the guest runs: "
                    + List.of(src, dst).stream().filter(s -> s.state() == CopyState.UNREACHABLE)
                    .map(s -> "the " + s.side().id + " " + s.uri() + (s.host() == null ? " did not answer"
                            : " answered as another machine") + (s.detail() == null ? "" : " (" + s.detail() + ")"))
                    .reduce((a, b) -> a + " and " + b).orElse("")
                    + "; a copy there may run, so nothing was changed (" + seen + "). Run passthru recover again "
                    + "once the host answers, or, if you know which copy must live, --force-side source|destination");
            case BOTH_RUNNING -> new CopiesConflictException(why, src, dst, "the guest runs on both hosts (" + seen
                    + "): passthru will not choose; nothing was changed. Stop the copy that must go (virsh destroy) "
                    + "and run passthru recover again, or keep one with --force-side source|destination");
            case BOTH_PAUSED -> new CopiesConflictException(why, src, dst, "both copies are paused (" + seen + "): "
                    + "which one holds the guest's newest state is not known here; nothing was changed. Keep one "
                    + "with --force-side source|destination");
            case NOWHERE_RUNNING -> new CopiesConflictException(why, src, dst, "the guest runs on neither host ("
                    + seen + "); nothing was changed. Start it where it must run (virsh start) and run passthru "
                    + "recover again");
            case LOST -> new CopiesConflictException(why, src, dst, "neither host has the guest (" + seen + "); "
                    + "nothing was changed");
            case FORCED_SIDE_EMPTY -> new CopiesConflictException(why, src, dst, "the side forced to be kept has "
                    + "no running or paused copy (" + seen + "); nothing was changed");
            case SAME_MACHINE -> new CopiesConflictException(why, src, dst, "both sides are one machine (" + seen
                    + "); nothing was changed");
            case POSTCOPY -> new CopiesConflictException(why, src, dst, "the migration switched to post-copy ("
                    + seen + "): the guest's memory is split between the hosts, so neither copy may be resumed or "
                    + "removed on its own; nothing was changed. While both hosts run, libvirt finishes it; a broken "
                    + "one is resumed with virsh migrate --postcopy --postcopy-resume (libvirt 8.5+). Then run "
                    + "passthru recover again");
        };
    }
}
