package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.MigrationEngine.StepHooks;
import io.passthru.manager.error.CopiesConflictException;
import io.passthru.manager.error.HostUnreachableException;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.manager.journal.Leases;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationKind;
import io.passthru.manager.migration.CopyState;
import io.passthru.manager.migration.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.passthru.manager.FakeLab.DST_VF;
import static io.passthru.manager.FakeLab.SRC_VF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration engine's run, its rollback and {@code recover} against {@link FakeLab} (two hosts, one guest, its
 * bond): every mode's steps in order; a process killed before and after every journaled step, then recovered; a
 * failure of every action, rolled back or left for recover and then recovered; a lost reply to Finish; hosts that
 * do not answer. Every case ends as the invariants demand: the guest runs on exactly one host, with its VF (the
 * bond's active slave), no VF held on the other host, no record left; or, when a host does not answer, nothing was
 * changed.
 */
class MigrationEngineTest {
    /** One mode, for bond with and without NetworkManager. */
    record Case(GuestStrategy strategy, boolean networkManager) {
        @Override
        public String toString() {
            return strategy.mode().id + (networkManager ? " (NetworkManager)" : "");
        }
    }

    static final List<Case> CASES = List.of(new Case(GuestStrategy.BOND, false), new Case(GuestStrategy.BOND, true),
            new Case(GuestStrategy.FAILOVER, false), new Case(GuestStrategy.UNPLUG_REPLUG, false),
            new Case(GuestStrategy.PLAIN, false));

    static final StepHooks NO_HOOKS = new StepHooks() {
        @Override
        public void beforeStep(String id) {
        }

        @Override
        public void afterStep(String id) {
        }
    };

    /** Hooks that record the steps and kill the process before or after one of them. */
    static final class Killer implements StepHooks {
        final List<String> seen = new ArrayList<>();
        final String before;
        final String after;

        Killer(String before, String after) {
            this.before = before;
            this.after = after;
        }

        @Override
        public void beforeStep(String id) {
            if (id.equals(before)) {
                throw new FakeLab.Crash("before " + id);
            }
        }

        @Override
        public void afterStep(String id) {
            seen.add(id);
            if (id.equals(after)) {
                throw new FakeLab.Crash("after " + id);
            }
        }
    }

    static Operation record(Case c) {
        Operation op = new Operation();
        op.id = "7f1c9a52-0000-4000-8000-000000000001";
        op.kind = OperationKind.MIGRATE;
        op.mode = c.strategy().mode().id;
        op.state = Operation.RUNNING;
        op.domain = "guest1";
        op.domainUuid = "4b1f0c1e-0000-4000-8000-000000000002";
        op.started = Instant.now().toString();
        op.step = "pre-checks";
        op.stepStatus = Operation.DONE;
        op.source = new Operation.Endpoint("fake://source", null, c.strategy().hasVf() ? SRC_VF.toString() : null);
        op.destination = new Operation.Endpoint("fake://destination", null, null);
        op.guest = c.strategy() == GuestStrategy.BOND ? GuestStrategyTest.guest(c.networkManager())
                : new Operation.Guest(GuestStrategyTest.MAC, null, null, null);
        op.vendorId = "8086";
        op.productId = "10ca";
        op.lease = Leases.mine();
        return op;
    }

    static MigrationEngine.Result run(FakeLab lab, Case c, StepHooks hooks) {
        return run(lab, c, hooks, lab.transfer());
    }

    static MigrationEngine.Result run(FakeLab lab, Case c, StepHooks hooks, MigrationEngine.Transfer transfer) {
        Operation op = record(c);
        MigrationSide src = lab.side(Side.SOURCE);
        try (MigrationEngine engine = new MigrationEngine(op, new Saga(), src, MigrationControls.defaults(),
                hooks)) {
            return engine.run(src, transfer, new MigrationEngine.Setup(c.strategy().hasVf() ? SRC_VF : null,
                    List.of(DST_VF), c.strategy() != GuestStrategy.PLAIN));
        }
    }

    /** {@code passthru recover} on what the lab holds: the record the hosts keep, the copies, the engine's steps. */
    static Recovery.Result recover(FakeLab lab, StepHooks hooks) {
        Operation op = lab.record().orElseThrow(() -> new AssertionError("no record to recover from"));
        return Recovery.resolveMigration(op, lab, null, lab::side, new Saga(), op.kind + ": step " + op.step,
                hooks);
    }

    /** The end every finished run, rollback or recovery must leave. */
    static void assertWhole(FakeLab lab, Case c, Side expected, String why) {
        assertEquals(expected, lab.running(), why + ": where the guest runs (copies " + lab.copies + ")");
        Side other = expected.other();
        assertFalse(lab.copies.get(other).live(), why + ": no second live copy " + lab.copies);
        assertNull(lab.attached.get(other), why + ": the " + other.id + " holds no VF for the guest");
        if (c.strategy().hasVf()) {
            assertNotNull(lab.attached.get(expected), why + ": the guest has a VF on the " + expected.id);
            assertTrue(lab.guest.linkOfMac.containsKey(GuestStrategyTest.MAC), why + ": the guest sees its VF");
            assertEquals(4, lab.free.get(Side.SOURCE).size() + lab.free.get(Side.DESTINATION).size() + 1,
                    why + ": no VF leaked or given twice (free " + lab.free + ", attached " + lab.attached + ")");
        }
        if (c.strategy() == GuestStrategy.BOND) {
            lab.guest.assertVfActive(why);
        }
        assertEquals(Optional.empty(), lab.record().map(o -> o.step), why + ": no record left");
    }

    static List<String> steps(Case c) {
        Killer k = new Killer(null, null);
        run(new FakeLab(c.strategy().hasVf()), c, k);
        return k.seen;
    }

    @Test
    void everyModeRunsItsDeclaredStepsInOrderAndEndsWhole() {
        Map<GuestStrategy, List<String>> expected = Map.of(
                GuestStrategy.BOND, List.of("switch-bond", "unenslave-vf", "unplug-vf", "migrate",
                        "migrate-journaled", "plug-vf", "dest-agent", "find-vf", "enslave-vf", "activate-vf",
                        "announce-addresses"),
                GuestStrategy.FAILOVER, List.of("unplug-vf", "migrate", "migrate-journaled", "announce", "plug-vf",
                        "dest-agent", "find-vf", "announce-addresses"),
                GuestStrategy.UNPLUG_REPLUG, List.of("unplug-vf", "migrate", "migrate-journaled", "plug-vf",
                        "dest-agent", "find-vf", "announce-addresses"),
                GuestStrategy.PLAIN, List.of("migrate", "migrate-journaled"));
        for (Case c : CASES) {
            FakeLab lab = new FakeLab(c.strategy().hasVf());
            Killer k = new Killer(null, null);
            MigrationEngine.Result r = run(lab, c, k);
            List<String> want = new ArrayList<>(expected.get(c.strategy()));
            if (c.networkManager()) {
                want.add(1, "nm-unmanage-vf");
            }
            assertEquals(want, k.seen, c.toString());
            assertWhole(lab, c, Side.DESTINATION, c + " migrated");
            assertEquals(c.strategy().hasVf() ? DST_VF : null, r.destVf(), c.toString());
            assertTrue(r.vfGapMs() >= 0, c + ": VF gap " + r.vfGapMs());
            assertEquals(c.strategy().announces(), lab.log.contains("announce on destination"), c.toString());
            assertEquals(c.strategy().hasVf(), lab.log.contains("announce addresses of " + GuestStrategyTest.MAC
                    + " on destination"), c + ": the guest announced its addresses from the VF");
            assertEquals(c.strategy().hasVf() ? List.of("bond0 192.0.2.5") : List.of(), r.announced(), c.toString());
            assertTrue(r.switchOverMs() >= 0, c.toString());
        }
    }

    @Test
    void theGuestAnnouncesItsAddressesOnlyOnceItsVfCarriesItsTraffic() {
        FakeLab lab = new FakeLab(true);
        run(lab, new Case(GuestStrategy.BOND, false), NO_HOOKS);
        int announced = lab.log.indexOf("announce addresses of " + GuestStrategyTest.MAC + " on destination");
        assertTrue(announced > 0, lab.log.toString());
        assertEquals(announced, lab.log.size() - 1, "the last thing the run did in the guest: " + lab.log);
        lab.guest.assertVfActive("the VF was the bond's active slave before the announcement");
    }

    /** Runs case {@code c} on {@code lab} with the guest agent, every warning added to {@code warnings}. */
    static MigrationEngine.Result runWarning(FakeLab lab, Case c, List<String> warnings) {
        MigrationControls controls = new MigrationControls(null, null, false, null, null, new MigrationListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }, null);
        MigrationSide src = lab.side(Side.SOURCE);
        try (MigrationEngine engine = new MigrationEngine(record(c), new Saga(), src, controls, NO_HOOKS)) {
            return engine.run(src, lab.transfer(), new MigrationEngine.Setup(SRC_VF, List.of(DST_VF), true));
        }
    }

    @Test
    void anAddressNotAnnouncedIsAWarningAndTheMigrationCompletes() {
        FakeLab lab = new FakeLab(true);
        lab.failing.add("announce-addresses");
        List<String> warnings = new ArrayList<>();
        Case c = new Case(GuestStrategy.UNPLUG_REPLUG, false);
        MigrationEngine.Result r = runWarning(lab, c, warnings);
        assertWhole(lab, c, Side.DESTINATION, "migrated with an announcement that failed");
        assertEquals(List.of(), r.announced());
        assertEquals(List.of("not announced: bond0 192.0.2.5: fake: arping failed"), warnings);
    }

    @Test
    void anArrivalStepThatMeetsTheAgentAwayRunsAgainOnceItAnswers() {
        for (String action : List.of("enslave", "activate")) {
            FakeLab lab = new FakeLab(true);
            lab.agentAway.add(action);
            Case c = new Case(GuestStrategy.BOND, false);
            run(lab, c, NO_HOOKS);
            assertWhole(lab, c, Side.DESTINATION, action + " met the agent away once");
            assertTrue(lab.agentAway.isEmpty(), action);
        }
        // away again after it answered: the step fails and the record says what is left
        FakeLab lab = new FakeLab(true);
        lab.agentAway.addAll(List.of("activate", "activate"));
        Case c = new Case(GuestStrategy.BOND, false);
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(lab, c, NO_HOOKS));
        assertTrue(e.getMessage().contains("not connected"), e.getMessage());
        assertEquals("passthru recover guest1 --connect fake://destination", e.leftToDo());
        // any other failure is not waited for
        PassthruException other = new PassthruException("fake: refused");
        int[] runs = {0};
        assertThrows(PassthruException.class, () -> MigrationEngine.againOnceTheAgentIsBack(
                new FakeLab(true).side(Side.DESTINATION), java.time.Duration.ofSeconds(1), () -> {
                    runs[0]++;
                    throw other;
                }));
        assertEquals(1, runs[0], "run once");
    }

    @Test
    void aGuestWithoutAnAgentIsAnnouncedByQemu() {
        FakeLab lab = new FakeLab(true);
        Case c = new Case(GuestStrategy.UNPLUG_REPLUG, false);
        Killer k = new Killer(null, null);
        Operation op = record(c);
        MigrationSide src = lab.side(Side.SOURCE);
        try (MigrationEngine engine = new MigrationEngine(op, new Saga(), src, MigrationControls.defaults(), k)) {
            engine.run(src, lab.transfer(), new MigrationEngine.Setup(SRC_VF, List.of(DST_VF), false));
        }
        assertEquals(List.of("unplug-vf", "migrate", "migrate-journaled", "plug-vf", "announce-addresses"), k.seen);
        assertTrue(lab.log.contains("announce on destination"), lab.log.toString());
        assertFalse(lab.log.stream().anyMatch(l -> l.startsWith("announce addresses")), lab.log.toString());
    }

    @Test
    void aProcessKilledBeforeOrAfterAnyStepOfAnyModeIsRecoveredToOneWholeCopy() {
        int cases = 0;
        for (Case c : CASES) {
            for (String id : steps(c)) {
                for (boolean after : new boolean[] {false, true}) {
                    if (!after && id.equals("migrate-journaled")) {
                        continue; // a point after a step, not a step
                    }
                    String why = c + ", killed " + (after ? "after " : "before ") + id;
                    FakeLab lab = new FakeLab(c.strategy().hasVf());
                    assertThrows(FakeLab.Crash.class, () -> run(lab, c, after ? new Killer(null, id)
                            : new Killer(id, null)), why);
                    assertTrue(lab.record().isPresent(), why + ": the record survives the process");
                    boolean migrated = lab.copies.get(Side.DESTINATION) == CopyState.RUNNING;
                    Recovery.Result r = recover(lab, NO_HOOKS);
                    assertTrue(r.complete(), why + ": " + r.summary());
                    assertEquals(migrated ? Recovery.ROLLED_FORWARD : Recovery.ROLLED_BACK, r.outcome(), why);
                    assertWhole(lab, c, migrated ? Side.DESTINATION : Side.SOURCE, why);
                    if (!migrated && c.strategy().hasVf()) {
                        assertEquals(SRC_VF, lab.attached.get(Side.SOURCE), why + ": the recorded VF comes back");
                    }
                    cases++;
                }
            }
        }
        assertEquals(2 * (11 + 12 + 8 + 7 + 2) - 5, cases, "kill points played");
    }

    @Test
    void aRecoverKilledMidwayIsFinishedByTheNextRecoverFromItsRecordedStep() {
        for (Case c : CASES) {
            if (!c.strategy().hasVf()) {
                continue;
            }
            for (String id : List.of("plug-vf", "dest-agent", "find-vf", "enslave-vf", "activate-vf")) {
                if (!steps(c).contains(id)) {
                    continue;
                }
                String why = c + ", migration killed after migrate, recover killed after " + id;
                FakeLab lab = new FakeLab(true);
                assertThrows(FakeLab.Crash.class, () -> run(lab, c, new Killer(null, "migrate")), why);
                assertThrows(FakeLab.Crash.class, () -> recover(lab, new Killer(null, id)), why);
                Operation left = lab.record().orElseThrow();
                assertEquals(id, left.step, why + ": the record names the step recover reached");
                int plugs = (int) lab.log.stream().filter(l -> l.startsWith("plug")).count();
                Recovery.Result r = recover(lab, NO_HOOKS);
                assertTrue(r.complete(), why + ": " + r.summary());
                assertWhole(lab, c, Side.DESTINATION, why);
                assertEquals(plugs, lab.log.stream().filter(l -> l.startsWith("plug")).count(),
                        why + ": the VF plugged by the first recover is kept, not plugged again");
                if (id.equals("enslave-vf")) {
                    assertFalse(r.steps().stream().anyMatch(s -> s.name().startsWith("enslave")),
                            why + ": a done arrival step on the same VF is not run again " + r.steps());
                }
            }
        }
    }

    @Test
    void aFailureOfAnyActionRollsBackBeforeTheMigrationAndIsRecoveredAfterIt() {
        for (Case c : CASES) {
            List<String> actions = switch (c.strategy()) {
                case BOND -> new ArrayList<>(List.of("switch", "unenslave", "unplug", "unplug-timeout", "migrate",
                        "plug-destination", "ping-destination", "find", "enslave", "activate"));
                case PLAIN -> new ArrayList<>(List.of("migrate"));
                default -> new ArrayList<>(List.of("unplug", "unplug-timeout", "migrate", "plug-destination",
                        "ping-destination", "find"));
            };
            if (c.networkManager()) {
                actions.add("managed");
            }
            for (String action : actions) {
                String why = c + ", " + action + " fails";
                FakeLab lab = new FakeLab(c.strategy().hasVf());
                lab.failing.add(action);
                MigrationFailedException e = assertThrows(MigrationFailedException.class,
                        () -> run(lab, c, NO_HOOKS), why);
                lab.failing.clear();
                boolean before = lab.copies.get(Side.DESTINATION) != CopyState.RUNNING;
                assertEquals(before, e.rolledBack(), why + ": " + e.getMessage());
                if (before) {
                    assertNull(e.leftToDo(), why + ": " + e.getMessage());
                    assertWhole(lab, c, Side.SOURCE, why + " (rolled back)");
                    continue;
                }
                assertEquals("passthru recover guest1 --connect fake://destination", e.leftToDo(), why);
                assertEquals(Operation.INCOMPLETE, lab.record().orElseThrow().state, why);
                assertEquals(Side.DESTINATION, lab.running(), why);
                Recovery.Result r = recover(lab, NO_HOOKS);
                assertEquals(Recovery.ROLLED_FORWARD, r.outcome(), why + ": " + r.summary());
                assertWhole(lab, c, Side.DESTINATION, why + " (recovered)");
            }
        }
    }

    @Test
    void aLostReplyToFinishRollsForwardAndRemovesThePausedSourceNeverResumesIt() {
        for (Case c : CASES) {
            FakeLab lab = new FakeLab(c.strategy().hasVf());
            lab.failing.add("migrate-lost-reply");
            MigrationEngine.Result r = run(lab, c, NO_HOOKS);
            assertFalse(lab.log.contains("resume source"), c + ": " + lab.log);
            assertTrue(lab.log.contains("destroy source"), c + ": " + lab.log);
            assertWhole(lab, c, Side.DESTINATION, c + " after a lost Finish reply");
            assertEquals(lab.attached.get(Side.DESTINATION), r.destVf(), c.toString());
        }
    }

    @Test
    void aDestinationSilentAfterAFailedMigrationChangesNothingUntilItAnswers() {
        for (Case c : CASES) {
            String why = c + ", Finish's reply lost and the destination silent";
            FakeLab lab = new FakeLab(c.strategy().hasVf());
            lab.failing.add("migrate-lost-reply");
            MigrationEngine.Transfer silent = silencing(lab);
            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> run(lab, c, NO_HOOKS, silent), why);
            assertFalse(e.rolledBack(), why);
            assertNull(e.runningOn(), why + ": where the guest runs is not claimed");
            assertEquals(CopyState.PAUSED, lab.copies.get(Side.SOURCE), why + ": the paused source is not resumed");
            assertEquals(CopyState.RUNNING, lab.copies.get(Side.DESTINATION), why);
            assertEquals(List.of(), lab.log.subList(lab.log.indexOf("migrate") + 1, lab.log.size()),
                    why + ": nothing done after the failed migration");
            lab.failing.clear();
            assertThrows(HostUnreachableException.class, () -> recover(lab, NO_HOOKS), why + ": recover refuses");
            assertEquals(CopyState.PAUSED, lab.copies.get(Side.SOURCE), why + ": recover changed nothing");
            lab.answers.put(Side.DESTINATION, true);
            Recovery.Result r = recover(lab, NO_HOOKS);
            assertEquals(Recovery.ROLLED_FORWARD, r.outcome(), why + ": " + r.summary());
            assertWhole(lab, c, Side.DESTINATION, why + ", then recovered");
        }
    }

    @Test
    void aFailedMigrationWithTheDestinationSilentRollsBackAndKeepsTheRecordForRecover() {
        for (Case c : CASES) {
            String why = c + ", migration refused and the destination silent";
            FakeLab lab = new FakeLab(c.strategy().hasVf());
            lab.failing.add("migrate");
            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> run(lab, c, NO_HOOKS, silencing(lab)), why);
            assertTrue(e.rolledBack(), why + ": " + e.getMessage());
            assertEquals("passthru recover guest1 --connect fake://source", e.leftToDo(), why);
            assertTrue(lab.record().isPresent(), why + ": the record stays until the destination was seen");
            lab.failing.clear();
            lab.answers.put(Side.DESTINATION, true);
            Recovery.Result r = recover(lab, NO_HOOKS);
            assertEquals(Recovery.ROLLED_BACK, r.outcome(), why + ": " + r.summary());
            assertWhole(lab, c, Side.SOURCE, why + ", then recovered");
        }
    }

    @Test
    void recoverActsOnlyWhereTheDecisionTableAllowsAndElseChangesNothing() {
        Case c = new Case(GuestStrategy.BOND, false);
        for (CopyState s : CopyState.values()) {
            for (CopyState d : CopyState.values()) {
                String why = "source " + s + ", destination " + d;
                FakeLab lab = new FakeLab(true);
                assertThrows(FakeLab.Crash.class, () -> run(lab, c, new Killer(null, "migrate")), why);
                setCopies(lab, s, d);
                Map<Side, CopyState> seen = Map.copyOf(lab.copies);
                Recovery.Result r;
                try {
                    r = recover(lab, NO_HOOKS);
                } catch (HostUnreachableException | CopiesConflictException refused) {
                    assertEquals(seen, Map.copyOf(lab.copies), why + ": a refusal changes nothing");
                    assertTrue(lab.record().isPresent(), why + ": the record stays");
                    continue;
                }
                assertFalse(s == CopyState.UNREACHABLE || d == CopyState.UNREACHABLE, why + ": acted blind");
                Side kept = r.outcome() == Recovery.ROLLED_FORWARD ? Side.DESTINATION : Side.SOURCE;
                assertWhole(lab, c, kept, why);
                if (seen.get(kept.other()) == CopyState.RUNNING) {
                    throw new AssertionError(why + ": a running copy was destroyed");
                }
            }
        }
    }

    /** The lab's copies set to {@code s} and {@code d}; an unreachable side does not answer. */
    private static void setCopies(FakeLab lab, CopyState s, CopyState d) {
        for (Side side : Side.values()) {
            CopyState state = side == Side.SOURCE ? s : d;
            lab.answers.put(side, state != CopyState.UNREACHABLE);
            lab.copies.put(side, state == CopyState.UNREACHABLE ? CopyState.RUNNING : state);
        }
    }

    /** The lab's transfer, whose destination stops answering when the live migration fails. */
    private static MigrationEngine.Transfer silencing(FakeLab lab) {
        MigrationEngine.Transfer t = lab.transfer();
        return new MigrationEngine.Transfer() {
            @Override
            public MigrationSide migrate() {
                try {
                    return t.migrate();
                } catch (RuntimeException e) {
                    lab.answers.put(Side.DESTINATION, false);
                    throw e;
                }
            }

            @Override
            public io.passthru.manager.migration.Copies copies() {
                return t.copies();
            }

            @Override
            public MigrationSide destination() {
                return t.destination();
            }

            @Override
            public void prepareMdev(Operation.Device d) {
                t.prepareMdev(d);
            }

            @Override
            public void removeMdev(Operation.Device d) {
                t.removeMdev(d);
            }
        };
    }

    @Test
    void verifyTimesTrafficFromTheSwitchOverAndReportsAnAddressThatNeverAnswers() {
        FakeLab lab = new FakeLab(true);
        MigrationEngine.Result migrated = run(lab, new Case(GuestStrategy.BOND, false), NO_HOOKS);
        lab.unreachable.add("192.0.2.99");
        Saga saga = new Saga();
        MigrationEngine.Result done = new MigrationEngine.Result(migrated.destination(), migrated.destVf(),
                migrated.vfGapMs(), 0, 0, Map.of(), 0, List.of());
        MigrationFlow.Request req = new MigrationFlow.Request("fake://source", "guest1", "fake://destination", null,
                null).withVerify(List.of("192.0.2.101", "192.0.2.99"), java.time.Duration.ofSeconds(3));
        List<MigrationFlow.Traffic> t = MigrationFlow.verify(req, done, saga, MigrationControls.defaults());
        assertEquals(2, t.size());
        assertTrue(t.get(0).answered());
        assertEquals(20, t.get(0).triedMs());
        assertTrue(t.get(0).timeToTrafficMs() >= 20, "from the switch-over (saga ms 0): " + t.get(0));
        assertFalse(t.get(1).answered());
        assertEquals(-1, t.get(1).timeToTrafficMs());
        assertEquals(3000, t.get(1).triedMs());
        assertEquals("fake: 100% packet loss", t.get(1).lastError());
        List<Saga.Step> steps = saga.timeline();
        assertEquals(List.of("verify: the guest reaches 192.0.2.101", "verify: the guest reaches 192.0.2.99"),
                steps.stream().map(Saga.Step::name).toList());
        assertTrue(steps.get(0).succeeded());
        assertFalse(steps.get(1).succeeded());
        assertTrue(steps.get(1).outcome().contains("192.0.2.99 did not answer the guest within 3000 ms (4 pings"),
                steps.get(1).outcome());
        assertEquals(List.of("reach 192.0.2.101 from destination", "reach 192.0.2.99 from destination"),
                lab.log.stream().filter(l -> l.startsWith("reach ")).toList());

        MigrationFlow.Report r = new MigrationFlow.Report("guest1", "fake://source", "fake://destination", SRC_VF,
                DST_VF, GuestStrategyTest.MAC, null, null, steps, 10, 5, Map.of(), "migrated-unverified", "id", null,
                "bond", 0, Map.of(), null, 0, null, Map.of(), null, List.of(), t);
        assertFalse(r.verified());
        assertTrue(r.leftToDo().startsWith("the guest runs on fake://destination, but 192.0.2.99 did not answer it"),
                r.leftToDo());
        MigrationFlow.Report ok = new MigrationFlow.Report("guest1", "fake://source", "fake://destination", SRC_VF,
                DST_VF, GuestStrategyTest.MAC, null, null, steps, 10, 5, Map.of(), "migrated", "id", null, "bond", 0,
                Map.of(), null, 0, null, Map.of(), null, List.of(), t.subList(0, 1));
        assertTrue(ok.verified());
        assertNull(ok.leftToDo());
    }
}
