package io.passthru.manager;

import io.passthru.manager.MigrationFlow.Mode;
import io.passthru.manager.MigrationFlow.Step;
import io.passthru.manager.journal.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the guest's network follows a migration, one strategy per {@link Mode}: the guest-side steps it declares
 * around the engine's own (hot-unplug, live migration, hot-plug, agent, finding the VF in the guest). Each declared
 * step has its journal id, its action and its compensation; {@link MigrationFlow} runs them forward (and its saga
 * runs the compensations when a step before the migration fails), and {@link Recovery} runs the same declarations
 * after a crash: the compensations of the steps the record shows started or done (back), or the arrival steps
 * (forward). Every action and compensation is an "ensure": run twice, it changes nothing the second time, so a step
 * that the record shows started may have run or not.
 * <p>
 * The steps act on the guest through {@link GuestBond}, which a unit test fakes.
 */
public enum GuestStrategy {
    /**
     * The VF is the active slave of an active-backup bond with a virtual NIC (docs/migration.md "Migration modes"): the bond
     * moves to the virtual NIC, NetworkManager (when it owns the bond) is told to leave the VF alone, the VF leaves the
     * bond; on arrival the new VF is enslaved and made the active slave.
     */
    BOND(Mode.BOND, "the VF is back in the guest's bond on the source", "runs there on its virtual NIC %s") {
        @Override
        public List<DeclaredStep> release(Operation.Guest g) {
            List<DeclaredStep> steps = new ArrayList<>();
            steps.add(new DeclaredStep(Step.SWITCH_BOND, "switch bond to " + g.backupSlave,
                    b -> b.switchTo(g.bond, g.backupSlave), b -> b.activateVf(g.mac, g.bond)));
            if (Boolean.TRUE.equals(g.networkManager)) {
                steps.add(new DeclaredStep(Step.NM_UNMANAGE_VF, "NetworkManager: leave VF " + g.vfLink + " alone",
                        b -> b.setManaged(g.vfLink, false), b -> b.setManaged(g.vfLink, true)));
            }
            // a re-plugged VF is NetworkManager's to enslave first (its bond-slave profile), passthru's after that
            steps.add(new DeclaredStep(Step.UNENSLAVE_VF, "unenslave VF " + g.vfLink,
                    b -> b.unenslave(g.bond, g.vfLink), b -> b.enslaveVf(g.mac, g.bond, nm(g))));
            return steps;
        }

        @Override
        public List<DeclaredStep> arrive(Operation.Guest g, String link) {
            return List.of(
                    new DeclaredStep(Step.ENSLAVE_VF, "enslave VF " + link + (nm(g) ? " (NetworkManager's "
                            + "profile, or passthru after " + MigrationFlow.NM_PATIENCE.toSeconds() + " s)" : ""),
                            b -> b.enslaveVf(g.mac, g.bond, nm(g)), null),
                    new DeclaredStep(Step.ACTIVATE_VF, "make " + link + " active slave",
                            b -> b.activateVf(g.mac, g.bond), null));
        }

        @Override
        public boolean needsAgent() {
            return true;
        }

        @Override
        public boolean releaseStartsGap() {
            return true;
        }

        @Override
        String vfTodo(Operation.Guest g) {
            return ", enslave it in " + g.bond + " and make it the active slave";
        }
    },

    /**
     * libvirt's virtio-net failover: the guest's {@code net_failover} moves to its virtio standby by itself when the
     * VF goes, and back when one comes; passthru has no guest-side step, and announces the guest's MAC from QEMU
     * after the unplug and after the migration ({@link MigrationFlow}'s announce).
     */
    FAILOVER(Mode.FAILOVER, "the VF is back on the source as the failover primary",
            "runs there on its failover virtio NIC") {
        @Override
        public boolean announces() {
            return true;
        }
    },

    /** The guest's address sits on the VF alone (Nova, KubeVirt): no guest-side step; no network in between. */
    UNPLUG_REPLUG(Mode.UNPLUG_REPLUG, "the VF is back in the guest on the source",
            "runs there without its VF (an unplug-replug guest has no network until it gets one)"),

    /** No passthrough device: a plain live migration, no VF step at all. */
    PLAIN(Mode.PLAIN, "the guest runs on the source as before", "runs there") {
        @Override
        public boolean hasVf() {
            return false;
        }
    };

    /**
     * One declared step: its journal id and title, its action and its compensation (null: nothing to undo), both on
     * the guest of the host where the step runs.
     */
    public record DeclaredStep(Step step, String title, java.util.function.Consumer<GuestBond> action,
                               java.util.function.Consumer<GuestBond> compensation) {
    }

    /**
     * What the strategies ask of the guest's network (through the guest agent in {@link BondVf#guestBond}); every
     * method is an ensure: it changes nothing when the guest is already so.
     */
    public interface GuestBond {
        /** Makes {@code slave} (the virtual NIC) the bond's active slave. */
        void switchTo(String bond, String slave);

        /** Makes the VF netdev with {@code mac} the bond's active slave, and checks the bond took it. */
        void activateVf(String mac, String bond);

        /** NetworkManager manages {@code link} or leaves it alone ({@code nmcli device set LINK managed yes|no}). */
        void setManaged(String link, boolean managed);

        /** Takes {@code link} out of the bond. */
        void unenslave(String bond, String link);

        /**
         * Enslaves the VF netdev with {@code mac}; with {@code networkManager}, NetworkManager's bond-slave profile
         * is given its patience first ({@link MigrationFlow#NM_PATIENCE}).
         *
         * @return the VF's netdev in the guest
         */
        String enslaveVf(String mac, String bond, boolean networkManager);
    }

    private final Mode mode;
    private final String restored;
    private final String meanwhile;

    /** {@code meanwhile}: a format whose {@code %s}, if any, is the bond's virtual NIC. */
    GuestStrategy(Mode mode, String restored, String meanwhile) {
        this.mode = mode;
        this.restored = restored;
        this.meanwhile = meanwhile;
    }

    /** The mode this strategy implements. */
    public Mode mode() {
        return mode;
    }

    /**
     * The strategy of a resolved mode (or of a record's mode id; a record written before modes were kept is a bond).
     *
     * @throws IllegalArgumentException for {@link Mode#AUTO}, which is resolved before a strategy is chosen
     */
    public static GuestStrategy of(Mode m) {
        for (GuestStrategy s : values()) {
            if (s.mode == m) {
                return s;
            }
        }
        throw new IllegalArgumentException("mode " + m + " is resolved to a concrete mode before it runs");
    }

    /** The strategy recorded in a migration record ({@code mode} attribute; none: bond, the first mode). */
    public static GuestStrategy ofRecord(String modeId) {
        return modeId == null ? BOND : of(Mode.parse(modeId));
    }

    /** Guest-side steps on the source before the VF is unplugged, in order. */
    public List<DeclaredStep> release(Operation.Guest g) {
        return List.of();
    }

    /** Guest-side steps once the VF netdev {@code link} showed in the guest on the host it arrived on, in order. */
    public List<DeclaredStep> arrive(Operation.Guest g, String link) {
        return List.of();
    }

    /**
     * The compensations a crashed run left to do on the source, newest first: those of the release steps the record
     * shows done or started ({@code done}, {@code current}).
     */
    public List<DeclaredStep> undoOnSource(Operation.Guest g, Set<String> done, String current) {
        List<DeclaredStep> undo = new ArrayList<>();
        for (DeclaredStep s : release(g)) {
            if ((done.contains(s.step().id) || s.step().id.equals(current)) && s.compensation() != null) {
                undo.add(0, s);
            }
        }
        return undo;
    }

    /** True when the strategy cannot work without the guest agent. */
    public boolean needsAgent() {
        return false;
    }

    /** True when the guest's VF gap starts with the first release step rather than with the unplug. */
    public boolean releaseStartsGap() {
        return false;
    }

    /** True when QEMU announces the guest's MAC after the unplug and after the migration. */
    public boolean announces() {
        return false;
    }

    /** False for a guest without a VF (no unplug, no plug). */
    public boolean hasVf() {
        return true;
    }

    /** What the guest has again after a rollback, for messages. */
    String restored() {
        return restored;
    }

    /** How the guest runs on the destination while it waits for a VF, for messages. */
    String networkMeanwhile(Operation.Guest g) {
        return String.format(meanwhile, g.backupSlave);
    }

    /** What the guest's VF needs besides being plugged, for what is left to do ("" when nothing). */
    String vfTodo(Operation.Guest g) {
        return "";
    }

    private static boolean nm(Operation.Guest g) {
        return Boolean.TRUE.equals(g.networkManager);
    }
}
