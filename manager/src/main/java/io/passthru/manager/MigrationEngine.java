package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.agent.GuestHooks;
import io.passthru.manager.MigrationFlow.Step;
import io.passthru.manager.error.HostUnreachableException;
import io.passthru.manager.error.MigrationCancelledException;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.manager.journal.Leases;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.migration.Copies;
import io.passthru.manager.migration.CopyResolver;
import io.passthru.manager.migration.CopyState;
import io.passthru.manager.migration.Side;
import io.passthru.xml.PciAddress;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The migration engine: one run of a migration's declared steps against two {@link MigrationSide}s, journaled in the
 * record {@code op}, with the same steps for the in-process rollback and for {@code passthru recover}.
 * <ul>
 *   <li>forward: the destination's mdevs for the devices whose state QEMU migrates ({@code state}:
 *       {@code prepare-mdev@UUID}), the guest's hooks ({@code hotplug} devices), the strategy's release steps on the
 *       source ({@link GuestStrategy#release}), the VF's and the {@code hotplug} devices' hot-unplugs, the live
 *       migration ({@link Transfer}), then on the destination QEMU's announcement (failover), the VF's hot-plug, the
 *       guest agent, the VF found in the guest and the strategy's arrival steps ({@link GuestStrategy#arrive}), and
 *       the {@code hotplug} devices' plugs;</li>
 *   <li>back, before the migration completed: each done step's compensation, newest first (the unplug's is the
 *       VF's re-plug on the source); after a failed live migration the copies decide where the guest runs
 *       ({@link CopyResolver}, the decision table of {@code recover});</li>
 *   <li>{@code recover} ({@link #recoverOn}): forward, the same arrival steps from the recorded one on; back, the
 *       recorded steps' compensations (an mdev the run created on the destination is left there, free: recover runs
 *       on the source's side).</li>
 * </ul>
 * Each step is journaled "started" before it runs and "done" after it; while the run lasts a daemon thread writes the
 * record again every {@link MigrationFlow#LEASE_REFRESH} so its lease's heartbeat stays younger than
 * {@link Leases#REMOTE_TTL} (during the live migration, when libvirt takes no metadata change, the mirror file only).
 * The engine knows no libvirt: {@link LibvirtMigrationSide} and {@link MigrationFlow}'s transfer bring it.
 */
final class MigrationEngine implements AutoCloseable {
    /** What happens around each journaled step: {@link TestHooks} in the product; unit tests crash a run there. */
    interface StepHooks {
        /** Before step {@code id} runs (after "started" was journaled). */
        void beforeStep(String id);

        /** After step {@code id} ran and "done" was journaled ({@code migrate-journaled}: the record moved). */
        void afterStep(String id);

        StepHooks TEST_HOOKS = new StepHooks() {
            @Override
            public void beforeStep(String id) {
                TestHooks.beforeStep(id);
            }

            @Override
            public void afterStep(String id) {
                TestHooks.afterStep(id);
            }
        };
    }

    /** The live migration and what to look at when it failed. */
    interface Transfer {
        /** Live-migrates the guest; the destination's side, holding the migrated domain. */
        MigrationSide migrate();

        /** Both copies of the guest, to see where it runs after a failed live migration. */
        Copies copies();

        /** The destination's side when the copies show the guest there although the live migration failed. */
        MigrationSide destination();

        /**
         * Makes sure the destination has the mdev of {@code state} move {@code d} ready for the incoming guest: with
         * {@code d.mdevParent}, one of {@code d.mdevType} with UUID {@code d.address} created there (kept when it exists
         * already, from an interrupted run); without, the destination's own restarted (stopped and started again, so
         * its device state starts fresh). An ensure.
         */
        void prepareMdev(Operation.Device d);

        /** Removes the destination's mdev {@link #prepareMdev} created ({@code d.mdevParent} set); nothing otherwise. */
        void removeMdev(Operation.Device d);
    }

    /**
     * What the pre-checks found that the steps use: the source VF (null without one), the destination's candidate
     * VFs in order, and whether the guest agent answered (the arrival then waits for the VF in the guest).
     */
    record Setup(PciAddress sourceVf, List<PciAddress> destCandidates, boolean agent) {
    }

    /** How a run ended well: the destination's side, its VF (null without), the VF gap and libvirt's attach, ms. */
    /**
     * How a run ended.
     *
     * @param journalMs the time the run's own record writes and its clear took (libvirt's virDomainGetMetadata and
     *                  virDomainSetMetadata, and the mirror file), ms: the calls the steps' timeline leaves out
     */
    /**
     * What a run did. {@code switchOverMs}: when the guest ran on the destination (the live migration step's end, saga
     * ms), what time-to-traffic is measured from. {@code announced}: the guest's addresses it announced from its VF
     * (gratuitous ARP, {@code "IFACE ADDRESS"}), empty when it announced none.
     */
    record Result(MigrationSide destination, PciAddress destVf, long vfGapMs, long destAttachLibvirtMs,
                  long journalMs, Map<String, Long> deviceGapsMs, long switchOverMs, List<String> announced) {
    }

    /** The journal id of step {@code kind} of the {@code hotplug} move of the device at {@code address}. */
    static String deviceStep(String kind, String address) {
        return kind + "@" + address;
    }

    static final String PREPARE_MDEV = "prepare-mdev";
    static final String PRE_UNPLUG_HOOKS = "pre-unplug-hooks";
    static final String UNPLUG_DEVICE = "unplug";
    static final String PLUG_DEVICE = "plug";
    static final String RESTORE_MAC = "restore-mac";
    static final String POST_PLUG_HOOKS = "post-plug-hooks";

    final Operation op;
    final Saga saga;
    /** The time the run's record writes and clear took so far (not the lease keeper's), ns. */
    private long journalNanos;
    /** What the arrival's announcement sent ({@code "IFACE ADDRESS"}). */
    private final List<String> announced = new java.util.ArrayList<>();
    private final MigrationControls controls;
    private final GuestStrategy strategy;
    private final StepHooks hooks;
    /** Where the record lives now: the source, then (once the guest runs there) the destination. */
    private MigrationSide side;
    /** The guest agent answered in the pre-checks: the rollback waits for it before its compensations. */
    private boolean agent;
    private final ScheduledExecutorService keeper;

    MigrationEngine(Operation op, Saga saga, MigrationSide side, MigrationControls controls, StepHooks hooks) {
        this.op = op;
        this.saga = saga;
        this.side = side;
        this.controls = controls;
        this.hooks = hooks;
        this.strategy = GuestStrategy.ofRecord(op.mode);
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "passthru-lease-keeper");
            t.setDaemon(true);
            return t;
        });
        long every = MigrationFlow.LEASE_REFRESH.toMillis();
        keeper.scheduleWithFixedDelay(this::refreshLease, every, every, TimeUnit.MILLISECONDS);
    }

    synchronized void write() {
        journaled(() -> side.write(op));
    }

    private synchronized void clear() {
        journaled(() -> side.clear(op));
    }

    /** Runs a record write or clear, adding its time to {@link #journalNanos}. */
    private void journaled(Runnable call) {
        long t0 = System.nanoTime();
        try {
            call.run();
        } finally {
            journalNanos += System.nanoTime() - t0;
        }
    }

    private synchronized void refreshLease() {
        if (op.lease == null) {
            return; // handed over to recover
        }
        try {
            if (Step.MIGRATE.id.equals(op.step)) {
                // during the live migration, and until the record moved to the destination's domain, only the mirror
                op.lease.heartbeat = Instant.now().toString();
                side.writeMirror(op);
            } else {
                side.write(op);
            }
        } catch (RuntimeException e) {
            // the next step's write reports a record that moved; a refresh that failed is tried again
        }
    }

    @Override
    public void close() {
        keeper.shutdownNow();
    }

    /** Runs {@code step}: journal "started", hook, the action (timed, with its compensation), journal "done", hook. */
    <T> T step(Step step, String title, Supplier<T> action, Runnable undo) {
        return step(step.id, step.afterMigration(), title, action, undo);
    }

    /** {@link #step(Step, String, Supplier, Runnable)} for a step of a device's move, by journal id. */
    private <T> T step(String id, boolean afterMigration, String title, Supplier<T> action, Runnable undo) {
        if (!afterMigration && controls.cancellation().requested()) {
            throw new MigrationCancelledException("cancelled (SIGINT) before step '" + title + "'", title);
        }
        synchronized (this) {
            op.step = id;
            op.stepStatus = Operation.STARTED;
            write();
        }
        hooks.beforeStep(id);
        controls.listener().stepStarted(id, title);
        T result;
        try {
            result = saga.step(title, action, undo);
        } finally {
            List<Saga.Step> t = saga.timeline();
            controls.listener().stepFinished(t.get(t.size() - 1));
        }
        synchronized (this) {
            op.done.add(id);
            op.stepStatus = Operation.DONE;
            if (!Step.MIGRATE.id.equals(id)) { // after the migration the record is written to the destination's domain
                write();
            }
        }
        hooks.afterStep(id);
        return result;
    }

    private void run(String id, boolean afterMigration, String title, Runnable action, Runnable undo) {
        step(id, afterMigration, title, () -> {
            action.run();
            return null;
        }, undo);
    }

    private void run(Step step, String title, Runnable action, Runnable undo) {
        step(step, title, () -> {
            action.run();
            return null;
        }, undo);
    }

    /**
     * Runs the migration from {@code src}.
     *
     * @throws MigrationFailedException naming the failed step; {@link MigrationFailedException#rolledBack()} tells
     *                                  whether the guest is back as it was, {@code leftToDo} what remains
     */
    Result run(MigrationSide src, Transfer transfer, Setup setup) {
        long[] gap = new long[2];
        Map<String, Long> deviceGaps = new LinkedHashMap<>();
        agent = setup.agent();
        MigrationSide moved;
        try {
            write();
            // the destination's mdevs first, for the devices whose state QEMU migrates: a parent that refuses stops
            // the migration before the guest notices anything, and the rollback removes what was created
            for (Operation.Device d : stateMoves()) {
                deviceGaps.put(d.address, 0L); // it stays attached: QEMU moves it with the guest
                if (!"mdev".equals(d.kind)) {
                    continue; // a PCI device: its destination device is in the destination XML, libvirt binds it
                }
                run(deviceStep(PREPARE_MDEV, d.address), false, "mdev " + d.address + " (" + d.mdevType
                        + ") on the destination: " + (d.mdevParent == null ? "restart its own" : "create on "
                        + d.mdevParent), () -> transfer.prepareMdev(d), () -> transfer.removeMdev(d));
            }
            // every device's hooks before anything changes: a hook that fails stops the migration here, and the
            // hooks that ran already are told the device stays (post-plug)
            for (Operation.Device d : moving()) {
                if (Boolean.TRUE.equals(d.notify)) {
                    PciAddress a = PciAddress.parse(d.address);
                    run(deviceStep(PRE_UNPLUG_HOOKS, d.address), false, "guest hooks: pre-unplug " + describe(d),
                            () -> {
                                try {
                                    src.notifyGuest(GuestHooks.Event.PRE_UNPLUG, d, a);
                                } catch (io.passthru.agent.GuestHookFailedException refused) {
                                    // the hooks before the one that refused heard pre-unplug: the device stays
                                    tellBack(src, d, a);
                                    throw refused;
                                }
                            },
                            () -> tellBack(src, d, a));
                }
            }
            GuestStrategy.GuestBond srcGuest = strategy.hasVf() ? src.guest() : null;
            for (GuestStrategy.DeclaredStep s : strategy.release(op.guest)) {
                boolean first = gap[0] == 0;
                run(s.step(), s.title(), () -> {
                    s.action().accept(srcGuest);
                    if (first && strategy.releaseStartsGap()) {
                        gap[0] = saga.now(); // the guest's traffic left the VF
                    }
                }, s.compensation() == null ? null : () -> s.compensation().accept(srcGuest));
            }
            if (strategy.hasVf()) {
                run(Step.UNPLUG_VF, "hot-unplug VF " + setup.sourceVf(), () -> {
                    if (!strategy.releaseStartsGap()) {
                        gap[0] = saga.now(); // the VF goes now (failover: net_failover moves to its standby)
                    }
                    src.unplugVf(setup.sourceVf());
                    if (strategy.announces()) {
                        src.announce(false); // the standby's MAC on the source's bridge now
                    }
                }, () -> src.plugVf(op, List.of(setup.sourceVf()), false, setup.agent()));
            }
            for (Operation.Device d : moving()) {
                PciAddress a = PciAddress.parse(d.address);
                run(deviceStep(UNPLUG_DEVICE, d.address), false, "hot-unplug " + describe(d), () -> {
                    deviceGaps.put(d.address, saga.now());
                    src.unplugDevice(d, a);
                }, () -> src.plugDevice(op, d, List.of(a), false));
            }
            moved = step(Step.MIGRATE, "live migrate to " + op.destination.uri + (op.destination.p2pUri == null ? ""
                    : " (peer-to-peer: the source libvirtd drives it)"), transfer::migrate, null);
        } catch (RuntimeException e) {
            if (!Step.MIGRATE.id.equals(op.step)) {
                throw rollBack(e, null);
            }
            // the live migration failed, or its reply was lost: libvirt's answer does not say where the guest runs
            // (a lost reply to Finish leaves it running on the destination); the copies decide
            moved = afterFailedMigration(e, transfer);
        }
        MigrationSide dst = moved;
        long switchOver = saga.now();
        saga.commit(); // the guest runs on the destination now: roll forward only
        PciAddress destVf = null;
        try {
            synchronized (this) {
                side = dst;
                write();
            }
            hooks.afterStep(Step.MIGRATE.id + "-journaled");
            if (strategy.announces()) {
                run(Step.ANNOUNCE, "announce the guest's MAC on destination", () -> dst.announce(true), null);
            }
            if (strategy.hasVf()) {
                destVf = arrive(dst, setup.destCandidates(), true, setup.agent(), controls.agentTimeout(), false);
                gap[1] = saga.now();
            }
            arriveDevices(dst, setup.agent(), controls.agentTimeout(), strategy.hasVf() && setup.agent(), false,
                    deviceGaps);
            clear();
        } catch (RuntimeException e) {
            throw incomplete(e);
        }
        return new Result(dst, destVf, gap[1] - gap[0], dst.lastPlugLibvirtMs(), journalNanos / 1_000_000,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deviceGaps)), switchOver,
                List.copyOf(announced));
    }

    /** The devices that move by {@code hotplug}, in the record's order. */
    private List<Operation.Device> moving() {
        return op.devices.stream().filter(d -> MigrationPlan.HOTPLUG.equals(d.strategy)).toList();
    }

    /**
     * The destination mdevs a run of {@code op} created (or may have: its step {@code prepare-mdev@UUID} started or
     * done, and the plan chose to create it rather than reuse the destination's own): what rolling back removes.
     */
    static List<Operation.Device> createdMdevs(Operation op) {
        return op.devices.stream().filter(d -> MigrationPlan.STATE.equals(d.strategy) && "mdev".equals(d.kind)
                && d.mdevParent != null).filter(d -> {
                    String id = deviceStep(PREPARE_MDEV, d.address);
                    return op.done.contains(id) || id.equals(op.step);
                }).toList();
    }

    /** The devices whose state QEMU migrates ({@code state}: mdevs, PCI devices of a VFIO variant driver). */
    private List<Operation.Device> stateMoves() {
        return op.devices.stream().filter(d -> MigrationPlan.STATE.equals(d.strategy)).toList();
    }

    private static String describe(Operation.Device d) {
        return ("vf".equals(d.kind) ? "VF " : "pf".equals(d.kind) ? "PF " : "PCI device ") + d.address
                + (d.alias == null ? "" : " (" + d.alias + ")");
    }

    /**
     * The {@code hotplug} devices' arrival on {@code dst}, the same for the run and for {@code recover} forward: for
     * each, the equivalent device plugged at its guest address (the plan's choice first, a device found attached is
     * kept), its MAC given back to a NIC, and the guest's hooks told ({@code post-plug}). With {@code resume}, the
     * hooks the record shows done are not told again.
     *
     * @param agentAsked the guest agent was already waited for on {@code dst}
     * @param gaps       each device's unplug time (saga ms) in, its time without the device (ms) out
     */
    private void arriveDevices(MigrationSide dst, boolean agent, Duration agentLimit, boolean agentAsked,
                               boolean resume, Map<String, Long> gaps) {
        List<Operation.Device> moving = moving();
        if (moving.isEmpty()) {
            return;
        }
        boolean guestSteps = agent && moving.stream().anyMatch(d -> Boolean.TRUE.equals(d.notify) || d.link != null);
        if (guestSteps && !agentAsked) {
            run(Step.DEST_AGENT, "guest agent on destination", () -> dst.pingAgent(agentLimit), null);
        }
        for (Operation.Device d : moving) {
            List<PciAddress> preferred = d.destAddress == null ? List.of() : List.of(PciAddress.parse(d.destAddress));
            PciAddress got = step(deviceStep(PLUG_DEVICE, d.address), true, "hot-plug the equivalent of "
                    + describe(d) + (d.destAddress == null ? "" : ": " + d.destAddress), () -> {
                        PciAddress p = dst.plugDevice(op, d, preferred, "vf".equals(d.kind) && agent);
                        d.destAddress = p.toString();
                        return p;
                    }, null);
            if (agent && d.link != null && d.mac != null) {
                run(deviceStep(RESTORE_MAC, d.address), true, "give MAC " + d.mac + " back to the NIC at guest "
                        + d.guestAddress, () -> dst.restoreMac(d), null);
            }
            Long from = gaps.get(d.address);
            if (from != null) {
                gaps.put(d.address, saga.now() - from);
            }
            String hooksId = deviceStep(POST_PLUG_HOOKS, d.address);
            if (agent && Boolean.TRUE.equals(d.notify) && !(resume && op.done.contains(hooksId))) {
                run(hooksId, true, "guest hooks: post-plug " + got, () -> dst.notifyGuest(GuestHooks.Event.POST_PLUG,
                        d, got), null);
            }
        }
    }

    /**
     * The guest's hooks told that device {@code d} ({@code a} on {@code side}) stays, or is back, after a rollback.
     * A hook that fails here is a warning, not a failure: the device is in the guest again, and telling the hooks again
     * would not change that (the hook that refused the unplug is told too, and may fail again).
     */
    private void tellBack(MigrationSide side, Operation.Device d, PciAddress a) {
        try {
            side.notifyGuest(GuestHooks.Event.POST_PLUG, d, a);
        } catch (io.passthru.agent.GuestHookFailedException e) {
            controls.listener().warning("device " + a + " is back in the guest, but " + e.getMessage());
        }
    }

    /**
     * {@code recover} back for the {@code hotplug} devices: each source device attached again (an ensure: kept when
     * the domain still holds it), and the guest's hooks told it is back when the record shows they were told it
     * would go, newest first as the run's rollback does.
     */
    private void restoreDevices(MigrationSide src, boolean agent) {
        List<Operation.Device> moving = new java.util.ArrayList<>(moving());
        java.util.Collections.reverse(moving);
        for (Operation.Device d : moving) {
            PciAddress a = PciAddress.parse(d.address);
            saga.run("hot-plug " + describe(d) + " again", () -> src.plugDevice(op, d, List.of(a), false), null);
            String hooksId = deviceStep(PRE_UNPLUG_HOOKS, d.address);
            if (agent && Boolean.TRUE.equals(d.notify) && (op.done.contains(hooksId) || hooksId.equals(op.step))) {
                saga.run("guest hooks: post-plug " + a, () -> tellBack(src, d, a), null);
            }
        }
    }

    /**
     * The destination's arrival steps, the same for the run and for {@code recover} forward: the VF's hot-plug (the
     * candidates in order; a VF with the guest's MAC already attached is kept), then with the guest agent the
     * agent's answer, the VF's netdev in the guest and the strategy's arrival steps.
     *
     * @param resume true for {@code recover}: when the VF the record names is still attached, the strategy's
     *               arrival steps the record shows done are not run again (the run resumes at the recorded step); a
     *               VF plugged now runs them all
     * @return the VF the guest holds
     */
    private PciAddress arrive(MigrationSide dst, List<PciAddress> candidates, boolean checked, boolean agent,
                              Duration agentLimit, boolean resume) {
        String recordedVf = op.destination == null ? null : op.destination.vf;
        // the record's arrival steps hold for the VF they acted on: the one it names, still attached
        boolean sameVf = resume && recordedVf != null
                && dst.attachedVf(op.guest.mac).map(v -> v.toString().equals(recordedVf)).orElse(false);
        PciAddress vf = step(Step.PLUG_VF, "hot-plug VF on destination", () -> {
            PciAddress plugged = dst.plugVf(op, candidates, checked, !checked && agent);
            op.destination.vf = plugged.toString();
            return plugged;
        }, null);
        if (!agent) {
            if (!strategy.announces()) { // failover's announce-self ran right after the migration
                run(Step.ANNOUNCE_ADDRESSES, "announce the guest's virtio NICs (QEMU announce-self: no guest agent)",
                        () -> dst.announce(true), null);
            }
            return vf;
        }
        run(Step.DEST_AGENT, "guest agent on destination", () -> dst.pingAgent(agentLimit), null);
        String link = step(Step.FIND_VF, "find VF in guest", () -> dst.findVf(op.guest.mac, vf), null);
        GuestStrategy.GuestBond guest = dst.guest();
        for (GuestStrategy.DeclaredStep s : strategy.arrive(op.guest, link)) {
            if (sameVf && op.done.contains(s.step().id)) {
                continue; // done before the crash, on this very VF
            }
            run(s.step(), s.title(), () -> againOnceTheAgentIsBack(dst, agentLimit, () -> s.action().accept(guest)),
                    null);
        }
        // the VF carries the guest's traffic now: its neighbours and the switches learn where the MAC went
        run(Step.ANNOUNCE_ADDRESSES, "announce the guest's addresses from its VF (gratuitous ARP, unsolicited neighbour advertisement)", () -> {
            io.passthru.agent.GuestReachability.Announcement a = dst.announceAddresses(op.guest.mac);
            announced.addAll(a.announced());
            for (String not : a.notAnnounced()) {
                controls.listener().warning("not announced: " + not);
            }
        }, null);
        return vf;
    }

    /**
     * Runs {@code action}, a guest-side ensure of the arrival; when the guest agent went away under it, waits up to
     * {@code patience} for the agent and runs it once more. Right after a migration the agent can answer and then
     * drop for a while: on the lab (2026-12-07) {@code recover} found the moved guest's agent answering, enslaved its
     * VF, and 5 s later libvirt said "QEMU guest agent is not connected" for 10 s. Only an agent that is not
     * connected, out of sync or slow is waited for ({@link #agentAway}); any other failure is thrown as it is.
     */
    static void againOnceTheAgentIsBack(MigrationSide side, Duration patience, Runnable action) {
        try {
            action.run();
        } catch (PassthruException e) {
            if (!agentAway(e)) {
                throw e;
            }
            try {
                side.pingAgent(patience);
            } catch (RuntimeException still) {
                e.addSuppressed(still);
                throw e;
            }
            action.run();
        }
    }

    /**
     * A guest agent that is away for now: libvirt's {@code VIR_ERR_AGENT_UNRESPONSIVE} ("not connected") or
     * {@code VIR_ERR_AGENT_UNSYNCED}, or a command that timed out. A closed libvirt connection is not: the host is
     * gone, and waiting would only delay the failure.
     */
    static boolean agentAway(PassthruException e) {
        if (e instanceof io.passthru.agent.AgentTimeoutException) {
            return true;
        }
        return e instanceof io.passthru.agent.AgentUnavailableException
                && (e.libvirtErrorCode() == io.passthru.manager.libvirt.LibvirtErrors.VIR_ERR_AGENT_UNRESPONSIVE
                || e.libvirtErrorCode() == io.passthru.manager.libvirt.LibvirtErrors.VIR_ERR_AGENT_UNSYNCED);
    }

    /**
     * {@code recover} on the side where the guest runs (the decision was taken, and carried out on the copies, by
     * {@link CopyResolver}): forward, the arrival steps from the recorded one on, journaled as the run journals
     * them (a recover killed midway resumes further); back, the VF plugged again on the source (the unplug's
     * compensation, the recorded VF first) and the compensations of the release steps the record shows started or
     * done, newest first, as the run's own rollback runs them. The record is cleared when all ran.
     *
     * @param preferred the VFs to plug first (the one the record names)
     * @return the VF the guest holds (null for a guest without one)
     * @throws RuntimeException from the step that failed; the caller keeps the record with what is left
     */
    static PciAddress recoverOn(MigrationSide side, Operation op, Saga saga, List<PciAddress> preferred,
                                boolean forward, Duration agentPatience, StepHooks hooks) {
        GuestStrategy strategy = GuestStrategy.ofRecord(op.mode);
        try (MigrationEngine engine = new MigrationEngine(op, saga, side, MigrationControls.defaults(), hooks)) {
            engine.write();
            boolean devices = !engine.moving().isEmpty();
            boolean devicesAgent = devices && side.agentUsable(Duration.ofSeconds(3));
            if (!strategy.hasVf()) {
                if (forward) {
                    engine.arriveDevices(side, devicesAgent, agentPatience, false, true, new LinkedHashMap<>());
                } else {
                    engine.restoreDevices(side, devicesAgent);
                }
                engine.clear();
                return null;
            }
            // the strategies without guest-side steps use the agent, when it answers, to see the VF arrive
            boolean agent = strategy.needsAgent() || side.agentUsable(Duration.ofSeconds(3));
            PciAddress vf;
            if (forward) {
                vf = engine.arrive(side, preferred, false, agent, agentPatience, true);
                engine.arriveDevices(side, devicesAgent, agentPatience, agent, true, new LinkedHashMap<>());
            } else {
                if (strategy.needsAgent()) {
                    saga.run("guest agent", () -> side.pingAgent(agentPatience), null);
                }
                vf = saga.step("hot-plug VF", () -> side.plugVf(op, preferred, false, agent), null);
                GuestStrategy.GuestBond guest = side.guest();
                for (GuestStrategy.DeclaredStep s : strategy.undoOnSource(op.guest, new HashSet<>(op.done),
                        op.step)) {
                    saga.run("undo: " + s.title(), () -> s.compensation().accept(guest), null);
                }
                engine.restoreDevices(side, devicesAgent);
            }
            engine.clear();
            return vf;
        }
    }

    /**
     * After the live migration step failed: looks at both copies ({@link CopyResolver}, the same decision table as
     * {@code passthru recover}). The guest on the source (libvirt resumed it, or the table resumed it): the done
     * steps are undone ({@link #rollBack}). The guest on the destination (the migration completed and only its answer
     * was lost; a source copy left paused is removed): returns the destination's side, and the run rolls forward.
     * Anything else (a host that does not answer, copies that leave no safe choice): nothing more is changed, the
     * record is left for {@code passthru recover}, and the failure says so.
     */
    private MigrationSide afterFailedMigration(RuntimeException e, Transfer transfer) {
        Copies copies = transfer.copies();
        CopyResolver.Outcome where;
        try {
            where = CopyResolver.resolve(copies, null, saga);
        } catch (HostUnreachableException unknown) {
            if (copies.look(Side.SOURCE).state() == CopyState.RUNNING
                    && copies.look(Side.DESTINATION).state() == CopyState.UNREACHABLE) {
                // the guest runs on the source, seen there: giving it its VF back resumes and destroys nothing, and
                // leaves no guest without its network; the destination's copy, if any, waits for recover
                e.addSuppressed(unknown);
                throw rollBack(e, "the destination " + op.destination.uri + " did not answer, so an incoming copy "
                        + "it may hold was not checked");
            }
            throw unresolved(e, unknown);
        } catch (RuntimeException unknown) {
            throw unresolved(e, unknown);
        }
        if (where.keep() == Side.SOURCE) {
            throw rollBack(e, null);
        }
        return transfer.destination();
    }

    /** The copies of a failed migration cannot be told apart safely: the record is left for recover. */
    private MigrationFailedException unresolved(RuntimeException e, RuntimeException unknown) {
        e.addSuppressed(unknown);
        op.stepStatus = Operation.FAILED;
        op.lease = null; // nobody owns it now: recover (or the next command) takes over
        op.pending = "find where the guest runs: " + unknown.getMessage();
        tryWrite(e);
        String todo = recoverCommand(op.source.uri);
        return new MigrationFailedException("live migration of '" + op.domain + "' to " + op.destination.uri
                + " failed (" + e.getMessage() + ") and where the guest runs now cannot be told safely: "
                + unknown.getMessage() + ". Nothing more was changed; once both hosts answer run: " + todo, e,
                code(e), lastFailedStep(saga, "live migrate to " + op.destination.uri), false, false, todo, null,
                op.id);
    }

    /**
     * Before the migration completed: undo the done steps (newest first) and say how it ended. {@code keepRecord}
     * non-null: the record stays after a clean rollback, with that as what is left to do (a destination that did
     * not answer may hold a copy).
     */
    private MigrationFailedException rollBack(RuntimeException e, String keepRecord) {
        op.state = Operation.ROLLING_BACK;
        op.stepStatus = Operation.FAILED;
        tryWrite(e);
        // an aborted or failed live migration resumes the source, and its guest agent reconnects a moment later
        // (seen on the lab after Ctrl-C: "QEMU guest agent is not connected"); the compensations talk to the
        // guest, so wait for the agent first (within --agent-timeout); if it stays away they report what is left
        if (agent) {
            try {
                side.pingAgent(controls.agentTimeout());
            } catch (RuntimeException agentAway) {
                // the compensations fail with the agent's own error and the record keeps what is left to do
            }
        }
        boolean clean = saga.compensate(e);
        String step = lastFailedStep(saga, "record operation in the domain metadata");
        String todo = recoverCommand(op.source.uri);
        if (clean && keepRecord != null) {
            op.lease = null;
            op.pending = keepRecord;
            tryWrite(e);
            return new MigrationFailedException("migration failed at step '" + step + "': " + e.getMessage()
                    + "; rolled back on the source: " + strategy.restored() + "; " + keepRecord + ": then run "
                    + todo, e, code(e), step, true, false, todo, op.source.uri, op.id);
        }
        if (clean) {
            try {
                clear();
            } catch (RuntimeException c) {
                e.addSuppressed(c);
            }
            return new MigrationFailedException("migration failed at step '" + step + "': " + e.getMessage()
                    + "; rolled back: " + strategy.restored(), e, code(e), step, true, false, null, op.source.uri,
                    op.id);
        }
        op.lease = null; // nobody owns it now: recover (or the next command) takes over
        op.pending = "roll back on " + op.source.uri + ": hot-plug a VF with MAC " + op.guest.mac
                + strategy.vfTodo(op.guest);
        tryWrite(e);
        return new MigrationFailedException("migration failed at step '" + step + "': " + e.getMessage()
                + "; rollback incomplete (see the errors below); run: " + todo, e, code(e), step, false, false,
                todo, op.source.uri, op.id);
    }

    /** After the migration: the guest runs on the destination without its VF; keep the record for recover. */
    private MigrationFailedException incomplete(RuntimeException e) {
        op.state = Operation.INCOMPLETE;
        op.stepStatus = Operation.FAILED;
        op.lease = null;
        op.pending = "on " + op.destination.uri + ": hot-plug a free VF with MAC " + op.guest.mac
                + strategy.vfTodo(op.guest);
        tryWrite(e);
        String step = lastFailedStep(saga, "record operation in the domain metadata");
        String todo = recoverCommand(op.destination.uri);
        return new MigrationFailedException("domain '" + op.domain + "' was migrated to " + op.destination.uri
                + " and " + strategy.networkMeanwhile(op.guest) + ", but step '" + step + "' failed: "
                + e.getMessage() + ". To give it a VF again run: " + todo, e, code(e), step, false, false, todo,
                op.destination.uri, op.id);
    }

    private String recoverCommand(String uri) {
        return "passthru recover " + op.domain + " --connect " + uri;
    }

    private void tryWrite(RuntimeException e) {
        try {
            write();
        } catch (RuntimeException w) {
            e.addSuppressed(w);
        }
    }

    private static int code(RuntimeException e) {
        return e instanceof PassthruException p ? p.libvirtErrorCode() : PassthruException.NO_LIBVIRT_ERROR;
    }

    static String lastFailedStep(Saga saga, String otherwise) {
        return saga.timeline().stream().filter(s -> !s.succeeded() && !s.undo())
                .map(Saga.Step::name).reduce((a, b) -> b).orElse(otherwise);
    }
}
