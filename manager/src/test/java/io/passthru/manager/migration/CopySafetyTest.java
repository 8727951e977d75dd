package io.passthru.manager.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.passthru.manager.migration.CopyState.ABSENT;
import static io.passthru.manager.migration.CopyState.PAUSED;
import static io.passthru.manager.migration.CopyState.RUNNING;
import static io.passthru.manager.migration.CopyState.SHUTOFF;
import static io.passthru.manager.migration.CopyState.UNREACHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision table, entry by entry, and the two rules checked by playing every decision on a model. */
class CopySafetyTest {
    /** The table as documented in {@link CopySafety}: "verdict: actions" per (source, destination). */
    static final Map<String, String> TABLE = new TreeMap<>(Map.ofEntries(
            Map.entry("RUNNING/RUNNING", "REFUSE BOTH_RUNNING"),
            Map.entry("RUNNING/PAUSED", "ROLL_BACK: DESTROY destination, UNDEFINE destination"),
            Map.entry("RUNNING/SHUTOFF", "ROLL_BACK: UNDEFINE destination"),
            Map.entry("RUNNING/ABSENT", "ROLL_BACK:"),
            Map.entry("RUNNING/UNREACHABLE", "REFUSE UNREACHABLE"),
            Map.entry("PAUSED/RUNNING", "ROLL_FORWARD: DESTROY source, UNDEFINE source"),
            Map.entry("PAUSED/PAUSED", "REFUSE BOTH_PAUSED"),
            Map.entry("PAUSED/SHUTOFF", "ROLL_BACK: RESUME source, UNDEFINE destination"),
            Map.entry("PAUSED/ABSENT", "ROLL_BACK: RESUME source"),
            Map.entry("PAUSED/UNREACHABLE", "REFUSE UNREACHABLE"),
            Map.entry("SHUTOFF/RUNNING", "ROLL_FORWARD: UNDEFINE source"),
            Map.entry("SHUTOFF/PAUSED", "ROLL_FORWARD: RESUME destination, UNDEFINE source"),
            Map.entry("SHUTOFF/SHUTOFF", "REFUSE NOWHERE_RUNNING"),
            Map.entry("SHUTOFF/ABSENT", "REFUSE NOWHERE_RUNNING"),
            Map.entry("SHUTOFF/UNREACHABLE", "REFUSE UNREACHABLE"),
            Map.entry("ABSENT/RUNNING", "ROLL_FORWARD:"),
            Map.entry("ABSENT/PAUSED", "ROLL_FORWARD: RESUME destination"),
            Map.entry("ABSENT/SHUTOFF", "REFUSE NOWHERE_RUNNING"),
            Map.entry("ABSENT/ABSENT", "REFUSE LOST"),
            Map.entry("ABSENT/UNREACHABLE", "REFUSE UNREACHABLE"),
            Map.entry("UNREACHABLE/RUNNING", "REFUSE UNREACHABLE"),
            Map.entry("UNREACHABLE/PAUSED", "REFUSE UNREACHABLE"),
            Map.entry("UNREACHABLE/SHUTOFF", "REFUSE UNREACHABLE"),
            Map.entry("UNREACHABLE/ABSENT", "REFUSE UNREACHABLE"),
            Map.entry("UNREACHABLE/UNREACHABLE", "REFUSE UNREACHABLE")));

    static {
        // a copy in (or left by) a post-copy migration: the guest's memory is split between the hosts
        for (CopyState other : CopyState.values()) {
            TABLE.put("POSTCOPY/" + other, "REFUSE POSTCOPY");
            TABLE.put(other + "/POSTCOPY", "REFUSE POSTCOPY");
        }
    }

    static String describe(CopySafety.Decision d) {
        if (d.verdict() == CopySafety.Verdict.REFUSE) {
            return "REFUSE " + d.refusal();
        }
        List<String> a = new ArrayList<>();
        d.actions().forEach(x -> a.add(x.kind() + " " + x.side().id));
        return d.verdict() + ":" + (a.isEmpty() ? "" : " " + String.join(", ", a));
    }

    @Test
    void everyPairOfStatesHasTheDocumentedDecision() {
        Map<String, String> actual = new TreeMap<>();
        for (CopyState s : CopyState.values()) {
            for (CopyState d : CopyState.values()) {
                actual.put(s + "/" + d, describe(CopySafety.decide(s, d, null)));
            }
        }
        assertEquals(TABLE, actual);
    }

    @Test
    void anUnreachableHostNeverCountsAsGone() {
        for (CopyState other : CopyState.values()) {
            assertEquals(CopySafety.Verdict.REFUSE, CopySafety.decide(UNREACHABLE, other, null).verdict());
            assertEquals(CopySafety.Verdict.REFUSE, CopySafety.decide(other, UNREACHABLE, null).verdict());
        }
    }

    /**
     * Plays each decision on a model of the two copies: before every resume the other copy is shut off or absent,
     * before every destroy or undefine it runs, and at the end exactly one copy runs, the kept one.
     */
    @Test
    void playedOutEveryDecisionKeepsOneRunningCopyAndResumesOrDestroysOnlyAsTheRulesSay() {
        for (CopyState s : CopyState.values()) {
            for (CopyState d : CopyState.values()) {
                CopySafety.Decision dec = CopySafety.decide(s, d, null);
                if (dec.verdict() == CopySafety.Verdict.REFUSE) {
                    assertTrue(dec.actions().isEmpty());
                    continue;
                }
                FakeCopies f = new FakeCopies(s, d);
                for (CopySafety.Action a : dec.actions()) {
                    CopyState other = f.states.get(a.side().other());
                    assertTrue(CopySafety.allowed(a, other), s + "/" + d + ": " + a + " while the other is " + other);
                    switch (a.kind()) {
                        case RESUME -> f.resume(a.side());
                        case DESTROY -> f.destroy(a.side());
                        case UNDEFINE -> f.undefine(a.side());
                    }
                }
                assertEquals(1, f.running(), s + "/" + d + " ends with " + f.states);
                assertEquals(RUNNING, f.states.get(dec.keep()), s + "/" + d);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void forcedSideIsKeptAndTheOtherRemovedWhereItsHostAnswered(Side keep) {
        for (CopyState kept : CopyState.values()) {
            for (CopyState other : CopyState.values()) {
                CopyState src = keep == Side.SOURCE ? kept : other;
                CopyState dst = keep == Side.SOURCE ? other : kept;
                CopySafety.Decision dec = CopySafety.decide(src, dst, keep);
                if (src == CopyState.POSTCOPY || dst == CopyState.POSTCOPY) {
                    assertEquals("REFUSE POSTCOPY", describe(dec), "forcing never splits a post-copy guest: "
                            + src + "/" + dst);
                    continue;
                }
                if (!kept.live()) {
                    assertEquals("REFUSE FORCED_SIDE_EMPTY", describe(dec), src + "/" + dst);
                    continue;
                }
                assertTrue(dec.forced());
                assertEquals(keep, dec.keep());
                FakeCopies f = new FakeCopies(src, dst);
                for (CopySafety.Action a : dec.actions()) {
                    switch (a.kind()) {
                        case RESUME -> f.resume(a.side());
                        case DESTROY -> f.destroy(a.side());
                        case UNDEFINE -> f.undefine(a.side());
                    }
                }
                assertEquals(RUNNING, f.states.get(keep), src + "/" + dst);
                CopyState left = f.states.get(keep.other());
                assertEquals(other == UNREACHABLE ? UNREACHABLE : ABSENT, left, src + "/" + dst);
            }
        }
    }

    @Test
    void resumeNeedsTheOtherStoppedAndDestroyNeedsItRunning() {
        CopySafety.Action resume = new CopySafety.Action(CopySafety.Kind.RESUME, Side.SOURCE);
        CopySafety.Action destroy = new CopySafety.Action(CopySafety.Kind.DESTROY, Side.SOURCE);
        assertTrue(CopySafety.allowed(resume, ABSENT) && CopySafety.allowed(resume, SHUTOFF));
        assertTrue(!CopySafety.allowed(resume, UNREACHABLE) && !CopySafety.allowed(resume, PAUSED)
                && !CopySafety.allowed(resume, RUNNING));
        assertTrue(CopySafety.allowed(destroy, RUNNING));
        for (CopyState s : new CopyState[] {PAUSED, SHUTOFF, ABSENT, UNREACHABLE}) {
            assertTrue(!CopySafety.allowed(destroy, s), s.toString());
        }
        assertNull(CopySafety.decide(RUNNING, ABSENT, null).refusal());
    }
}
