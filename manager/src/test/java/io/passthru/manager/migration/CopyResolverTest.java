package io.passthru.manager.migration;

import io.passthru.manager.error.CopiesConflictException;
import io.passthru.manager.error.HostUnreachableException;
import io.passthru.manager.Saga;
import io.passthru.manager.libvirt.HostIdentity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.passthru.manager.migration.CopyState.ABSENT;
import static io.passthru.manager.migration.CopyState.PAUSED;
import static io.passthru.manager.migration.CopyState.RUNNING;
import static io.passthru.manager.migration.CopyState.UNREACHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyResolverTest {
    /**
     * The lab's case (issue 21): the guest runs on the destination, whose libvirtd is restarting; its paused copy
     * is left on the source. Nothing may be resumed.
     */
    @Test
    void pausedSourceWithUnreachableDestinationChangesNothingAndSaysWhatItSaw() {
        FakeCopies f = new FakeCopies(PAUSED, UNREACHABLE);
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> CopyResolver.resolve(f, null, new Saga()));
        assertEquals(List.of(), f.actions);
        assertTrue(e.getMessage().contains("the destination fake://destination did not answer"), e.getMessage());
        assertTrue(e.getMessage().contains("source fake://source [h1 (host UUID 11111111-0000-4000-8000-000000000001)]"
                + ": PAUSED"), e.getMessage());
        assertTrue(e.getMessage().contains("--force-side"), e.getMessage());
        assertEquals(PAUSED, f.states.get(Side.SOURCE));
    }

    @Test
    void pausedSourceWithRunningDestinationRollsForwardRemovingTheSourceCopy() {
        FakeCopies f = new FakeCopies(PAUSED, RUNNING);
        Saga saga = new Saga();
        CopyResolver.Outcome out = CopyResolver.resolve(f, null, saga);
        assertEquals(Side.DESTINATION, out.keep());
        assertEquals(List.of("destroy source", "undefine source"), f.actions);
        assertEquals(ABSENT, f.states.get(Side.SOURCE));
        assertEquals(List.of("destroy the copy on the source", "undefine the copy on the source"),
                saga.timeline().stream().map(Saga.Step::name).toList());
    }

    @Test
    void pausedSourceWithDestinationGoneIsResumed() {
        FakeCopies f = new FakeCopies(PAUSED, ABSENT);
        assertEquals(Side.SOURCE, CopyResolver.resolve(f, null, new Saga()).keep());
        assertEquals(List.of("resume source"), f.actions);
        assertEquals(1, f.running());
    }

    /** The destination answered on the first look and went away before the resume: the resume does not happen. */
    @Test
    void aFreshLookBeforeEachActionStopsItWhenTheOtherSideChanged() {
        FakeCopies f = new FakeCopies(PAUSED, ABSENT);
        f.beforeLook = c -> {
            if (c.looks == 3) {
                c.states.put(Side.DESTINATION, UNREACHABLE);
            }
        };
        CopiesConflictException e = assertThrows(CopiesConflictException.class,
                () -> CopyResolver.resolve(f, null, new Saga()));
        assertEquals(List.of(), f.actions);
        assertTrue(e.getMessage().startsWith("stopped before 'resume the copy on the source'"), e.getMessage());
    }

    @Test
    void bothRunningIsRefusedWithoutATouch() {
        FakeCopies f = new FakeCopies(RUNNING, RUNNING);
        CopiesConflictException e = assertThrows(CopiesConflictException.class,
                () -> CopyResolver.resolve(f, null, new Saga()));
        assertEquals(CopySafety.Refusal.BOTH_RUNNING, e.refusal());
        assertEquals(List.of(), f.actions);
    }

    /** A record of qemu:///system read on the destination: both sides reach one machine. */
    @Test
    void twoSidesOnOneMachineAreRefused() {
        FakeCopies f = new FakeCopies(PAUSED, RUNNING);
        f.machines.put(Side.SOURCE, new HostIdentity("22222222-0000-4000-8000-000000000002", "h2"));
        CopiesConflictException e = assertThrows(CopiesConflictException.class,
                () -> CopyResolver.resolve(f, null, new Saga()));
        assertEquals(CopySafety.Refusal.SAME_MACHINE, e.refusal());
        assertEquals(List.of(), f.actions);
    }

    /**
     * {@code recover} on the destination with a record of {@code qemu:///system}: the source URI answers as the
     * destination machine, so the source counts as unreachable (exit 3), which names the machines, rather than as
     * "one machine behind both sides".
     */
    @Test
    void aSourceUriThatReachesTheDestinationMachineIsUnreachableAndSaysWhy() {
        HostIdentity h2 = new HostIdentity("22222222-0000-4000-8000-000000000002", "h2");
        Copies copies = new Copies() {
            @Override
            public Sighting look(Side side) {
                return side == Side.SOURCE
                        ? new Sighting(side, "qemu:///system", CopyState.UNREACHABLE, h2, "this URI reaches " + h2
                        + ", not the recorded source h1")
                        : new Sighting(side, "qemu+tcp://h2/system", RUNNING, h2, null);
            }

            @Override
            public void resume(Side side) {
                throw new AssertionError("no change");
            }

            @Override
            public void destroy(Side side) {
                throw new AssertionError("no change");
            }

            @Override
            public void undefine(Side side) {
                throw new AssertionError("no change");
            }
        };
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> CopyResolver.resolve(copies, null, new Saga()));
        assertTrue(e.getMessage().contains("not the recorded source h1"), e.getMessage());
    }

    @Test
    void anOperatorWhoKnowsForcesTheSourceDespiteAnUnreachableDestination() {
        FakeCopies f = new FakeCopies(PAUSED, UNREACHABLE);
        CopyResolver.Outcome out = CopyResolver.resolve(f, Side.SOURCE, new Saga());
        assertTrue(out.decision().forced());
        assertEquals(List.of("resume source"), f.actions);
    }

    @Test
    void forcingTheDestinationDestroysTheSourceCopyFirst() {
        FakeCopies f = new FakeCopies(RUNNING, PAUSED);
        CopyResolver.resolve(f, Side.DESTINATION, new Saga());
        assertEquals(List.of("destroy source", "undefine source", "resume destination"), f.actions);
        assertEquals(1, f.running());
        assertEquals(RUNNING, f.states.get(Side.DESTINATION));
    }
}
