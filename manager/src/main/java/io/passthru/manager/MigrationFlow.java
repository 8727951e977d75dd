package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.MigrationCancelledException;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.manager.error.MigrationTimeoutException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.manager.error.OperationInProgressException;
import io.passthru.agent.AgentException;
import io.passthru.agent.BondState;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestHooks;
import io.passthru.agent.GuestInfo;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestLinkOwner;
import io.passthru.agent.GuestNetworkManager;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.journal.Leases;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.journal.OperationKind;
import io.passthru.manager.journal.OperationLock;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.HostIdentity;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.manager.libvirt.LibvirtErrors;
import io.passthru.manager.migration.Copies;
import io.passthru.manager.migration.LibvirtCopies;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.pool.DeviceSpec;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Live migration of a guest whose network runs over a VF bonded (active-backup) with a virtual NIC inside the guest:
 * switch the bond to the virtual NIC, unenslave the VF, hot-unplug it, live-migrate (persistent on the destination,
 * undefined on the source), hot-plug a free VF of the same vendor/product on the destination, enslave it and make it
 * the active slave. This class does the pre-checks (one read of each host, the guest's network), the journal record
 * and the live migration on libvirt; {@link MigrationEngine} runs the steps, each timed and journaled in the
 * domain's {@code <metadata>} ({@link Operation}) before and after it runs, so a killed process leaves enough for
 * {@link Recovery}, which runs the same engine. A failure before the migration
 * completed rolls back (the VF is re-plugged and re-enslaved on the source); a failure after it leaves the guest on
 * its virtual NIC on the destination, says so and keeps the record for {@code passthru recover}. The "VF gap" is
 * the time the guest's bond had no VF as active slave (ms). The other {@link Mode}s (libvirt's virtio-net failover,
 * unplug-replug, plain) share the pre-checks, the journal, the live migration and the destination's VF, and drop
 * the bond's guest steps; their VF gap is the time the guest had no VF.
 */
public final class MigrationFlow {
    /**
     * How long a new VF is left to the guest's NetworkManager, whose bond-slave profile for the VF's MAC enslaves it
     * by itself, before passthru enslaves it: 10 s.
     */
    static final Duration NM_PATIENCE = Duration.ofSeconds(10);
    /**
     * The pre-checks' concurrent reads (both inventories, the destination's readiness and name check), on threads of
     * their own: the common fork-join pool has a single worker on a two-CPU machine, and would run them one by one.
     */
    private static final java.util.concurrent.ExecutorService PRECHECKS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "passthru-precheck");
                t.setDaemon(true);
                return t;
            });
    /** How often a run writes its record again to refresh its lease's heartbeat: 60 s. */
    static final Duration LEASE_REFRESH = Duration.ofSeconds(60);
    /** How often the migration job's statistics are sampled: 500 ms. */
    static final long PROGRESS_INTERVAL_MS = 500;
    /** How long the pre-checks wait for the guest agent's guest-exec when hotplug devices' hooks need it. */
    static final Duration HOOKS_AGENT_PATIENCE = Duration.ofSeconds(10);
    /**
     * {@code --postcopy} switches once the job's {@code memory_iteration} (QEMU's dirty-sync-count) reaches 2: the first
     * full pass over the guest's memory is done, as {@code virsh migrate --postcopy-after-precopy} waits for.
     */
    static final long POSTCOPY_AFTER_ITERATION = 2;

    /** The steps of the bond flow, by journal id, in order; those after {@link #MIGRATE} roll forward only. */
    public enum Step {
        SWITCH_BOND("switch-bond"), NM_UNMANAGE_VF("nm-unmanage-vf"), UNENSLAVE_VF("unenslave-vf"), UNPLUG_VF("unplug-vf"), MIGRATE("migrate"),
        ANNOUNCE("announce"), PLUG_VF("plug-vf"), DEST_AGENT("dest-agent"), FIND_VF("find-vf"), ENSLAVE_VF("enslave-vf"),
        ACTIVATE_VF("activate-vf"), ANNOUNCE_ADDRESSES("announce-addresses");

        public final String id;

        Step(String id) {
            this.id = id;
        }

        public boolean afterMigration() {
            return ordinal() > MIGRATE.ordinal();
        }
    }

    /**
     * How the guest's network follows it (docs/migration.md "Migration modes"):
     * <ul>
     *   <li>{@link #BOND}: the guest bonds the VF (active-backup) with a virtual NIC; passthru moves the bond to the
     *       virtual NIC through the guest agent, unplugs the VF, migrates, plugs a VF on the destination and makes it
     *       the active slave again;</li>
     *   <li>{@link #FAILOVER}: libvirt's virtio-net failover (formatdomain "Teaming a virtio/hostdev NIC pair",
     *       QEMU {@code failover=on}, the guest's {@code net_failover} driver): passthru unplugs the VF (the guest's
     *       {@code net_failover} moves to its virtio standby by itself), migrates, and plugs a free destination VF
     *       with the same teaming; no guest agent is needed. passthru unplugs it before the migration rather than
     *       leaving it to QEMU at the migration's start: libvirt then sends the transient VF in the destination
     *       definition, and QEMU realizes it there inside the switch-over (measured on the lab: libvirt's downtime
     *       1.7 s against 1.1 s for the same guest without the VF);</li>
     *   <li>{@link #UNPLUG_REPLUG}: the guest's address sits on the VF alone (what OpenStack Nova and KubeVirt do):
     *       unplug, migrate, plug a VF on the destination; the guest has no network in between;</li>
     *   <li>{@link #PLAIN}: no passthrough device: a plain live migration;</li>
     *   <li>{@link #AUTO}: chosen from the live XML: {@code FAILOVER} for a VF with {@code <teaming
     *       type='transient'>}, {@code BOND} for another VF interface, {@code PLAIN} without hostdevs.</li>
     * </ul>
     */
    public enum Mode {
        BOND("bond"), FAILOVER("failover"), UNPLUG_REPLUG("unplug-replug"), PLAIN("plain"), AUTO("auto");

        /** The name on the command line and in the journal. */
        public final String id;

        Mode(String id) {
            this.id = id;
        }

        /**
         * @throws InvalidRequestException for an unknown name
         */
        public static Mode parse(String id) {
            for (Mode m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new InvalidRequestException("unknown migration mode '" + id + "': use bond, failover, "
                    + "unplug-replug, plain or auto");
        }
    }

    /**
     * What to migrate and where; {@code migrateUri} (e.g. {@code tcp://198.51.100.2}), {@code destVf} and the device
     * pools are optional; {@code mode} null means {@link Mode#AUTO}. Each host has its own pool, as each Nova compute
     * has its own {@code [pci] device_spec}: with pools, the destination VF must be allowed by a destination
     * {@code device_spec} with the same {@code physical_network} as the source VF's source {@code device_spec}, and
     * remote_managed VFs are not used. {@code p2pUri} (optional): the destination's libvirt URI as the source host's
     * libvirtd reaches it (e.g. {@code qemu+tcp://198.51.100.2/system}); with it the source libvirtd drives the whole
     * migration ({@code VIR_MIGRATE_PEER2PEER}, {@code virDomainMigrateToURI3}), and {@code destUri} is still how
     * passthru itself reaches the destination (pre-checks, the guest there afterwards). {@code verify}: addresses the
     * guest must reach once it runs on the destination ({@code migrate --verify}), each tried for up to
     * {@code verifyLimit} ({@link #DEFAULT_VERIFY_LIMIT} when null); see {@link #withVerify}.
     */
    public record Request(String sourceUri, String domain, String destUri, String migrateUri, PciAddress destVf,
                          DevicePool pool, DevicePool destPool, MigrationControls controls, Mode mode,
                          String p2pUri, Map<String, String> strategies, boolean guestNotify, List<String> verify,
                          Duration verifyLimit) {
        public Request {
            controls = controls == null ? MigrationControls.defaults() : controls;
            mode = mode == null ? Mode.AUTO : mode;
            strategies = strategies == null ? Map.of() : Map.copyOf(strategies);
            verify = verify == null ? List.of() : List.copyOf(verify);
            verifyLimit = verifyLimit == null ? DEFAULT_VERIFY_LIMIT : verifyLimit;
        }

        public Request(String sourceUri, String domain, String destUri, String migrateUri, PciAddress destVf,
                       DevicePool pool, DevicePool destPool, MigrationControls controls, Mode mode, String p2pUri,
                       Map<String, String> strategies, boolean guestNotify) {
            this(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, controls, mode, p2pUri, strategies,
                    guestNotify, null, null);
        }

        public Request(String sourceUri, String domain, String destUri, String migrateUri, PciAddress destVf,
                       DevicePool pool, DevicePool destPool, MigrationControls controls, Mode mode, String p2pUri) {
            this(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, controls, mode, p2pUri, null, true);
        }

        public Request(String sourceUri, String domain, String destUri, String migrateUri, PciAddress destVf,
                       DevicePool pool, DevicePool destPool, MigrationControls controls, Mode mode) {
            this(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, controls, mode, null);
        }

        public Request(String sourceUri, String domain, String destUri, String migrateUri, PciAddress destVf,
                       DevicePool pool, DevicePool destPool, MigrationControls controls) {
            this(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, controls, null);
        }

        public Request(String sourceUri, String domain, String destUri, String migrateUri, PciAddress destVf,
                       DevicePool pool, DevicePool destPool) {
            this(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, null, null);
        }

        public Request(String sourceUri, String domain, String destUri, String migrateUri, PciAddress destVf) {
            this(sourceUri, domain, destUri, migrateUri, destVf, null, null, null, null);
        }

        public Request withControls(MigrationControls c) {
            return new Request(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, c, mode, p2pUri,
                    strategies, guestNotify, verify, verifyLimit);
        }

        public Request withMode(Mode m) {
            return new Request(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, controls, m, p2pUri,
                    strategies, guestNotify, verify, verifyLimit);
        }

        /** This request, migrated peer-to-peer to {@code uri} (null: driven by passthru over {@code destUri}). */
        public Request withP2pUri(String uri) {
            return new Request(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, controls, mode, uri,
                    strategies, guestNotify, verify, verifyLimit);
        }

        /**
         * This request with the operator's per-device strategies ({@code --strategy NAME=STRATEGY}: a device's libvirt
         * alias or host PCI address, and {@code bond}, {@code failover}, {@code unplug-replug} or {@code hotplug}) and
         * whether the guest's hooks are told of a {@code hotplug} move ({@code false}: {@code --no-guest-notify}, the
         * operator accepts a surprise removal for a guest without a usable agent).
         */
        public Request withVerify(List<String> addresses, Duration limit) {
            return new Request(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, controls, mode, p2pUri,
                    strategies, guestNotify, addresses, limit);
        }

        public Request withDevices(Map<String, String> strategies, boolean guestNotify) {
            return new Request(sourceUri, domain, destUri, migrateUri, destVf, pool, destPool, controls, mode, p2pUri,
                    strategies, guestNotify, verify, verifyLimit);
        }
    }

    /**
     * Outcome: times in ms, migration statistics from libvirt's completed job (bytes, ms), the operation id of the
     * journal record, what a recovery run before the migration did (null when there was nothing to recover), and the
     * mode that ran ({@link Mode#id}; never {@code auto}). {@code sourceVf}, {@code destVf}, {@code mac}, {@code bond}
     * and {@code backupSlave} are null where the mode has none (no bond outside {@code bond}, no VF in {@code plain}).
     * {@code destAttachLibvirtMs}: within the destination's plug step, the time of libvirt's own attach call (ms; 0
     * when there was none, or the VF found attached already): the step's overhead is the rest.
     * {@code precheckParts}: what the pre-checks spent their time on (ms, in the order they ended; the inventories,
     * the destination's readiness and name check run concurrently with the guest's questions, so parts overlap;
     * the "waited for" parts are the time the pre-checks then still waited for them).
     * {@code journalMs}: the time the run's own record writes took (ms; virDomainGetMetadata and
     * virDomainSetMetadata on the domain, and the mirror file), which the steps' timeline does not include.
     * {@code plan}: how each device moved ({@link MigrationPlan}). {@code deviceGapsMs}: for each device that moved
     * by {@code hotplug} (by its source host PCI address), the time the guest was without it, from its unplug to its
     * equivalent plugged and its MAC given back (ms).
     */
    public record Report(String domain, String source, String destination, PciAddress sourceVf, PciAddress destVf,
                         String mac, String bond, String backupSlave, List<Saga.Step> steps, long totalMs,
                         long vfGapMs, Map<String, Long> migrationStats, String outcome, String operationId,
                         Recovery.Result recovered, String mode, long destAttachLibvirtMs,
                         Map<String, Long> precheckParts, String p2pUri, long journalMs, MigrationPlan plan,
                         Map<String, Long> deviceGapsMs, Long postcopyAfterMs, List<String> announced,
                         List<Traffic> traffic) {
        public Report {
            announced = announced == null ? List.of() : List.copyOf(announced);
            traffic = traffic == null ? List.of() : List.copyOf(traffic);
        }

        /** Without the arrival's announcement and traffic checks. */
        public Report(String domain, String source, String destination, PciAddress sourceVf, PciAddress destVf,
                      String mac, String bond, String backupSlave, List<Saga.Step> steps, long totalMs,
                      long vfGapMs, Map<String, Long> migrationStats, String outcome, String operationId,
                      Recovery.Result recovered, String mode, long destAttachLibvirtMs,
                      Map<String, Long> precheckParts, String p2pUri, long journalMs, MigrationPlan plan,
                      Map<String, Long> deviceGapsMs, Long postcopyAfterMs) {
            this(domain, source, destination, sourceVf, destVf, mac, bond, backupSlave, steps, totalMs, vfGapMs,
                    migrationStats, outcome, operationId, recovered, mode, destAttachLibvirtMs, precheckParts, p2pUri,
                    journalMs, plan, deviceGapsMs, postcopyAfterMs, null, null);
        }

        /** True when every address of {@code migrate --verify} answered the guest (true when none was asked). */
        @com.fasterxml.jackson.annotation.JsonProperty("verified")
        public boolean verified() {
            return traffic.stream().allMatch(Traffic::answered);
        }

        /**
         * What the operator should look at when an address did not answer the guest after the migration (the guest
         * runs on the destination: nothing is rolled back); null when all answered.
         */
        @com.fasterxml.jackson.annotation.JsonProperty("leftToDo")
        public String leftToDo() {
            List<String> silent = traffic.stream().filter(t -> !t.answered()).map(Traffic::address).toList();
            if (silent.isEmpty()) {
                return null;
            }
            return "the guest runs on " + destination + ", but " + String.join(", ", silent) + " did not answer it: "
                    + "check the guest's network there (its VF: passthru list-vfs -c " + destination + "; the VF's "
                    + "VLAN and link; the guest's routes) and the path to " + String.join(", ", silent);
        }
        /** Without post-copy ({@code postcopyAfterMs} null), announcement or traffic checks. */
        public Report(String domain, String source, String destination, PciAddress sourceVf, PciAddress destVf,
                      String mac, String bond, String backupSlave, List<Saga.Step> steps, long totalMs,
                      long vfGapMs, Map<String, Long> migrationStats, String outcome, String operationId,
                      Recovery.Result recovered, String mode, long destAttachLibvirtMs,
                      Map<String, Long> precheckParts, String p2pUri, long journalMs, MigrationPlan plan,
                      Map<String, Long> deviceGapsMs) {
            this(domain, source, destination, sourceVf, destVf, mac, bond, backupSlave, steps, totalMs, vfGapMs,
                    migrationStats, outcome, operationId, recovered, mode, destAttachLibvirtMs, precheckParts, p2pUri,
                    journalMs, plan, deviceGapsMs, null);
        }

        public Report(String domain, String source, String destination, PciAddress sourceVf, PciAddress destVf,
                      String mac, String bond, String backupSlave, List<Saga.Step> steps, long totalMs,
                      long vfGapMs, Map<String, Long> migrationStats, String outcome, String operationId,
                      Recovery.Result recovered, String mode, long destAttachLibvirtMs,
                      Map<String, Long> precheckParts, String p2pUri, long journalMs) {
            this(domain, source, destination, sourceVf, destVf, mac, bond, backupSlave, steps, totalMs, vfGapMs,
                    migrationStats, outcome, operationId, recovered, mode, destAttachLibvirtMs, precheckParts, p2pUri,
                    journalMs, null, Map.of());
        }

        public Report(String domain, String source, String destination, PciAddress sourceVf, PciAddress destVf,
                      String mac, String bond, String backupSlave, List<Saga.Step> steps, long totalMs,
                      long vfGapMs, Map<String, Long> migrationStats, String outcome, String operationId,
                      Recovery.Result recovered, String mode, long destAttachLibvirtMs,
                      Map<String, Long> precheckParts) {
            this(domain, source, destination, sourceVf, destVf, mac, bond, backupSlave, steps, totalMs, vfGapMs,
                    migrationStats, outcome, operationId, recovered, mode, destAttachLibvirtMs, precheckParts, null,
                    0, null, Map.of());
        }

        /** Whether the source libvirtd drove the migration (peer-to-peer, to {@link #p2pUri()}). */
        public boolean p2p() {
            return p2pUri != null;
        }
    }

    /** How long {@code migrate --verify} lets the guest try each address by default: 30 s. */
    public static final Duration DEFAULT_VERIFY_LIMIT = Duration.ofSeconds(30);

    /**
     * One address of {@code migrate --verify} after the migration: whether it answered the guest (pinged from the
     * guest on the destination through its agent), {@code timeToTrafficMs} from the switch-over (the live migration's
     * end, when the guest ran on the destination) to the end of the first answered ping (-1 when none was),
     * {@code triedMs} how long the guest tried, the pings sent and what the last unanswered one printed.
     */
    public record Traffic(String address, boolean answered, long timeToTrafficMs, long triedMs, int attempts,
                          String lastError) {
    }

    private final Hosts hosts;
    private final Hotplug hotplug;
    private final OperationJournal journal;

    public MigrationFlow(Hosts hosts, Hotplug hotplug) {
        this(hosts, hotplug, new OperationJournal());
    }

    public MigrationFlow(Hosts hosts, Hotplug hotplug, OperationJournal journal) {
        this.hosts = hosts;
        this.hotplug = hotplug;
        this.journal = journal;
    }

    /**
     * What the pre-checks found, read once (one inventory scan per host, both hosts at once) and used by every later
     * step. The VF fields are null in {@link Mode#PLAIN}; the bond fields outside {@link Mode#BOND}; {@code teaming}
     * outside {@link Mode#FAILOVER}. {@code agent}: the guest agent answered in the pre-checks (bond mode needs it;
     * the others use it, when there, to see the VF arrive in the guest).
     */
    record Plan(org.libvirt.Domain dom, String uuid, Mode mode, PciAddress sourceVf, String vendorId,
                String productId, String mac, String bond, String vfLink, String backupSlave,
                List<PciAddress> destCandidates, String teaming, Integer vlan, boolean trusted, boolean agent,
                boolean networkManager, Map<String, Long> precheckParts, HostIdentity sourceHost,
                HostIdentity destHost, List<Operation.Device> devices, MigrationPlan migrationPlan) {
    }

    /**
     * Runs the migration. A record left in the domain's metadata by an earlier passthru process that died is
     * recovered first ({@link Recovery}); one whose owner still runs refuses the migration.
     *
     * @throws MigrationFailedException     naming the failed step; {@link MigrationFailedException#rolledBack()}
     *                                      tells whether the guest is back as it was, {@code leftToDo} what remains
     * @throws InvalidRequestException      when a pre-check fails (nothing was changed)
     * @throws NoFreeDeviceException        when the destination has no usable free VF (nothing was changed)
     * @throws OperationInProgressException when another live passthru process runs an operation on the domain
     */
    public Report migrate(Request req) {
        for (String a : req.verify()) {
            try {
                io.passthru.agent.GuestReachability.validateAddress(a);
            } catch (io.passthru.agent.InvalidGuestInputException e) {
                throw new InvalidRequestException("--verify " + a + ": " + e.getMessage() + "; nothing was changed");
            }
        }
        Host src = hosts.open(req.sourceUri());
        org.libvirt.Domain dom0 = src.domain(req.domain());
        String uuid = Host.uuid(dom0);
        try (OperationLock lock = OperationLock.acquire(uuid, req.domain())) {
            Recovery.Result recovered = new Recovery(hosts, hotplug, journal).settle(src, req.domain());
            if (recovered != null && !req.sourceUri().equals(recovered.runningOn())) {
                throw new InvalidRequestException("an interrupted operation on '" + req.domain() + "' was recovered: "
                        + recovered.summary() + "; the domain now runs on " + recovered.runningOn()
                        + ", not on " + req.sourceUri());
            }
            Host dst = hosts.open(req.destUri());
            return run(req, src, dst, recovered);
        }
    }

    private Report run(Request req, Host src, Host dst, Recovery.Result recovered) {
        MigrationControls controls = req.controls();
        Saga saga = new Saga();
        controls.listener().stepStarted("pre-checks", "pre-checks");
        Plan plan;
        try {
            plan = saga.step("pre-checks", () -> {
                Plan p = precheck(req, src, dst);
                if (!req.verify().isEmpty() && !p.agent()) {
                    throw new InvalidRequestException("--verify needs the guest agent of '" + req.domain() + "' (the "
                            + "guest pings the addresses through it), and it did not answer; start qemu-guest-agent "
                            + "in the guest or leave --verify out; nothing was changed");
                }
                if (!p.migrationPlan().movable()) {
                    throw new NoFreeDeviceException("the migration plan of '" + req.domain() + "' leaves devices "
                            + "behind; nothing was changed:\n" + p.migrationPlan().describe().stripTrailing());
                }
                return p;
            }, null);
        } finally {
            List<Saga.Step> t = saga.timeline();
            controls.listener().stepFinished(t.get(t.size() - 1));
        }
        Operation op = newOperation(req, plan);
        java.util.concurrent.atomic.AtomicReference<Long> postcopyAt = new java.util.concurrent.atomic.AtomicReference<>();
        LibvirtMigrationSide source = new LibvirtMigrationSide(src, req.domain(), plan.dom(), hotplug, journal);
        MigrationEngine.Transfer transfer = new MigrationEngine.Transfer() {
            @Override
            public MigrationSide migrate() {
                return side(liveMigrate(plan.dom(), dst, req, controls, postcopyAt, stateMoves(plan.devices())));
            }

            @Override
            public Copies copies() {
                return new LibvirtCopies(hosts, plan.uuid(), new LibvirtCopies.Endpoint(src.uri(), plan.sourceHost()),
                        new LibvirtCopies.Endpoint(dst.uri(), plan.destHost()));
            }

            @Override
            public MigrationSide destination() {
                return side(dst.domain(plan.uuid()));
            }

            private MigrationSide side(org.libvirt.Domain migrated) {
                return new LibvirtMigrationSide(dst, req.domain(), migrated, hotplug, journal);
            }

            @Override
            public void prepareMdev(Operation.Device d) {
                Optional<Mdevs.Mdev> there = Mdevs.find(dst, d.address);
                if (d.mdevParent == null) {
                    Mdevs.restart(dst, d.address); // the destination's own: its device state starts fresh
                } else if (there.isEmpty() || !there.get().active()) {
                    if (there.isPresent()) {
                        Mdevs.remove(dst, d.address); // defined but stopped (an interrupted run): made again
                    }
                    Mdevs.create(dst, d.mdevType, d.mdevParent, d.address);
                }
            }

            @Override
            public void removeMdev(Operation.Device d) {
                if (d.mdevParent != null) {
                    Mdevs.removeIfFree(dst, d.address);
                }
            }
        };
        MigrationEngine.Result done;
        try (MigrationEngine engine = new MigrationEngine(op, saga, source, controls,
                MigrationEngine.StepHooks.TEST_HOOKS)) {
            done = engine.run(source, transfer, new MigrationEngine.Setup(plan.sourceVf(), plan.destCandidates(),
                    plan.agent()));
        }
        Map<String, Long> stats = done.destination().completedJobStats();
        List<Traffic> traffic = verify(req, done, saga, controls);
        boolean verified = traffic.stream().allMatch(Traffic::answered);
        return new Report(req.domain(), req.sourceUri(), req.destUri(), plan.sourceVf(), done.destVf(), plan.mac(),
                plan.bond(), plan.backupSlave(), saga.timeline(), saga.now(), done.vfGapMs(),
                stats, verified ? "migrated" : "migrated-unverified", op.id, recovered, plan.mode().id,
                done.destAttachLibvirtMs(), plan.precheckParts(), req.p2pUri(), done.journalMs(),
                plan.migrationPlan(), done.deviceGapsMs(), postcopyAt.get(), done.announced(), traffic);
    }

    /**
     * {@code migrate --verify}: once the guest runs on the destination (the operation is complete, its record gone),
     * the guest pings each address through its agent until it answers or the request's limit passed, each a timed
     * step of the report. An address that does not answer is reported ({@link Report#verified()} false), never
     * thrown: nothing is rolled back for it.
     */
    static List<Traffic> verify(Request req, MigrationEngine.Result done, Saga saga, MigrationControls controls) {
        List<Traffic> out = new ArrayList<>();
        for (String address : req.verify()) {
            String title = "verify: the guest reaches " + address;
            controls.listener().stepStarted("verify", title);
            long start = saga.now();
            io.passthru.agent.GuestReachability.TrafficCheck[] got = new io.passthru.agent.GuestReachability.TrafficCheck[1];
            try {
                saga.step(title, () -> {
                    got[0] = done.destination().reach(address, req.verifyLimit());
                    if (!got[0].answered()) {
                        throw new PassthruException(address + " did not answer the guest within "
                                + req.verifyLimit().toMillis() + " ms (" + got[0].attempts() + " pings; the last: "
                                + got[0].lastError() + ")");
                    }
                    return got[0];
                }, null);
            } catch (PassthruException e) {
                // reported below, and as the step's outcome
            } finally {
                List<Saga.Step> t = saga.timeline();
                controls.listener().stepFinished(t.get(t.size() - 1));
            }
            io.passthru.agent.GuestReachability.TrafficCheck c = got[0];
            if (c != null && c.answered()) {
                out.add(new Traffic(address, true, start + c.afterMs() - done.switchOverMs(), c.afterMs(),
                        c.attempts(), ""));
            } else {
                List<Saga.Step> t = saga.timeline();
                out.add(new Traffic(address, false, -1, c == null ? saga.now() - start : c.afterMs(),
                        c == null ? 0 : c.attempts(), c == null ? t.get(t.size() - 1).outcome() : c.lastError()));
            }
        }
        return out;
    }

    /**
     * The migration's plan ({@link MigrationPlan}) from the same pre-checks as {@link #migrate}, and nothing else:
     * no record, no lock, nothing changed ({@code passthru migrate --plan}).
     *
     * @throws InvalidRequestException when a pre-check refuses the guest as a whole (the plan's entries say why a
     *                                 single device cannot move)
     */
    public MigrationPlan plan(Request req) {
        Host src = hosts.open(req.sourceUri());
        Host dst = hosts.open(req.destUri());
        return precheck(req, src, dst).migrationPlan();
    }

    private Operation newOperation(Request req, Plan plan) {
        Operation op = new Operation();
        op.id = UUID.randomUUID().toString();
        op.kind = OperationKind.MIGRATE;
        op.mode = plan.mode().id;
        op.state = Operation.RUNNING;
        op.domain = req.domain();
        op.domainUuid = plan.uuid();
        op.started = Instant.now().toString();
        op.step = "pre-checks";
        op.stepStatus = Operation.DONE;
        op.source = new Operation.Endpoint(req.sourceUri(), null,
                plan.sourceVf() == null ? null : plan.sourceVf().toString());
        op.source.hostUuid = plan.sourceHost().uuid();
        op.source.hostname = plan.sourceHost().hostname();
        op.destination = new Operation.Endpoint(req.destUri(), req.migrateUri(), null);
        op.destination.p2pUri = req.p2pUri();
        op.destination.hostUuid = plan.destHost().uuid();
        op.destination.hostname = plan.destHost().hostname();
        op.guest = new Operation.Guest(plan.mac(), plan.bond(), plan.backupSlave(), plan.vfLink());
        op.guest.vlan = plan.vlan();
        op.guest.trusted = plan.trusted() ? Boolean.TRUE : null;
        op.guest.teaming = plan.teaming();
        op.guest.networkManager = plan.networkManager() ? Boolean.TRUE : null;
        op.vendorId = plan.vendorId();
        op.productId = plan.productId();
        op.devices = new ArrayList<>(plan.devices());
        op.lease = Leases.mine();
        return op;
    }

    private Plan precheck(Request req, Host src, Host dst) {
        org.libvirt.Domain dom = src.domain(req.domain());
        if (!Host.isActive(dom)) {
            throw new InvalidRequestException("domain '" + req.domain() + "' is not running on " + src.uri()
                    + ": live migration needs a running guest");
        }
        Map<String, Long> parts = Collections.synchronizedMap(new LinkedHashMap<>());
        if (src.uri().equals(dst.uri())) {
            throw new InvalidRequestException("source and destination are the same libvirt host (" + src.uri() + ")");
        }
        // which machines the two URIs reach: the record keeps them, so that recovery, from wherever it runs, acts
        // only on the hosts the migration used; two URIs of one machine are refused here
        CompletableFuture<HostIdentity> srcMachine = CompletableFuture.supplyAsync(() -> timed(parts,
                "source identity", src::identity), PRECHECKS);
        CompletableFuture<HostIdentity> dstMachine = CompletableFuture.supplyAsync(() -> timed(parts,
                "destination identity", dst::identity), PRECHECKS);
        // the destination's inventory is read once per migration and reused by every later step, and its readiness
        // is checked here, once, while the source's guest is asked about its network; of the source only the VF and
        // its PF are read (the guest holds the VF: nothing else of the source host matters to the migration)
        CompletableFuture<Inventory> dstScan = CompletableFuture.supplyAsync(() -> timed(parts,
                "destination inventory", () -> Inventory.scanAsDestination(dst)), PRECHECKS);
        CompletableFuture<Void> dstReady = dstScan.thenAcceptAsync(inv -> timed(parts, "destination readiness",
                () -> {
                    new HostCheck().requireReadyFor(dst, inv, "the guest's VF", null);
                    return null;
                }), PRECHECKS);
        CompletableFuture<Boolean> nameTaken = CompletableFuture.supplyAsync(() -> timed(parts,
                "destination name check", () -> {
                    try {
                        dst.domain(req.domain());
                        return true;
                    } catch (DomainNotFoundException expected) {
                        return false;
                    }
                }), PRECHECKS);
        String uuid = Host.uuid(dom);
        Domain live = timed(parts, "live XML", () -> XmlCodec.unmarshal(Host.xml(dom, false), Domain.class));
        // each device's strategy: the operator's --strategy choices, then the guest's network strategy for the VF it
        // runs on, hotplug for every other device
        List<DevicePlanner.Held> held = DevicePlanner.held(live);
        Map<String, String> choices = DevicePlanner.checkChoices(req.strategies(), held, req.domain());
        Mode asked = req.mode();
        for (Map.Entry<String, String> c : choices.entrySet()) {
            if (!MigrationPlan.HOTPLUG.equals(c.getValue()) && !MigrationPlan.STATE.equals(c.getValue())) {
                Mode m = Mode.parse(c.getValue());
                if (asked != Mode.AUTO && asked != m) {
                    throw new InvalidRequestException("--strategy " + c.getKey() + "=" + c.getValue()
                            + " contradicts --mode " + asked.id + ": give one of them");
                }
                asked = m;
            }
        }
        Set<String> hotplugNames = new HashSet<>();
        choices.forEach((k, v) -> {
            if (MigrationPlan.HOTPLUG.equals(v) || MigrationPlan.STATE.equals(v)) {
                hotplugNames.add(k); // not the guest's network VF
            }
        });
        Mode mode = resolveMode(asked, live, req.domain(), hotplugNames);
        List<DevicePlanner.Held> netVfs = held.stream().filter(h -> "vf".equals(h.kind()) && h.source() != null
                && !hotplugNames.contains(h.name())).toList();
        // a source inventory for the devices that move by hotplug (their kind and ids), read while the guest is asked
        boolean others = held.size() > (mode == Mode.PLAIN ? 0 : 1);
        CompletableFuture<Inventory> srcScan = others ? CompletableFuture.supplyAsync(() -> timed(parts,
                "source inventory", () -> Inventory.scan(src)), PRECHECKS) : null;
        // the two identities are joined only once the guest was asked (a first read of a host's capabilities can
        // take a second on the lab): the guest's questions need the live XML only
        if (mode == Mode.PLAIN) {
            // the hooks of hotplug devices need guest-exec: a loaded host's agent may take seconds to answer, and a
            // slow answer must not read as "no agent" (the migration would be refused)
            boolean agent = (others || !req.verify().isEmpty()) && timed(parts, "guest agent",
                    () -> GuestExecCheck.usable(dom, HOOKS_AGENT_PATIENCE));
            HostIdentity[] machines = distinctMachines(srcMachine, dstMachine, src, dst);
            if (join(nameTaken)) {
                throw new InvalidRequestException("a domain named '" + req.domain() + "' already exists on "
                        + dst.uri());
            }
            List<Operation.Device> devices = new ArrayList<>();
            MigrationPlan mp = planDevices(req, choices, mode, dom, src, dst, held, null, null, agent, srcScan, dstScan,
                    List.of(), devices, parts);
            if (others) {
                join(dstReady);
            }
            return new Plan(dom, uuid, mode, null, null, null, null, null, null, null, List.of(), null, null, false,
                    agent, false, copyInOrder(parts), machines[0], machines[1], devices, mp);
        }
        // the VF from the live XML (libvirt takes <interface type='hostdev'> for SR-IOV VFs only), checked against
        // the source inventory once the guest was asked: the guest's answers and the inventory come in together
        Supplier<InvalidRequestException> noVf = () -> new InvalidRequestException("domain '" + req.domain()
                + "' has no SR-IOV VF attached as <interface type='hostdev'> on " + src.uri() + "; attach one with "
                + "passthru attach --vf ADDR --bond BOND (a plain <hostdev> has no MAC to find it in the guest)");
        // the VF the guest's network strategy moves: the one the operator named, the failover primary, else the
        // first (bond: the first one the guest has enslaved, once its links are read)
        DomainInterface chosen = netVfs.stream().filter(h -> choices.containsKey(h.name())).findFirst()
                .or(() -> mode == Mode.FAILOVER ? Failover.transientVf(live).flatMap(t -> netVfs.stream()
                        .filter(h -> h.element() == t).findFirst()) : Optional.empty())
                .or(() -> netVfs.stream().findFirst())
                .map(h -> (DomainInterface) h.element()).orElseThrow(noVf);
        DomainInterface vfIf = chosen;
        PciAddress vf = vfIf.sourcePciAddress().orElseThrow();
        CompletableFuture<Optional<Inventory.VfAndPf>> srcVf = CompletableFuture.supplyAsync(() -> timed(parts,
                "source VF and PF", () -> Inventory.vfAndPf(src, vf)), PRECHECKS);
        String mac = vfIf.macAddress().map(MacAddress::toString).orElseThrow(() -> new InvalidRequestException(
                "the VF interface of '" + req.domain() + "' has no MAC address in the live XML"));

        String teaming = null;
        String bondName = null;
        String vfLinkName = null;
        String backupName = null;
        boolean networkManager = false;
        boolean agent;
        if (mode == Mode.FAILOVER) {
            teaming = Failover.checkPaired(live, req.domain(), vfIf).alias();
            agent = timed(parts, "guest agent", () -> GuestExecCheck.usable(dom, Duration.ofSeconds(3)));
        } else if (mode == Mode.UNPLUG_REPLUG) {
            agent = timed(parts, "guest agent", () -> GuestExecCheck.usable(dom, Duration.ofSeconds(3)));
        } else {
            GuestNetwork net = BondVf.guestNet(dom);
            // the guest's links straight away, without a guest-ping or guest-info first: that round trip is asked
            // only when the command fails, to tell an agent that does not answer from one that refuses guest-exec
            // NetworkManager is asked at the same time: both are guest-exec'd commands that only read, and the guest
            // runs them side by side (libvirt passes one agent call at a time, each returns at once)
            GuestNetworkManager nm = new GuestNetworkManager(new GuestAgent(new LibvirtAgentChannel(dom)));
            CompletableFuture<List<GuestNetworkManager.Device>> nmDevices = CompletableFuture.supplyAsync(() ->
                    timed(parts, "guest NetworkManager", () -> nm.devicesIfRunning().orElse(List.of())), PRECHECKS);
            GuestNetwork.Snapshot seen;
            try {
                seen = timed(parts, "guest links and bonds", net::snapshot);
            } catch (AgentException e) {
                throw bondAgentRefusal(dom, req.domain(), e);
            }
            agent = true;
            List<GuestLink> links = seen.links();
            GuestLink vfLink = links.stream().filter(l -> l.isPciDevice() && l.hasMac(mac)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("the guest of '" + req.domain()
                            + "' shows no PCI netdev with MAC " + mac + " (VF " + vf + ")"));
            if (vfLink.master() == null) {
                GuestLinkOwner owner = GuestLinkOwner.detect(new GuestAgent(new LibvirtAgentChannel(dom)));
                throw new InvalidRequestException(notEnslaved(vf, vfLink, links, owner, mac));
            }
            BondState bond = seen.bond(vfLink.master());
            if (!"active-backup".equals(bond.mode())) {
                throw new InvalidRequestException("bond " + bond.name() + " in the guest is in mode '" + bond.mode()
                        + "'; VF migration needs mode active-backup (kernel Documentation/networking/bonding.rst)");
            }
            GuestLink backup = links.stream()
                    .filter(l -> bond.slaves().contains(l.name()) && !l.name().equals(vfLink.name())
                            && !l.isPciDevice())
                    .filter(l -> "up".equalsIgnoreCase(bond.slaveMiiStatus().getOrDefault(l.name(), ""))
                            && l.lowerUp())
                    .findFirst()
                    .orElseThrow(() -> new InvalidRequestException("bond " + bond.name() + " in the guest has no "
                            + "virtual NIC slave with link up besides the VF (slaves: " + bond.slaves() + ", MII: "
                            + bond.slaveMiiStatus() + "): the guest would have no network while the VF is away"));
            bondName = bond.name();
            vfLinkName = vfLink.name();
            backupName = backup.name();
            networkManager = join(nmDevices).stream()
                    .anyMatch(d -> d.name().equals(vfLink.name()) && d.managed());
        }

        long waitSrc = System.nanoTime();
        Inventory.VfAndPf srcPf = join(srcVf).orElseThrow(noVf);
        parts.put("waited for source VF", (System.nanoTime() - waitSrc) / 1_000_000);
        HostIdentity[] machines = distinctMachines(srcMachine, dstMachine, src, dst);
        if (join(nameTaken)) {
            throw new InvalidRequestException("a domain named '" + req.domain() + "' already exists on " + dst.uri());
        }
        long waitDst = System.nanoTime();
        Inventory dstInv = join(dstScan);
        String srcPhysnet = null;
        if (req.pool() != null && req.destPool() != null) {
            DeviceSpec spec = req.pool().allowing(vf, srcPf.pf(), srcPf.vendorId(), srcPf.productId()).orElseThrow(() ->
                    new InvalidRequestException("VF " + vf + " of '" + req.domain() + "' is not allowed by any "
                            + "device_spec of the device pool: its physical network is unknown"));
            srcPhysnet = spec.physicalNetwork().orElse(null);
        }
        final String physnet = srcPhysnet;
        List<PciAddress> candidates = new ArrayList<>();
        List<String> downPfs = new ArrayList<>();
        for (Inventory.Pf pf : dstInv.pfs()) {
            if (!BondVf.same(pf.vendorId(), srcPf.pfVendorId())
                    || !BondVf.same(pf.productId(), srcPf.pfProductId())) {
                continue;
            }
            if (pf.netInterface() != null && !pf.linkUp()) {
                downPfs.add(pf.netInterface() + " (" + pf.address() + ")");
                continue;
            }
            pf.vfs().stream().filter(Inventory.Vf::isFree)
                    .filter(v -> req.destPool() == null || samePhysnet(req.destPool(), physnet, v))
                    .map(Inventory.Vf::address).forEach(candidates::add);
        }
        if (req.destVf() != null) {
            if (!candidates.contains(req.destVf())) {
                throw new NoFreeDeviceException("VF " + req.destVf() + " on " + dst.uri() + " is not a free VF of a PF "
                        + srcPf.pfVendorId() + ":" + srcPf.pfProductId() + " with link up (free: " + candidates + ")");
            }
            candidates = List.of(req.destVf());
        }
        if (candidates.isEmpty()) {
            throw new NoFreeDeviceException("no free VF on " + dst.uri() + " of a PF " + srcPf.pfVendorId() + ":"
                    + srcPf.pfProductId() + " with link up" + (srcPhysnet == null ? "" : " on physical network "
                    + srcPhysnet) + (downPfs.isEmpty() ? "" : " (PFs with link down: "
                    + downPfs + ")") + ": free a VF there or raise sriov_numvfs; nothing was changed");
        }
        join(dstReady);
        parts.put("waited for destination", (System.nanoTime() - waitDst) / 1_000_000);
        List<Operation.Device> devices = new ArrayList<>();
        MigrationPlan mp = planDevices(req, choices, mode, dom, src, dst, held, vf,
                DevicePlanner.vendorProduct(srcPf.vendorId(), srcPf.productId()), agent, srcScan, dstScan, candidates,
                devices, parts);
        // the network VF's candidates leave out the devices the plan gave to VFs that move by hotplug
        Set<String> taken = new HashSet<>();
        devices.forEach(d -> taken.add(d.destAddress));
        List<PciAddress> netCandidates = candidates.stream().filter(c -> !taken.contains(c.toString())).toList();
        if (netCandidates.isEmpty()) {
            throw new NoFreeDeviceException("no free VF left on " + dst.uri() + " for the guest's network VF once the "
                    + "other devices got theirs (" + taken + "); nothing was changed");
        }
        return new Plan(dom, uuid, mode, vf, srcPf.pfVendorId(), srcPf.pfProductId(), mac, bondName, vfLinkName,
                backupName, netCandidates, teaming, vfIf.vlanTag().orElse(null),
                Boolean.TRUE.equals(vfIf.getTrustGuestRxFilters()), agent, networkManager, copyInOrder(parts),
                machines[0], machines[1], devices, mp);
    }

    /**
     * The devices other than the network VF ({@code networkVf}, null when none): each moves by {@code hotplug} to an
     * equivalent free device of the destination (see {@link DevicePlanner#equivalents}; two devices never get the same
     * one, and the network VF keeps its first candidate), or is refused in the plan. Fills {@code devices} with the
     * record's entries of those that can move. A NIC's MAC in the guest is read through the guest agent, to give it
     * back on the destination.
     *
     * @throws InvalidRequestException when the hooks are to be told ({@code guestNotify}) and the guest agent does
     *                                 not answer or refuses guest-exec (nothing was changed)
     */
    private MigrationPlan planDevices(Request req, Map<String, String> choices, Mode mode, org.libvirt.Domain dom,
                                      Host src, Host dst,
                                      List<DevicePlanner.Held> held, PciAddress networkVf, String networkVfIds,
                                      boolean agent, CompletableFuture<Inventory> srcScan,
                                      CompletableFuture<Inventory> dstScan, List<PciAddress> netCandidates,
                                      List<Operation.Device> devices, Map<String, Long> parts) {
        List<MigrationPlan.Entry> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<PciAddress> reserved = new HashSet<>();
        if (!netCandidates.isEmpty()) {
            reserved.add(netCandidates.get(0));
        }
        Set<Integer> guestNodes = srcScan == null ? Set.of() : AliasAttach.guestNumaNodes(Host.xml(dom, false));
        Inventory srcInv = srcScan == null ? null : join(srcScan);
        Inventory dstInv = srcScan == null ? null : join(dstScan);
        boolean hotplug = false;
        // mdevs move by state: QEMU's blockers and the destination's mdevs are read once, when the guest has one
        boolean mdevs = held.stream().anyMatch(h -> "mdev".equals(h.kind()) && h.mdev() != null);
        // and for the PCI devices that may move by state (a VFIO variant driver, or live_migratable in the pool)
        boolean pciState = srcScan != null && held.stream().anyMatch(h -> h.source() != null
                && !h.source().equals(networkVf) && !MigrationPlan.HOTPLUG.equals(choices.get(h.name())));
        List<String> blockers = mdevs || pciState ? timed(parts, "QEMU migration blockers", () -> DevicePlanner.blockedReasons(
                Domains.monitorCommand(dom, "{\"execute\":\"query-migrate\"}", 0,
                        "ask QEMU for migration blockers of '" + req.domain() + "'"))) : List.of();
        List<Mdevs.Mdev> srcMdevs = mdevs ? timed(parts, "source mdevs", () -> Mdevs.list(src)) : List.of();
        List<Mdevs.Mdev> dstMdevs = mdevs ? timed(parts, "destination mdevs", () -> Mdevs.list(dst)) : List.of();
        // the destination's types its pool allows (all when the pool names no mdev_type)
        List<Mdevs.MdevType> dstTypes = mdevs ? timed(parts, "destination mdev types", () -> Mdevs.allowedBy(
                req.destPool(), Mdevs.types(dst), dst, null)) : List.of();
        Map<String, Integer> claimed = new HashMap<>();
        for (DevicePlanner.Held h : held) {
            if ("mdev".equals(h.kind()) && h.mdev() != null) {
                String type = srcMdevs.stream().filter(m -> m.uuid().equalsIgnoreCase(h.mdev())).map(Mdevs.Mdev::type)
                        .findFirst().orElse(null);
                Operation.Device d = DevicePlanner.stateEntry(h, type);
                Set<String> others = othersOf(held, h);
                MigrationPlan.Entry e = req.controls().postcopy() ? DevicePlanner.postcopyRefused(d)
                        : DevicePlanner.planState(d, blockers, others, dstMdevs, dstTypes, dst.uri(), claimed);
                entries.add(e);
                if (e.refusal() == null) {
                    devices.add(d);
                }
                continue;
            }
            if (networkVf != null && networkVf.equals(h.source())) {
                DomainInterface i = (DomainInterface) h.element();
                entries.add(new MigrationPlan.Entry("vf", h.source(), h.alias(), h.guestAddress(), networkVfIds,
                        i.macAddress().map(MacAddress::toString).orElse(null), mode.id,
                        netCandidates.isEmpty() ? null : netCandidates.get(0), null, false));
                continue;
            }
            if (h.source() == null || !("vf".equals(h.kind()) || "pci".equals(h.kind()))) {
                entries.add(DevicePlanner.unmovable(h));
                continue;
            }
            String kind;
            String vendor;
            String product;
            if ("vf".equals(h.kind())) {
                Inventory.Vf v = srcInv.vf(h.source()).orElse(null);
                kind = "vf";
                vendor = v == null ? null : v.vendorId();
                product = v == null ? null : v.productId();
            } else {
                Inventory.PciFunction f = srcInv.function(h.source()).orElse(null);
                kind = f != null && f.kind() == io.passthru.manager.pool.DeviceType.PF ? "pf" : "pci";
                vendor = f == null ? null : f.vendorId();
                product = f == null ? null : f.productId();
            }
            String nicLink = null;
            String nicMac = null;
            if (!"vf".equals(kind) && agent && h.guestAddress() != null) {
                GuestAgent ga = new GuestAgent(new LibvirtAgentChannel(dom));
                nicLink = timed(parts, "guest NIC of " + h.source(), () -> new GuestHooks(ga)
                        .netdevAt(h.guestAddress().toString()).orElse(null));
                if (nicLink != null) {
                    String l = nicLink;
                    nicMac = BondVf.guestNet(dom).links().stream().filter(x -> x.name().equals(l))
                            .map(GuestLink::mac).findFirst().orElse(null);
                }
            }
            Operation.Device d = DevicePlanner.entry(h, kind, vendor, product, nicMac, nicLink, req.guestNotify());
            if (vendor == null) {
                entries.add(DevicePlanner.planEntry(d, "the source host's inventory has no device " + h.source()));
                continue;
            }
            String choice = choices.get(h.name());
            if (!MigrationPlan.HOTPLUG.equals(choice)) {
                // state first, when the device has VFIO migration (its variant driver, or the pool says so)
                Inventory.Vf sv = srcInv.vf(h.source()).orElse(null);
                Inventory.PciFunction sf = srcInv.function(h.source()).orElse(null);
                String srcDriver = sv != null ? sv.driver() : sf == null ? null : sf.driver();
                PciAddress srcPf = sv != null ? sv.pf() : sf == null ? null : sf.pf();
                String model = h.element() instanceof io.passthru.xml.domain.DomainHostdev hd && hd.getDriver() != null
                        ? hd.getDriver().getModel() : null;
                io.passthru.manager.pool.DeviceSpec spec = req.pool() == null ? null
                        : req.pool().allowing(h.source(), srcPf, vendor, product).orElse(null);
                PciStatePlanner.Choice sc = PciStatePlanner.plan(d, PciStatePlanner.capability(srcDriver, model, spec)
                                .orElse(null), MigrationPlan.STATE.equals(choice), blockers, othersOf(held, h),
                        req.controls().postcopy(), dstInv, req.destPool(), req.domain(), reserved);
                if (sc.entry() != null) {
                    devices.add(d);
                    entries.add(sc.entry());
                    continue;
                }
                if (MigrationPlan.STATE.equals(choice)) {
                    entries.add(DevicePlanner.planEntry(d, "--strategy state: " + sc.fallback()));
                    continue;
                }
                if (sc.fallback() != null) {
                    notes.add(h.name() + ": state not possible (" + sc.fallback() + "); it moves by hotplug");
                }
            }
            hotplug = true;
            List<PciAddress> eq = new ArrayList<>(DevicePlanner.equivalents(dstInv, req.domain(), d, req.destPool()));
            eq.removeAll(reserved);
            eq = new ArrayList<>(DevicePlanner.numaOrder(eq, dstInv, d, req.destPool(), guestNodes,
                    guestNodes.isEmpty() ? Map.of() : AliasAttach.hostNumaSockets(dst), notes));
            if (eq.isEmpty()) {
                entries.add(DevicePlanner.planEntry(d, "no free equivalent on " + dst.uri() + ": no " + kind + " "
                        + DevicePlanner.vendorProduct(vendor, product) + " there is free, allowed by its pool, "
                        + "assignable (its IOMMU group whole, PF/VF exclusivity) and by its NUMA policy (see the "
                        + "notes); free one or pick another host"));
                continue;
            }
            d.destAddress = eq.get(0).toString();
            reserved.add(eq.get(0));
            devices.add(d);
            entries.add(DevicePlanner.planEntry(d, null));
        }
        if (hotplug && req.guestNotify() && !agent) {
            throw new InvalidRequestException("the guest agent of '" + req.domain() + "' does not answer or refuses "
                    + "guest-exec: the hotplug strategy tells the guest's hooks (" + GuestHooks.DEFAULT_DIR + ") "
                    + "through it before a device goes; nothing was changed. Start qemu-guest-agent in the guest, or "
                    + "accept a surprise removal with --no-guest-notify");
        }
        if (hotplug && !req.guestNotify()) {
            notes.add("--no-guest-notify: the guest is not told before its devices go (a surprise removal)");
        }
        return new MigrationPlan(req.domain(), req.sourceUri(), req.destUri(), mode.id, entries, notes);
    }

    /** The guest's devices other than {@code h} as QEMU names them in its blockers: mdev UUIDs, host PCI addresses. */
    private static Set<String> othersOf(List<DevicePlanner.Held> held, DevicePlanner.Held h) {
        Set<String> others = new HashSet<>();
        held.stream().filter(o -> o != h).forEach(o -> {
            if (o.mdev() != null) {
                others.add(o.mdev());
            }
            if (o.source() != null) {
                others.add(o.source().toString());
            }
        });
        return others;
    }

    /**
     * The machines the source and destination URIs reach.
     *
     * @throws InvalidRequestException when both reach one machine (nothing was changed)
     */
    private static HostIdentity[] distinctMachines(CompletableFuture<HostIdentity> srcMachine,
                                                   CompletableFuture<HostIdentity> dstMachine, Host src, Host dst) {
        HostIdentity[] machines = {join(srcMachine), join(dstMachine)};
        if (machines[0].sameMachine(machines[1])) {
            throw new InvalidRequestException("source " + src.uri() + " and destination " + dst.uri() + " reach the "
                    + "same machine, " + machines[0] + ": a guest cannot migrate to the host it runs on; nothing was "
                    + "changed");
        }
        return machines;
    }

    /**
     * Why the bond pre-check could not read the guest's links ({@code failure}), as the refusal to throw: the agent
     * refuses guest-exec ({@code guest-info} names it), or does not answer. Nothing was changed.
     */
    private static RuntimeException bondAgentRefusal(org.libvirt.Domain dom, String domain, AgentException failure) {
        GuestInfo info;
        try {
            info = new GuestAgent(new LibvirtAgentChannel(dom)).info();
        } catch (AgentException e) {
            e.addSuppressed(failure);
            return new InvalidRequestException("the guest agent of '" + domain + "' does not answer ("
                    + failure.getMessage() + "): the bond mode needs it to move the bond between slaves; nothing was "
                    + "changed. Check that qemu-guest-agent runs in the guest, or use --mode failover (no agent "
                    + "needed; the guest's virtio NIC needs <teaming type='persistent'/>)", e);
        }
        List<String> refused = GuestExecCheck.refused(info);
        return refused.isEmpty() ? failure
                : new InvalidRequestException(GuestExecCheck.message(domain, refused, "the bond mode"), failure);
    }

    /** The bond pre-check's refusal of a VF outside any bond: what the guest has, who owns its links, what to do. */
    static String notEnslaved(PciAddress vf, GuestLink vfLink, List<GuestLink> links, GuestLinkOwner owner,
                              String mac) {
        List<String> bonds = links.stream().filter(GuestLink::isBond).map(GuestLink::name).toList();
        String found = bonds.isEmpty() ? "the guest has no bond device (the bonding driver is not loaded, or no bond "
                + "is configured)" : "the guest's bonds " + bonds + " do not hold it";
        String bond = bonds.isEmpty() ? "BOND" : bonds.get(0);
        return "VF " + vf + " (" + vfLink.name() + " in the guest) is not enslaved in a bond: " + found
                + "; without a bond the guest would lose its network during the migration. Nothing was changed. "
                + owner.howToEnslave(mac, bond) + "; or accept the outage with --mode unplug-replug";
    }

    /** {@link #resolveMode(Mode, Domain, String, Set)} with no device moved by {@code --strategy X=hotplug}. */
    static Mode resolveMode(Mode asked, Domain live, String domainName) {
        return resolveMode(asked, live, domainName, Set.of());
    }

    /**
     * {@link Mode#AUTO} resolved from the live XML; any mode checked against what the domain holds. The VF
     * interfaces named in {@code hotplug} (alias or host PCI address) move by the {@code hotplug} strategy and do not
     * count; {@code <hostdev>}s always move by it ({@link MigrationPlan}).
     *
     * @throws InvalidRequestException when the mode does not fit the VFs the domain holds
     */
    static Mode resolveMode(Mode asked, Domain live, String domainName, Set<String> hotplug) {
        List<DomainInterface> vfs = live.getDevices() == null ? List.of()
                : live.devices().interfaces().stream().filter(DomainInterface::isHostdev)
                .filter(i -> !hotplug.contains(i.aliasName().orElse(""))
                        && !i.sourcePciAddress().map(a -> hotplug.contains(a.toString())).orElse(false))
                .toList();
        boolean teamed = vfs.stream().anyMatch(i -> i.getTeaming() != null
                && "transient".equals(i.getTeaming().getType()));
        Mode m = asked == null || asked == Mode.AUTO
                ? (teamed ? Mode.FAILOVER : vfs.isEmpty() ? Mode.PLAIN : Mode.BOND) : asked;
        if (m == Mode.PLAIN && !vfs.isEmpty()) {
            throw new InvalidRequestException("domain '" + domainName + "' holds a VF: a plain live migration "
                    + "cannot take it (libvirt refuses); use --mode bond, failover or unplug-replug, or move it with "
                    + "--strategy ALIAS=hotplug");
        }
        if (m != Mode.PLAIN && vfs.isEmpty()) {
            throw new InvalidRequestException("domain '" + domainName + "' has no VF attached as <interface "
                    + "type='hostdev'> for the guest's network: use --mode plain (or auto) for a guest without one");
        }
        if (m == Mode.FAILOVER && !teamed) {
            throw new InvalidRequestException("the VF of '" + domainName + "' has no <teaming type='transient'/>: "
                    + "failover mode needs the VF attached with passthru attach --failover (and the virtio NIC with "
                    + "<teaming type='persistent'/>)");
        }
        if (m != Mode.FAILOVER && teamed) {
            throw new InvalidRequestException("the VF of '" + domainName + "' is a failover primary (<teaming "
                    + "type='transient'/>): migrate it with --mode failover (the guest's net_failover keeps the address)");
        }
        return m;
    }

    /** Runs {@code action}, putting its wall time (ms) under {@code name} in {@code parts}, also when it fails. */
    private static <T> T timed(Map<String, Long> parts, String name, Supplier<T> action) {
        long t0 = System.nanoTime();
        try {
            return action.get();
        } finally {
            parts.put(name, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static Map<String, Long> copyInOrder(Map<String, Long> parts) {
        synchronized (parts) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * {@code virDomainMigrate3} with the controls, or with a {@link Request#p2pUri()} {@code virDomainMigrateToURI3}
     * with {@code VIR_MIGRATE_PEER2PEER} (the source libvirtd connects to that URI and drives Prepare, Perform,
     * Finish and Confirm itself); a monitor thread samples the job statistics for the listener, aborts the job at the
     * timeout, and the cancellation aborts it too. Either way the result is the guest on {@code dst}: after a
     * peer-to-peer migration it is looked up there by UUID, and a guest that is not there (the p2p URI reached
     * another machine than {@code --to}) fails the step, naming both URIs.
     */
    private org.libvirt.Domain liveMigrate(org.libvirt.Domain dom, Host dst, Request req, MigrationControls c,
                                           java.util.concurrent.atomic.AtomicReference<Long> postcopyAt,
                                           Map<PciAddress, PciAddress> moves) {
        // the PCI devices whose state QEMU migrates get their destination devices in the destination XML
        String destXml = moves.isEmpty() ? null : PciStatePlanner.destXml(Domains.migratableXml(dom,
                "read the migratable XML of '" + req.domain() + "'"), moves);
        Domains.MigrationParams params = new Domains.MigrationParams(req.migrateUri(), c.bandwidthMiBs(), destXml);
        long flags = Domains.MIGRATE_MOVE | (c.autoConverge() ? Domains.MIGRATE_AUTO_CONVERGE : 0)
                | (c.postcopy() ? Domains.MIGRATE_POSTCOPY : 0);
        if (c.maxDowntimeMs() != null) {
            Domains.setMaxDowntime(dom, c.maxDowntimeMs(),
                    "set the migration's maximum downtime to " + c.maxDowntimeMs() + " ms");
        }
        String uuid = Host.uuid(dom);
        JobMonitor monitor = new JobMonitor(dom, c);
        c.cancellation().onCancel(monitor::abortForCancel);
        monitor.start();
        try {
            if (c.cancellation().requested()) {
                throw new MigrationCancelledException("cancelled (SIGINT) before the live migration started",
                        "live migrate to " + req.destUri());
            }
            String what = "live migration of '" + req.domain() + "' to " + dst.uri();
            Function<Domains.MigrationFailure, RuntimeException> classify = f -> {
                if (monitor.timedOut) {
                    return new MigrationTimeoutException(what + " did not finish within --timeout "
                            + c.timeout().toSeconds() + " s; the job was aborted (" + f.message() + ")", f.cause(),
                            f.code());
                }
                if (monitor.cancelled) {
                    return new MigrationCancelledException("live migration of '" + req.domain() + "' cancelled "
                            + "(SIGINT); the job was aborted (" + f.message() + ")",
                            "live migrate to " + req.destUri());
                }
                return null; // LibvirtErrors.wrap(what, ...)
            };
            if (req.p2pUri() == null) {
                return Domains.migrate(dom, dst, params, flags, what, classify);
            }
            Domains.migrateToUri(dom, req.p2pUri(), params, flags | Domains.MIGRATE_PEER2PEER, what, classify);
        } finally {
            c.cancellation().onCancel(null);
            monitor.stop();
            postcopyAt.set(monitor.postcopyAtMs);
        }
        return p2pArrived(dst, req, uuid);
    }

    /** Source to destination address of each PCI device that moves by {@code state} (mdevs keep their UUID). */
    static Map<PciAddress, PciAddress> stateMoves(List<Operation.Device> devices) {
        Map<PciAddress, PciAddress> out = new java.util.LinkedHashMap<>();
        for (Operation.Device d : devices) {
            if (MigrationPlan.STATE.equals(d.strategy) && !"mdev".equals(d.kind) && d.destAddress != null) {
                out.put(PciAddress.parse(d.address), PciAddress.parse(d.destAddress));
            }
        }
        return out;
    }

    /**
     * The guest on {@code dst} after the source libvirtd reported a peer-to-peer migration to
     * {@link Request#p2pUri()} done.
     *
     * @throws MigrationFailedException when {@code dst} has no domain with the guest's UUID: the p2p URI reached
     *                                  another machine than {@code --to}
     */
    private static org.libvirt.Domain p2pArrived(Host dst, Request req, String uuid) {
        try {
            return dst.domain(uuid);
        } catch (DomainNotFoundException notThere) {
            throw new MigrationFailedException("the source libvirtd reported the peer-to-peer migration of '"
                    + req.domain() + "' to --p2p-uri " + req.p2pUri() + " done, but --to " + dst.uri() + " has no "
                    + "domain " + uuid + ": --p2p-uri reached another machine than --to (give --p2p-uri as the source "
                    + "host reaches the host of --to)", notThere, LibvirtErrors.VIR_ERR_NO_DOMAIN,
                    "live migrate to " + req.destUri(), false);
        }
    }

    /** Samples {@code virDomainGetJobStats} every {@value #PROGRESS_INTERVAL_MS} ms; aborts at the timeout. */
    private static final class JobMonitor implements Runnable {
        private final org.libvirt.Domain dom;
        private final MigrationControls controls;
        private final long t0 = System.nanoTime();
        private final Thread thread;
        volatile boolean timedOut;
        volatile boolean cancelled;
        /** When the job switched to post-copy, ms after it started ({@code time_elapsed}); null: it did not. */
        volatile Long postcopyAtMs;
        private volatile boolean stopped;

        JobMonitor(org.libvirt.Domain dom, MigrationControls controls) {
            this.dom = dom;
            this.controls = controls;
            this.thread = new Thread(this, "passthru-migration-monitor");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }

        void abortForCancel() {
            cancelled = true;
            abort();
        }

        private void abort() {
            try {
                Domains.abortJob(dom, "abort the migration job");
            } catch (PassthruException e) {
                // no job (not started yet or already over): the migration call reports how it ended
            }
        }

        @Override
        public void run() {
            while (!stopped) {
                try {
                    Thread.sleep(PROGRESS_INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if (controls.timeout() != null && !timedOut
                        && System.nanoTime() - t0 > controls.timeout().toNanos()) {
                    timedOut = true;
                    abort();
                }
                Map<String, Long> s = sample();
                if (s == null || stopped) {
                    continue;
                }
                controls.listener().progress(new MigrationProgress(s.getOrDefault("time_elapsed", 0L),
                        s.getOrDefault("data_total", 0L), s.getOrDefault("data_processed", 0L),
                        s.getOrDefault("data_remaining", 0L), s.getOrDefault("memory_bps", 0L)));
                if (controls.postcopy() && postcopyAtMs == null && !timedOut && !cancelled
                        && s.getOrDefault("memory_iteration", 0L) >= POSTCOPY_AFTER_ITERATION) {
                    try {
                        Domains.startPostCopy(dom, "switch the migration to post-copy");
                        postcopyAtMs = s.getOrDefault("time_elapsed", 0L);
                    } catch (PassthruException e) {
                        // the job ended meanwhile (converged in pre-copy): nothing to switch
                    }
                }
            }
        }

        /** The job's numbers, or null when it has none yet (no job, or no memory figures). */
        private Map<String, Long> sample() {
            try {
                Map<String, Long> s = Domains.jobNumbers(dom, 0, "read the migration's job statistics");
                return s.containsKey("data_total") ? s : null;
            } catch (RuntimeException e) {
                return null; // no job yet, or already finished
            }
        }
    }

    /** The destination VF is allowed by a device_spec of the same physical network, and not remote_managed. */
    private static boolean samePhysnet(DevicePool pool, String physnet, Inventory.Vf v) {
        return pool.allowing(v.address(), v.pf(), v.vendorId(), v.productId())
                .filter(s -> !s.remoteManaged())
                .map(s -> Objects.equals(s.physicalNetwork().orElse(null), physnet))
                .orElse(false);
    }

    /** Default wait for the destination's guest agent, for callers that build controls themselves. */
    public static Duration defaultAgentTimeout() {
        return MigrationControls.DEFAULT_AGENT_TIMEOUT;
    }
}
