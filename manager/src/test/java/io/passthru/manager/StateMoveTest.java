package io.passthru.manager;

import io.passthru.manager.MigrationEngineTest.Case;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.migration.CopyState;
import io.passthru.manager.migration.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.passthru.manager.FakeLab.DST_VF;
import static io.passthru.manager.FakeLab.SRC_VF;
import static io.passthru.manager.MigrationEngineTest.NO_HOOKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code state} strategy (an mdev stays attached, QEMU migrates its state): the plan's decisions from QEMU's
 * blockers and the destination's mdevs, and the engine's steps (the destination's mdev made before anything else,
 * removed again when the migration fails, kept when it succeeds).
 */
class StateMoveTest {
    static final String UUID = "b1ae8bf6-38b0-4c81-9d44-78ce3f520496";
    static final String OTHER = "0c2f5e8a-1111-4222-8333-444455556666";

    static Operation.Device mdev(String parent) {
        Operation.Device d = new Operation.Device();
        d.address = UUID;
        d.kind = "mdev";
        d.strategy = MigrationPlan.STATE;
        d.mdevType = "mtty-2";
        d.mdevParent = parent;
        d.guestAddress = "0000:04:00.0";
        d.alias = "hostdev0";
        return d;
    }

    static MigrationEngine.Result run(FakeLab lab, Case c, Operation.Device d) {
        Operation op = MigrationEngineTest.record(c);
        op.devices = new ArrayList<>(List.of(d));
        MigrationSide src = lab.side(Side.SOURCE);
        try (MigrationEngine engine = new MigrationEngine(op, new Saga(), src, MigrationControls.defaults(),
                NO_HOOKS)) {
            return engine.run(src, lab.transfer(), new MigrationEngine.Setup(c.strategy().hasVf() ? SRC_VF : null,
                    List.of(DST_VF), true));
        }
    }

    @Test
    void theDestinationsMdevIsMadeFirstAndTheDeviceHasNoGap() {
        for (Case c : List.of(new Case(GuestStrategy.PLAIN, false), new Case(GuestStrategy.BOND, false))) {
            FakeLab lab = new FakeLab(c.strategy().hasVf());
            MigrationEngine.Result r = run(lab, c, mdev("mtty_mtty"));
            assertTrue(lab.log.indexOf("create mdev " + UUID) >= 0, c + ": " + lab.log);
            assertTrue(lab.log.indexOf("create mdev " + UUID) < lab.log.indexOf("migrate"), c + ": made before the "
                    + "migration " + lab.log);
            assertEquals(Map.of(UUID, 0L), r.deviceGapsMs(), c + ": the guest never lost it");
            assertEquals(Set.of(UUID), lab.destMdevs, c + ": kept on the destination, where the guest runs now");
            assertEquals(CopyState.RUNNING, lab.copies.get(Side.DESTINATION), c.toString());
        }
    }

    @Test
    void aFailedMigrationRemovesTheMdevItCreated() {
        for (Case c : List.of(new Case(GuestStrategy.PLAIN, false), new Case(GuestStrategy.BOND, false))) {
            FakeLab lab = new FakeLab(c.strategy().hasVf());
            lab.failing.add("migrate");
            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> run(lab, c, mdev("mtty_mtty")));
            assertTrue(e.rolledBack(), c + ": " + e.getMessage());
            assertTrue(lab.log.contains("remove mdev " + UUID), c + ": " + lab.log);
            assertTrue(lab.destMdevs.isEmpty(), c + ": nothing left on the destination " + lab.destMdevs);
            assertEquals(CopyState.RUNNING, lab.copies.get(Side.SOURCE), c + ": the guest runs on the source");
        }
    }

    @Test
    void theDestinationsOwnMdevIsRestartedAndLeftWhenTheMigrationFails() {
        FakeLab lab = new FakeLab(false);
        lab.failing.add("migrate");
        assertThrows(MigrationFailedException.class, () -> run(lab, new Case(GuestStrategy.PLAIN, false), mdev(null)));
        assertTrue(lab.log.contains("restart mdev " + UUID), lab.log.toString());
        assertFalse(lab.log.contains("remove mdev " + UUID), "not passthru's to remove: " + lab.log);
        assertEquals(Set.of(UUID), lab.destMdevs);
    }

    @Test
    void aParentThatRefusesStopsTheMigrationBeforeAnythingChanged() {
        FakeLab lab = new FakeLab(true);
        lab.failing.add("prepare-mdev");
        Case c = new Case(GuestStrategy.BOND, false);
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(lab, c, mdev("mtty_mtty")));
        assertTrue(e.rolledBack(), e.getMessage());
        assertFalse(lab.log.contains("migrate"), lab.log.toString());
        assertEquals(SRC_VF, lab.attached.get(Side.SOURCE), "the guest kept its VF: nothing was unplugged");
        assertEquals(CopyState.RUNNING, lab.copies.get(Side.SOURCE));
    }

    // ---- the plan

    static Mdevs.MdevType type(String parent, String id, int available) {
        return new Mdevs.MdevType(parent, parent.replace("mtty_", ""), id, "Dual port serial", "vfio-pci", available);
    }

    @Test
    void theDestinationGetsTheMdevOnAParentWithAnInstanceFree() {
        Operation.Device d = mdev(null);
        Map<String, Integer> claimed = new HashMap<>();
        MigrationPlan.Entry e = DevicePlanner.planState(d, List.of(), Set.of(), List.of(),
                List.of(type("mtty_a", "mtty-1", 9), type("mtty_b", "mtty-2", 0), type("mtty_c", "mtty-2", 1)),
                "qemu+tcp://h2/system", claimed);
        assertNull(e.refusal(), e.toString());
        assertEquals(MigrationPlan.STATE, e.strategy());
        assertEquals("mtty_c", d.mdevParent, "the parent with an instance free");
        assertEquals("hostdev0", e.name());
        assertEquals(UUID, e.mdevUuid());
        assertTrue(e.detail().contains("created on mtty_c"), e.detail());
        // the same plan cannot give the last instance twice
        Operation.Device second = mdev(null);
        second.address = OTHER;
        MigrationPlan.Entry e2 = DevicePlanner.planState(second, List.of(), Set.of(UUID), List.of(),
                List.of(type("mtty_c", "mtty-2", 1)), "qemu+tcp://h2/system", claimed);
        assertNotNull(e2.refusal(), e2.toString());
        assertTrue(e2.refusal().contains("passthru mdev create --type mtty-2 --uuid " + OTHER), e2.refusal());
    }

    @Test
    void theDestinationsOwnMdevOfTheSameTypeIsUsedOneOfAnotherTypeOrHeldIsRefused() {
        Operation.Device d = mdev("stale");
        MigrationPlan.Entry own = DevicePlanner.planState(d, List.of(), Set.of(),
                List.of(new Mdevs.Mdev(UUID, "mtty-2", "mtty_mtty", "mdev_x", true, true, null)), List.of(),
                "qemu+tcp://h2/system", new HashMap<>());
        assertNull(own.refusal(), own.toString());
        assertNull(d.mdevParent, "not created: the destination's own is restarted");
        MigrationPlan.Entry otherType = DevicePlanner.planState(mdev(null), List.of(), Set.of(),
                List.of(new Mdevs.Mdev(UUID, "mtty-1", "mtty_mtty", "mdev_x", true, true, null)),
                List.of(type("mtty_mtty", "mtty-2", 5)), "qemu+tcp://h2/system", new HashMap<>());
        assertTrue(otherType.refusal().contains("of type mtty-1, not mtty-2"), otherType.refusal());
        MigrationPlan.Entry held = DevicePlanner.planState(mdev(null), List.of(), Set.of(),
                List.of(new Mdevs.Mdev(UUID, "mtty-2", "mtty_mtty", "mdev_x", true, true, "other-guest")),
                List.of(), "qemu+tcp://h2/system", new HashMap<>());
        assertTrue(held.refusal().contains("domain 'other-guest'"), held.refusal());
    }

    @Test
    void qemusBlockersRefuseTheMdevTheyNameButNotADeviceThatIsUnpluggedFirst() {
        List<Mdevs.MdevType> types = List.of(type("mtty_mtty", "mtty-2", 5));
        MigrationPlan.Entry blocked = DevicePlanner.planState(mdev(null), List.of(UUID + ": Migration is currently "
                        + "not supported with vIOMMU enabled"), Set.of("0000:01:10.0"), List.of(), types,
                "qemu+tcp://h2/system", new HashMap<>());
        assertTrue(blocked.refusal().contains("vIOMMU"), blocked.refusal());
        assertTrue(blocked.refusal().contains("passthru detach --mdev " + UUID), blocked.refusal());
        MigrationPlan.Entry vfBlocker = DevicePlanner.planState(mdev(null), List.of("0000:01:10.0: VFIO migration "
                        + "is not supported in kernel"), Set.of("0000:01:10.0"), List.of(), types,
                "qemu+tcp://h2/system", new HashMap<>());
        assertNull(vfBlocker.refusal(), "the VF is unplugged before the migration: " + vfBlocker);
        MigrationPlan.Entry anonymous = DevicePlanner.planState(mdev(null), List.of("a device has no migration "
                + "support"), Set.of(), List.of(), types, "qemu+tcp://h2/system", new HashMap<>());
        assertNotNull(anonymous.refusal(), "a blocker naming no other device holds the migration back too");
    }

    @Test
    void blockedReasonsAreReadFromQmp() {
        assertEquals(List.of(UUID + ": VFIO device doesn't support device and IOMMU dirty tracking"),
                DevicePlanner.blockedReasons("{\"return\":{\"blocked-reasons\":[\"" + UUID + ": VFIO device doesn't "
                        + "support device and IOMMU dirty tracking\"],\"status\":\"none\"},\"id\":\"libvirt-1\"}"));
        assertEquals(List.of(), DevicePlanner.blockedReasons("{\"return\":{}}"));
    }

    /**
     * An mdev moves by state only; a PCI hostdev may be asked state (the plan then checks its VFIO variant driver,
     * PciStateTestDriverTest) or hotplug, never a network strategy.
     */
    @Test
    void theOperatorsStateChoiceFitsMdevsAndPciDevices() {
        DevicePlanner.Held m = new DevicePlanner.Held(null, "mdev", null, "hostdev0", null, UUID);
        DevicePlanner.Held p = new DevicePlanner.Held(null, "pci", io.passthru.xml.PciAddress.parse("0000:02:00.0"),
                "hostdev1", null, null);
        assertEquals(Map.of("hostdev0", "state"), DevicePlanner.checkChoices(Map.of(UUID, "state"), List.of(m, p),
                "g"));
        assertEquals(Map.of("hostdev1", "state"), DevicePlanner.checkChoices(Map.of("hostdev1", "state"),
                List.of(m, p), "g"));
        assertThrows(io.passthru.manager.error.InvalidRequestException.class,
                () -> DevicePlanner.checkChoices(Map.of("hostdev1", "bond"), List.of(m, p), "g"));
        assertThrows(io.passthru.manager.error.InvalidRequestException.class,
                () -> DevicePlanner.checkChoices(Map.of("hostdev0", "hotplug"), List.of(m, p), "g"));
    }
    /**
     * What {@code recover} back removes on the destination: an mdev the run was to create and whose
     * {@code prepare-mdev} step started or finished; never the destination's own (reused) mdev, nor one the run never
     * reached.
     */
    @Test
    void recoverBackRemovesOnlyTheMdevsTheRunCreated() {
        Operation op = new Operation();
        Operation.Device created = mdev("mtty_mtty");
        Operation.Device own = mdev(null);
        own.address = OTHER;
        op.devices = new ArrayList<>(List.of(created, own));
        assertEquals(List.of(), MigrationEngine.createdMdevs(op), "prepare-mdev never started: nothing to remove");
        op.step = "prepare-mdev@" + UUID;
        assertEquals(List.of(created), MigrationEngine.createdMdevs(op), "started (killed midway): removed");
        op.step = "migrate";
        op.done = new ArrayList<>(List.of("prepare-mdev@" + UUID, "prepare-mdev@" + OTHER));
        assertEquals(List.of(created), MigrationEngine.createdMdevs(op), "the destination's own mdev stays");
    }

    /** {@code --postcopy} refuses a device whose state QEMU migrates, naming the option and what to do. */
    @Test
    void postcopyRefusesTheStateMove() {
        MigrationPlan.Entry e = DevicePlanner.postcopyRefused(mdev("mtty_mtty"));
        assertNull(e.strategy());
        assertTrue(e.refusal().startsWith("--postcopy: QEMU cannot migrate a VFIO device's state in post-copy"),
                e.refusal());
        assertTrue(e.refusal().contains("passthru detach --mdev " + UUID), e.refusal());
        assertEquals(UUID, e.mdevUuid());
    }

    /**
     * A PCI device moving by state (a VFIO variant driver): no destination step before the migration (its destination
     * device is in the destination XML, libvirt binds it), no gap, and nothing to undo when the migration fails.
     */
    @Test
    void aPciDeviceMovingByStateHasNoStepOfItsOwnAndNoGap() {
        Operation.Device d = new Operation.Device();
        d.address = "0000:3b:00.2";
        d.kind = "vf";
        d.strategy = MigrationPlan.STATE;
        d.destAddress = "0000:3b:00.3";
        d.driver = "mlx5_vfio_pci";
        d.guestAddress = "0000:07:00.0";
        Case c = new Case(GuestStrategy.PLAIN, false);
        FakeLab lab = new FakeLab(false);
        MigrationEngine.Result r = run(lab, c, d);
        assertEquals(Map.of("0000:3b:00.2", 0L), r.deviceGapsMs());
        assertTrue(lab.log.stream().noneMatch(l -> l.contains("mdev")), lab.log.toString());
        assertTrue(lab.log.stream().noneMatch(l -> l.contains("unplug")), "never unplugged: " + lab.log);
        assertTrue(lab.log.stream().anyMatch(l -> l.contains("migrate")), "migrated: " + lab.log);
        assertEquals(Map.of(PciAddressOf("0000:3b:00.2"), PciAddressOf("0000:3b:00.3")),
                MigrationFlow.stateMoves(List.of(d)), "the destination XML's rewrite");
        FakeLab failing = new FakeLab(false);
        failing.failing.add("migrate");
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(failing, c, d));
        assertTrue(e.rolledBack(), e.getMessage());
        assertEquals(CopyState.RUNNING, failing.copies.get(Side.SOURCE));
    }

    private static io.passthru.xml.PciAddress PciAddressOf(String s) {
        return io.passthru.xml.PciAddress.parse(s);
    }
}
