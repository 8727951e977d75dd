package io.passthru.manager;

import io.passthru.manager.MigrationEngineTest.Case;
import io.passthru.manager.MigrationEngineTest.Killer;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.migration.CopyState;
import io.passthru.manager.migration.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.passthru.manager.FakeLab.DST_DEV;
import static io.passthru.manager.FakeLab.DST_VF;
import static io.passthru.manager.FakeLab.SRC_DEV;
import static io.passthru.manager.FakeLab.SRC_VF;
import static io.passthru.manager.MigrationEngineTest.NO_HOOKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code hotplug} strategy in the migration engine, beside the guest's network strategy (bond) and alone (plain):
 * the hooks told before anything changes, the device unplugged, an equivalent plugged on the destination with its MAC
 * given back and the hooks told again; a hook that fails changes nothing; a process killed before or after any step
 * is recovered with the device on exactly one host and every "pre-unplug" the guest heard answered by a "post-plug".
 */
class DeviceMoveEngineTest {
    static final List<Case> CASES = List.of(new Case(GuestStrategy.BOND, false), new Case(GuestStrategy.PLAIN, false),
            new Case(GuestStrategy.FAILOVER, false));

    static Operation.Device device() {
        Operation.Device d = new Operation.Device();
        d.address = SRC_DEV.toString();
        d.kind = "pci";
        d.strategy = MigrationPlan.HOTPLUG;
        d.vendorId = "0x8086";
        d.productId = "0x10d3";
        d.guestAddress = "0000:07:00.0";
        d.alias = "hostdev0";
        d.mac = "52:54:00:00:01:06";
        d.link = "eth1";
        d.notify = true;
        d.destAddress = DST_DEV.toString();
        return d;
    }

    static MigrationEngine.Result run(FakeLab lab, Case c, MigrationEngine.StepHooks hooks) {
        Operation op = MigrationEngineTest.record(c);
        op.devices = new ArrayList<>(List.of(device()));
        MigrationSide src = lab.side(Side.SOURCE);
        try (MigrationEngine engine = new MigrationEngine(op, new Saga(), src, MigrationControls.defaults(), hooks)) {
            return engine.run(src, lab.transfer(), new MigrationEngine.Setup(c.strategy().hasVf() ? SRC_VF : null,
                    List.of(DST_VF), true));
        }
    }

    static List<String> steps(Case c) {
        Killer k = new Killer(null, null);
        run(new FakeLab(c.strategy().hasVf()).withDevice(), c, k);
        return k.seen;
    }

    /** The device is on the host the guest runs on and nowhere else, and the guest heard of every removal's end. */
    static void assertDeviceWhole(FakeLab lab, Side expected, String why) {
        assertEquals(1, lab.devices.get(expected).size(), why + ": the guest holds one device on the " + expected.id
                + " " + lab.devices);
        assertTrue(lab.devices.get(expected.other()).isEmpty(), why + ": none held on the " + expected.other().id);
        assertEquals(3, lab.devices.get(expected).size() + lab.freeDevices.get(Side.SOURCE).size()
                + lab.freeDevices.get(Side.DESTINATION).size(), why + ": no device leaked or given twice");
        long pre = lab.hooksTold.stream().filter(h -> h.startsWith("pre-unplug")).count();
        long post = lab.hooksTold.stream().filter(h -> h.startsWith("post-plug")).count();
        assertTrue(post >= pre, why + ": every pre-unplug the guest heard is followed by a post-plug " + lab.hooksTold);
        if (pre > 0) {
            String last = lab.hooksTold.get(lab.hooksTold.size() - 1);
            assertTrue(last.startsWith("post-plug") && last.endsWith("on " + expected.id), why + ": the guest last "
                    + "heard its device is back, where it runs " + lab.hooksTold);
        }
    }

    @Test
    void theDeviceMovesWithTheGuestNetworkStrategyTheHooksHearBothEventsInOrder() {
        for (Case c : CASES) {
            FakeLab lab = new FakeLab(c.strategy().hasVf()).withDevice();
            Killer k = new Killer(null, null);
            MigrationEngine.Result r = run(lab, c, k);
            String dev = "@" + SRC_DEV;
            List<String> seen = k.seen;
            assertEquals("pre-unplug-hooks" + dev, seen.get(0), c + ": the hooks are told before anything " + seen);
            assertTrue(seen.indexOf("unplug" + dev) < seen.indexOf("migrate"), c + ": unplugged before " + seen);
            assertTrue(seen.indexOf("plug" + dev) > seen.indexOf("migrate-journaled"), c + ": plugged after " + seen);
            if (c.strategy().hasVf()) {
                assertTrue(seen.indexOf("plug" + dev) > seen.indexOf("plug-vf"), c + ": the network first " + seen);
            }
            assertEquals(List.of("restore-mac" + dev, "post-plug-hooks" + dev),
                    seen.subList(seen.size() - 2, seen.size()), c + ": MAC back, then the hooks " + seen);
            assertEquals(List.of("pre-unplug " + SRC_DEV + " on source", "post-plug " + DST_DEV + " on destination"),
                    lab.hooksTold, c.toString());
            assertTrue(lab.log.contains("restore MAC 52:54:00:00:01:06 on destination"), c + ": " + lab.log);
            assertDeviceWhole(lab, Side.DESTINATION, c.toString());
            assertTrue(r.deviceGapsMs().containsKey(SRC_DEV.toString()), c + ": the device's gap " + r.deviceGapsMs());
        }
    }

    @Test
    void aHookThatFailsBeforeTheUnplugStopsTheMigrationWithNothingChanged() {
        for (Case c : CASES) {
            FakeLab lab = new FakeLab(c.strategy().hasVf()).withDevice();
            lab.failing.add("hook-pre-unplug");
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(lab, c, NO_HOOKS));
            assertTrue(e.rolledBack(), c + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("pre-unplug"), c + ": the failed step is named: " + e.getMessage());
            assertEquals(Side.SOURCE, lab.running(), c.toString());
            assertEquals(List.of(SRC_DEV), List.copyOf(lab.devices.get(Side.SOURCE)), c + ": the device stays");
            assertFalse(lab.log.stream().anyMatch(l -> l.startsWith("unplug")), c + ": nothing unplugged " + lab.log);
            assertTrue(e.getMessage().contains("device busy"), c + ": the hook's output: " + e.getMessage());
            assertEquals(List.of("pre-unplug " + SRC_DEV + " on source", "post-plug " + SRC_DEV + " on source"),
                    lab.hooksTold, c + ": the hooks that heard pre-unplug hear the device stays");
            assertTrue(lab.record().isEmpty(), c + ": no record left");
        }
    }

    @Test
    void aFailedMigrationGivesTheDeviceBackOnTheSourceAndTellsTheHooks() {
        for (Case c : CASES) {
            FakeLab lab = new FakeLab(c.strategy().hasVf()).withDevice();
            lab.failing.add("migrate");
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(lab, c, NO_HOOKS));
            assertTrue(e.rolledBack(), c + ": " + e.getMessage());
            assertEquals(List.of(SRC_DEV), List.copyOf(lab.devices.get(Side.SOURCE)), c + ": the same device back");
            assertDeviceWhole(lab, Side.SOURCE, c + " rolled back");
            assertEquals(List.of("pre-unplug " + SRC_DEV + " on source", "post-plug " + SRC_DEV + " on source"),
                    lab.hooksTold, c.toString());
        }
    }

    @Test
    void aProcessKilledBeforeOrAfterAnyStepIsRecoveredWithTheDeviceOnOneHost() {
        int played = 0;
        for (Case c : CASES) {
            for (String id : steps(c)) {
                for (boolean after : new boolean[] {false, true}) {
                    if (!after && id.equals("migrate-journaled")) {
                        continue;
                    }
                    String why = c + ", killed " + (after ? "after " : "before ") + id;
                    FakeLab lab = new FakeLab(c.strategy().hasVf()).withDevice();
                    assertThrows(FakeLab.Crash.class, () -> run(lab, c, after ? new Killer(null, id)
                            : new Killer(id, null)), why);
                    boolean migrated = lab.copies.get(Side.DESTINATION) == CopyState.RUNNING;
                    Recovery.Result r = MigrationEngineTest.recover(lab, NO_HOOKS);
                    assertTrue(r.complete(), why + ": " + r.summary());
                    assertDeviceWhole(lab, migrated ? Side.DESTINATION : Side.SOURCE, why);
                    MigrationEngineTest.assertWhole(lab, c, migrated ? Side.DESTINATION : Side.SOURCE, why);
                    if (!migrated) {
                        assertEquals(List.of(SRC_DEV), List.copyOf(lab.devices.get(Side.SOURCE)), why
                                + ": the recorded device comes back");
                    }
                    played++;
                }
            }
        }
        assertTrue(played > 40, "kill points played: " + played);
    }

    @Test
    void aDeviceThatCannotBePluggedOnTheDestinationIsLeftForRecoverAndRecovered() {
        FakeLab lab = new FakeLab(true).withDevice();
        lab.failing.add("plug-device-destination");
        Case c = new Case(GuestStrategy.BOND, false);
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(lab, c, NO_HOOKS));
        assertFalse(e.rolledBack(), e.getMessage());
        assertEquals("passthru recover guest1 --connect fake://destination", e.leftToDo());
        lab.failing.clear();
        Recovery.Result r = MigrationEngineTest.recover(lab, NO_HOOKS);
        assertEquals(Recovery.ROLLED_FORWARD, r.outcome(), r.summary());
        assertDeviceWhole(lab, Side.DESTINATION, "recovered");
    }
}
