package io.passthru.manager;

import io.passthru.manager.GuestStrategy.DeclaredStep;
import io.passthru.manager.MigrationFlow.Step;
import io.passthru.manager.journal.Operation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration strategies' declared steps against a fake guest bond: for every mode, a crash after every release
 * step (and while each one ran, or before it ran) is undone by the compensations {@link Recovery} runs from the
 * record, leaving the VF the bond's active slave; the arrival steps give a new VF the bond; every step is an ensure.
 */
class GuestStrategyTest {
    static final String MAC = "52:54:00:a1:00:10";
    static final String BOND = "bond0";
    static final String BACKUP = "eth0";
    static final String VF = "eth1";

    /** A guest's bond as the kernel keeps it, with NetworkManager's managed flags. */
    static final class FakeGuest implements GuestStrategy.GuestBond {
        final Set<String> slaves = new LinkedHashSet<>();
        String active;
        final Map<String, Boolean> managed = new HashMap<>();
        final Map<String, String> linkOfMac = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        /** The healthy starting point: the VF and the virtual NIC in the bond, the VF active, both managed. */
        static FakeGuest healthy() {
            FakeGuest g = new FakeGuest();
            g.slaves.add(BACKUP);
            g.slaves.add(VF);
            g.active = VF;
            g.managed.put(BACKUP, true);
            g.managed.put(VF, true);
            g.linkOfMac.put(MAC, VF);
            return g;
        }

        String vf(String mac) {
            String link = linkOfMac.get(mac);
            if (link == null) {
                throw new IllegalStateException("no netdev with MAC " + mac);
            }
            return link;
        }

        @Override
        public void switchTo(String bond, String slave) {
            calls.add("switch " + slave);
            if (!slaves.contains(slave)) {
                throw new IllegalStateException(slave + " is not a slave of " + bond);
            }
            active = slave;
        }

        @Override
        public void activateVf(String mac, String bond) {
            calls.add("activate");
            String link = vf(mac);
            if (!slaves.contains(link)) {
                throw new IllegalStateException(link + " is not a slave of " + bond); // the kernel refuses
            }
            active = link;
        }

        @Override
        public void setManaged(String link, boolean m) {
            calls.add("managed " + m);
            managed.put(link, m);
        }

        @Override
        public void unenslave(String bond, String link) {
            calls.add("unenslave");
            slaves.remove(link);
            if (link.equals(active)) {
                active = slaves.isEmpty() ? null : slaves.iterator().next();
            }
        }

        @Override
        public String enslaveVf(String mac, String bond, boolean networkManager) {
            calls.add("enslave");
            String link = vf(mac);
            slaves.add(link);
            if (active == null) {
                active = link;
            }
            return link;
        }

        /** The invariant a finished rollback or roll-forward must leave. */
        void assertVfActive(String why) {
            String link = vf(MAC);
            assertTrue(slaves.contains(link), why + ": the VF is in the bond " + slaves);
            assertTrue(slaves.contains(BACKUP), why + ": the virtual NIC stays in the bond");
            assertEquals(link, active, why + ": the VF is the active slave");
            assertTrue(managed.getOrDefault(link, true), why + ": NetworkManager manages the VF again");
        }
    }

    static Operation.Guest guest(boolean networkManager) {
        Operation.Guest g = new Operation.Guest(MAC, BOND, BACKUP, VF);
        g.networkManager = networkManager ? Boolean.TRUE : null;
        return g;
    }

    private static List<String> ids(List<DeclaredStep> steps) {
        return steps.stream().map(s -> s.step().id).toList();
    }

    @Test
    void eachModeDeclaresItsStepsInOrder() {
        assertEquals(List.of("switch-bond", "unenslave-vf"), ids(GuestStrategy.BOND.release(guest(false))));
        assertEquals(List.of("switch-bond", "nm-unmanage-vf", "unenslave-vf"),
                ids(GuestStrategy.BOND.release(guest(true))));
        assertEquals(List.of("enslave-vf", "activate-vf"), ids(GuestStrategy.BOND.arrive(guest(true), "eth2")));
        for (GuestStrategy s : List.of(GuestStrategy.FAILOVER, GuestStrategy.UNPLUG_REPLUG, GuestStrategy.PLAIN)) {
            assertEquals(List.of(), s.release(guest(true)), s + " has no guest-side step");
            assertEquals(List.of(), s.arrive(guest(true), "eth2"), s.toString());
        }
        for (GuestStrategy s : GuestStrategy.values()) {
            for (DeclaredStep d : s.release(guest(true))) {
                assertFalse(d.step().afterMigration(), d.step() + " runs before the migration");
                assertTrue(d.compensation() != null, d.step() + " before the migration has a compensation");
            }
            for (DeclaredStep d : s.arrive(guest(true), "eth2")) {
                assertTrue(d.step().afterMigration(), d.step() + " runs after the migration");
            }
        }
        assertTrue(GuestStrategy.BOND.needsAgent() && GuestStrategy.BOND.releaseStartsGap());
        assertTrue(GuestStrategy.FAILOVER.announces() && !GuestStrategy.FAILOVER.needsAgent());
        assertFalse(GuestStrategy.PLAIN.hasVf());
    }

    @Test
    void strategyOfARecordFollowsItsMode() {
        assertEquals(GuestStrategy.BOND, GuestStrategy.ofRecord(null), "records before modes were kept are bonds");
        assertEquals(GuestStrategy.FAILOVER, GuestStrategy.ofRecord("failover"));
        assertEquals(GuestStrategy.UNPLUG_REPLUG, GuestStrategy.ofRecord("unplug-replug"));
        assertThrows(IllegalArgumentException.class, () -> GuestStrategy.of(MigrationFlow.Mode.AUTO));
    }

    /**
     * A crash after each release step (the step done), while it ran (started, action done, not recorded done) and
     * before its action ran (started, nothing done): the compensations Recovery takes from the record put the guest
     * back, and running them a second time changes nothing.
     */
    @Test
    void aCrashAtEveryReleaseStepIsUndoneFromTheRecord() {
        for (boolean nm : List.of(false, true)) {
            Operation.Guest g = guest(nm);
            List<DeclaredStep> release = GuestStrategy.BOND.release(g);
            for (int k = 0; k < release.size(); k++) {
                for (String crash : List.of("done", "ran", "not-run")) {
                    FakeGuest fake = FakeGuest.healthy();
                    Set<String> done = new HashSet<>();
                    for (int i = 0; i < k; i++) {
                        release.get(i).action().accept(fake);
                        done.add(release.get(i).step().id);
                    }
                    String current = release.get(k).step().id;
                    if (!crash.equals("not-run")) {
                        release.get(k).action().accept(fake);
                    }
                    if (crash.equals("done")) {
                        done.add(current);
                    }
                    String why = "bond" + (nm ? " with NetworkManager" : "") + ", crash " + crash + " at " + current;
                    List<DeclaredStep> undo = GuestStrategy.BOND.undoOnSource(g, done, current);
                    assertEquals(k + 1, undo.size(), why + ": one compensation per started step");
                    assertEquals(current, undo.get(0).step().id, why + ": newest first");
                    for (DeclaredStep s : undo) {
                        s.compensation().accept(fake);
                    }
                    fake.assertVfActive(why);
                    Set<String> slaves = new LinkedHashSet<>(fake.slaves);
                    for (DeclaredStep s : undo) {
                        s.compensation().accept(fake);
                    }
                    assertEquals(slaves, fake.slaves, why + ": undone twice, nothing more changes");
                    fake.assertVfActive(why + ", undone twice");
                }
            }
        }
    }

    @Test
    void aRecordWithNoReleaseStepHasNothingToUndoInTheGuest() {
        assertEquals(List.of(), GuestStrategy.BOND.undoOnSource(guest(true), Set.of(), "pre-checks"));
        assertEquals(List.of(), GuestStrategy.FAILOVER.undoOnSource(guest(false),
                Set.of("unplug-vf", "migrate"), "plug-vf"));
    }

    /** After the migration (or a rollback past the unplug) a new VF netdev appears outside the bond. */
    @Test
    void theArrivalStepsGiveANewVfTheBond() {
        for (boolean nm : List.of(false, true)) {
            Operation.Guest g = guest(nm);
            FakeGuest fake = new FakeGuest();
            fake.slaves.add(BACKUP);
            fake.active = BACKUP;
            fake.linkOfMac.put(MAC, "enp5s0"); // udev named the new VF differently
            for (DeclaredStep s : GuestStrategy.BOND.arrive(g, "enp5s0")) {
                s.action().accept(fake);
            }
            fake.assertVfActive("arrival" + (nm ? " with NetworkManager" : ""));
            int calls = fake.calls.size();
            for (DeclaredStep s : GuestStrategy.BOND.arrive(g, "enp5s0")) {
                s.action().accept(fake);
            }
            fake.assertVfActive("arrival run twice");
            assertEquals(2 * calls, fake.calls.size());
        }
    }

    /** Switching the bond first is what keeps the guest reachable: the VF leaves the bond only as a backup. */
    @Test
    void theVfLeavesTheBondOnlyAfterTheBondMovedToTheVirtualNic() {
        FakeGuest fake = FakeGuest.healthy();
        List<String> activeWhenUnenslaved = new ArrayList<>();
        for (DeclaredStep s : GuestStrategy.BOND.release(guest(true))) {
            if (s.step() == Step.UNENSLAVE_VF) {
                activeWhenUnenslaved.add(fake.active);
            }
            s.action().accept(fake);
        }
        assertEquals(List.of(BACKUP), activeWhenUnenslaved);
        assertEquals(BACKUP, fake.active);
        assertFalse(fake.slaves.contains(VF));
        assertFalse(fake.managed.get(VF), "NetworkManager leaves the VF alone while it goes");
    }
}
