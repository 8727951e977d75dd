package io.passthru.manager;

import io.passthru.manager.error.CopiesConflictException;
import io.passthru.manager.error.DetachTimeoutException;
import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.manager.error.HostNotReadyException;
import io.passthru.manager.error.HostUnreachableException;
import io.passthru.manager.error.OperationInProgressException;
import io.passthru.PassthruException;
import io.passthru.manager.journal.Leases;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.journal.OperationKind;
import io.passthru.manager.journal.OperationLock;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.HostIdentity;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.journal.RecordedUri;
import io.passthru.manager.migration.Copies;
import io.passthru.manager.migration.CopyResolver;
import io.passthru.manager.migration.CopySafety;
import io.passthru.manager.migration.LibvirtCopies;
import io.passthru.manager.migration.Side;
import io.passthru.xml.PciAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finishes or undoes an operation that a passthru process left in a domain's {@code <metadata>} (it was killed, or
 * a step failed where nothing could be done at the time). It looks at the guest's copies on the operation's source
 * and destination hosts (each checked to be the machine recorded) and lets {@link CopySafety} decide:
 * <ul>
 *   <li>roll forward (the guest runs on the destination): a copy left paused or defined on the source (a migration
 *       whose confirm phase never ran) is destroyed and undefined, as {@code VIR_MIGRATE_UNDEFINE_SOURCE} would
 *       have done; then it waits for the guest agent, hot-plugs a free VF (the recorded one first), enslaves it and
 *       makes it the active slave;</li>
 *   <li>roll back (the guest stays on the source): an incoming copy left on the destination is removed, the source
 *       is resumed if the migration left it paused, and the VF re-plugged (the recorded one, else a free one of the
 *       same vendor:product), enslaved and made the active slave;</li>
 *   <li>refuse, changing nothing, when a host does not answer or the copies leave no safe choice.</li>
 * </ul>
 * Every action checks first, so running recovery twice is harmless. An operation whose owner still lives (see
 * {@link Leases}) is never touched.
 */
public final class Recovery {
    /** How a recovery ended; its name in the command's output ({@code --output json}: {@code outcome}). */
    public enum Outcome {
        /** The guest runs on the source as before the operation (an attach: its devices detached again; a define: the domain undefined again). */
        ROLLED_BACK("rolled-back"),
        /** The guest runs on the destination with its VF. */
        ROLLED_FORWARD("rolled-forward"),
        /**
         * An interrupted detach finished (the device is gone from the domain), or an interrupted define (the domain
         * stays defined with its devices).
         */
        COMPLETED("completed"),
        /** Something is left to do; the record keeps it. */
        INCOMPLETE("incomplete"),
        /** There was no interrupted operation. */
        NOTHING_TO_DO("nothing-to-do");

        /** The name in the output. */
        public final String id;

        Outcome(String id) {
            this.id = id;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String toString() {
            return id;
        }
    }

    public static final Outcome ROLLED_BACK = Outcome.ROLLED_BACK;
    public static final Outcome ROLLED_FORWARD = Outcome.ROLLED_FORWARD;
    public static final Outcome INCOMPLETE = Outcome.INCOMPLETE;
    public static final Outcome NOTHING_TO_DO = Outcome.NOTHING_TO_DO;
    public static final Outcome COMPLETED = Outcome.COMPLETED;

    /** How long the guest agent may take to answer during recovery: 60 s. */
    static final Duration AGENT_PATIENCE = Duration.ofSeconds(60);

    /**
     * What recovery found and did.
     *
     * @param found     the operation's state when found, e.g. "migrate: step unplug-vf started"
     * @param outcome   {@link #ROLLED_BACK}, {@link #ROLLED_FORWARD}, {@link #INCOMPLETE} or {@link #NOTHING_TO_DO}
     * @param runningOn libvirt URI where the guest runs now (null when it runs nowhere or nothing was found)
     * @param vf        the VF the guest holds now (null when none)
     * @param steps     recovery's own steps, timed (ms)
     * @param leftToDo  null when the guest is whole again; else what is left (the record keeps it)
     */
    public record Result(String domain, String operationId, String found, Outcome outcome, String runningOn,
                         PciAddress vf, List<Saga.Step> steps, long totalMs, String leftToDo) {
        public boolean complete() {
            return leftToDo == null;
        }

        /** One line for operators. */
        public String summary() {
            if (outcome == NOTHING_TO_DO) {
                return "no interrupted operation on '" + domain + "'";
            }
            if (found != null && !found.startsWith("migrate")) {
                return "operation " + operationId + " (" + found + ") " + outcome + " in " + totalMs + " ms on "
                        + runningOn + (leftToDo == null ? "" : "; left to do: " + leftToDo);
            }
            return "operation " + operationId + " (" + found + ") " + outcome + " in " + totalMs + " ms: '" + domain
                    + "' runs on " + (runningOn == null ? "no host" : runningOn)
                    + (vf == null ? " without a VF" : " with VF " + vf + " as active slave")
                    + (leftToDo == null ? "" : "; left to do: " + leftToDo);
        }
    }

    private final Hosts hosts;
    private final Hotplug hotplug;
    private final OperationJournal journal;

    public Recovery(Hosts hosts, Hotplug hotplug, OperationJournal journal) {
        this.hosts = hosts;
        this.hotplug = hotplug;
        this.journal = journal;
    }

    /**
     * What an operator may add to {@code passthru recover}: the side to keep when passthru cannot choose
     * ({@code --force-side}), and the URIs to reach the record's hosts with when the recorded ones do not reach them
     * from here ({@code --source-uri}, {@code --destination-uri}; each is checked to reach the recorded machine).
     * All may be null. {@code takeover}: the operator knows the process named by the record's lease, on another
     * machine, is gone ({@code --takeover}): its lease no longer counts it alive (without it a lease from another
     * machine counts as alive until its last journal write is {@link Leases#REMOTE_TTL} old). Every record write is a
     * compare-and-set, so an owner that does still run stops at its next write.
     */
    public record Options(io.passthru.manager.migration.Side forceSide, String sourceUri, String destinationUri,
                          boolean takeover) {
        public Options(io.passthru.manager.migration.Side forceSide, String sourceUri, String destinationUri) {
            this(forceSide, sourceUri, destinationUri, false);
        }

        public static Options none() {
            return new Options(null, null, null, false);
        }
    }

    /** {@link #recover(String, String, Options)} without options. */
    public Result recover(String uri, String domain) {
        return recover(uri, domain, Options.none());
    }

    /**
     * {@code passthru recover}: takes the domain's lock, then finds the interrupted operation of {@code domain} (in
     * its metadata on {@code uri} or on the hosts the mirror names; this machine's mirror file alone only when no
     * recorded host answered) and rolls it back or forward as {@link CopySafety} decides.
     *
     * @throws OperationInProgressException when the operation's owner still runs
     * @throws HostUnreachableException     when a host of the record did not answer: nothing was changed
     * @throws CopiesConflictException      when the copies leave no safe choice: nothing was changed
     */
    public Result recover(String uri, String domain, Options options) {
        String uuid = domainUuid(uri, domain);
        if (uuid == null) {
            return nothing(domain, uri);
        }
        try (OperationLock lock = OperationLock.acquire(uuid, domain)) {
            Optional<Operation> found = findRecord(uri, domain, uuid);
            if (found.isEmpty()) {
                return nothing(domain, uri);
            }
            Operation op = found.get();
            if (!options.takeover() || op.lease == null || Leases.localHostName().equals(op.lease.host)) {
                refuseIfOwned(op); // a live owner on this machine holds the lock: only a remote one is taken over
            }
            return resolve(op, options);
        }
    }

    /** The domain's UUID: from the domain on {@code uri}, else from this machine's newest mirror record of it. */
    private String domainUuid(String uri, String domain) {
        try {
            String what = "read the UUID of domain '" + domain + "' on " + uri;
            return Host.bounded(what, LibvirtCopies.LOOK_LIMIT,
                    () -> Domains.uuid(hosts.open(uri).domain(domain), what));
        } catch (DomainNotFoundException | HostNotReadyException e) {
            return newestMirror(domain).map(o -> o.domainUuid).orElse(null);
        }
    }

    private Optional<Operation> newestMirror(String domain) {
        List<Operation> mirrors = new ArrayList<>(journal.mirrorsByName(domain));
        mirrors.sort(Comparator.comparing((Operation o) -> String.valueOf(o.started)).reversed());
        return mirrors.stream().findFirst();
    }

    /**
     * The check every command that touches a domain runs first: when the domain's metadata on {@code host} holds an
     * operation, refuses if its owner lives, else recovers it. The caller holds the domain's {@link OperationLock}.
     *
     * @return what recovery did, or null when there was no record
     * @throws OperationInProgressException when the operation's owner still runs
     * @throws HostUnreachableException     when a host of the record did not answer: nothing was changed
     * @throws CopiesConflictException      when the copies leave no safe choice: nothing was changed
     */
    public Result settle(Host host, String domain) {
        org.libvirt.Domain dom = host.domain(domain);
        Optional<Operation> rec = journal.read(dom);
        if (rec.isEmpty()) {
            return null;
        }
        Operation op = rec.get();
        if (Leases.isMine(op.lease)) {
            return null;
        }
        refuseIfOwned(op);
        return resolve(op, Options.none());
    }

    /**
     * {@link #settle} for single-step commands (attach, detach, set-viommu): takes the domain's lock when there is
     * a record, and reads the record again under it.
     */
    public Result guard(Host host, String domain) {
        org.libvirt.Domain dom = host.domain(domain);
        Optional<Operation> rec = journal.read(dom);
        if (rec.isEmpty()) {
            return null;
        }
        refuseIfOwned(rec.get());
        try (OperationLock lock = OperationLock.acquire(rec.get().domainUuid, domain)) {
            return settle(host, domain);
        }
    }

    private static void refuseIfOwned(Operation op) {
        if (op.lease != null && !Leases.isMine(op.lease) && Leases.isLive(op.lease)) {
            throw new OperationInProgressException("domain '" + op.domain + "' is in the middle of " + op.kind
                    + " operation " + op.id + " (step " + op.step + ", " + op.stepStatus + ") run by "
                    + Leases.describe(op.lease) + ": wait for it to finish; if that process is gone, passthru "
                    + "recover takes over once its lease is older than " + Leases.REMOTE_TTL.toMinutes() + " min "
                    + "(or at once with passthru recover --takeover, when you know it is gone)");
        }
    }

    private Result nothing(String domain, String uri) {
        return new Result(domain, null, null, NOTHING_TO_DO, uri, null, List.of(), 0, null);
    }

    /**
     * The record of domain {@code uuid}. The domain's own metadata is the authority: the record on {@code uri}, else
     * on a host the newest mirror record names. A mirror record is used alone only when none of its hosts answered
     * with the domain; a host that answered with the domain and another record, or none, makes the mirror stale (it
     * is removed).
     */
    Optional<Operation> findRecord(String uri, String domain, String uuid) {
        boolean seenWithoutRecord = false;
        try {
            Optional<Operation> op = journal.read(hosts.open(uri).domain(uuid));
            if (op.isPresent()) {
                return op;
            }
            seenWithoutRecord = true;
        } catch (DomainNotFoundException | HostNotReadyException e) {
            // the domain left this host (or the host is down): the mirror may know where it went
        }
        Optional<Operation> mirror = journal.readMirror(uuid).or(() -> newestMirror(domain)
                .filter(m -> uuid.equals(m.domainUuid)));
        if (mirror.isEmpty()) {
            return Optional.empty();
        }
        Operation m = mirror.get();
        boolean anyAnswered = seenWithoutRecord;
        for (Operation.Endpoint e : new Operation.Endpoint[] {m.destination, m.source}) {
            if (e == null || e.uri == null || e.uri.equals(uri)) {
                continue;
            }
            try {
                Optional<Operation> live = journal.read(hosts.open(RecordedUri.check(e.uri, "recorded"))
                        .domain(uuid));
                if (live.isPresent() && live.get().id.equals(m.id)) {
                    return live;
                }
                anyAnswered = true;
            } catch (DomainNotFoundException nf) {
                // answered: not there
            } catch (PassthruException unreachable) {
                // no answer: the mirror may be all there is
            }
        }
        if (anyAnswered) {
            journal.clearMirror(m); // a host holds the domain without this record: the operation ended
            return Optional.empty();
        }
        return mirror;
    }

    private Result resolve(Operation op, Options options) {
        Saga saga = new Saga();
        String found = op.kind + ": step " + op.step + " " + op.stepStatus
                + (op.pending == null ? "" : ", pending: " + op.pending);
        if (op.kind == OperationKind.ATTACH || op.kind == OperationKind.DETACH) {
            return resolveDevices(op, options, saga, found);
        }
        if (op.kind == OperationKind.DEFINE) {
            return resolveDefine(op, options, saga, found);
        }
        String srcUri = options.sourceUri() != null ? options.sourceUri()
                : RecordedUri.check(op.source.uri, "source");
        String dstUri = options.destinationUri() != null ? options.destinationUri()
                : op.destination == null ? null : RecordedUri.check(op.destination.uri, "destination");
        LibvirtCopies copies = new LibvirtCopies(hosts, op.domainUuid,
                new LibvirtCopies.Endpoint(srcUri, identity(op.source)),
                new LibvirtCopies.Endpoint(dstUri, identity(op.destination)));
        Result r = resolveMigration(op, copies, options.forceSide(), side -> {
            Host host = hosts.open(side == Side.DESTINATION ? dstUri : srcUri);
            return new LibvirtMigrationSide(host, op.domain, host.domain(op.domainUuid), hotplug, journal);
        }, saga, found, MigrationEngine.StepHooks.TEST_HOOKS);
        List<Operation.Device> created = MigrationEngine.createdMdevs(op);
        if (r.outcome() != ROLLED_BACK || dstUri == null || created.isEmpty()) {
            return r;
        }
        // rolled back: the mdevs the run created on the destination (prepare-mdev's compensation) go too
        List<String> left = new ArrayList<>();
        for (Operation.Device d : created) {
            try {
                saga.run("remove mdev " + d.address + " the migration created on " + dstUri,
                        () -> Mdevs.removeIfFree(hosts.open(dstUri), d.address), null);
            } catch (RuntimeException e) {
                left.add("remove mdev " + d.address + " on " + dstUri + " (passthru mdev remove " + d.address
                        + " --connect " + dstUri + "): " + e.getMessage());
            }
        }
        String todo = r.leftToDo();
        if (!left.isEmpty()) {
            todo = (todo == null ? "" : todo + "; ") + String.join("; ", left);
        }
        return new Result(r.domain(), r.operationId(), r.found(), r.outcome(), r.runningOn(), r.vf(),
                saga.timeline(), saga.now(), todo);
    }

    /**
     * A migration's recovery once its record was found: the copies decide the side to keep and are made safe
     * ({@link CopyResolver}: the paused or incoming copy of the other side removed, the kept one resumed), then
     * the migration engine's own steps give the guest its VF back there ({@link #finish}).
     *
     * @param sides the side of the kept host, opened once the decision is taken
     * @throws HostUnreachableException when a host of the record did not answer: nothing was changed
     * @throws CopiesConflictException  when the copies leave no safe choice: nothing was changed
     */
    static Result resolveMigration(Operation op, Copies copies, Side forced,
                                   java.util.function.Function<Side, MigrationSide> sides, Saga saga, String found,
                                   MigrationEngine.StepHooks hooks) {
        CopyResolver.Outcome out = CopyResolver.resolve(copies, forced, saga);
        boolean forward = out.keep() == Side.DESTINATION;
        Operation.Endpoint kept = forward ? op.destination : op.source;
        return finish(op, saga, found, sides.apply(out.keep()), kept.vf == null ? List.of()
                : List.of(PciAddress.parse(kept.vf)), forward ? ROLLED_FORWARD : ROLLED_BACK, hooks);
    }

    /**
     * An interrupted attach is undone (its recorded devices detached); an interrupted detach, or one whose guest
     * released the device after the timeout, is finished (asked once more when the guest still holds it; the VF's
     * trust flag cleared). The record is cleared when done, else kept with what is left.
     */
    private Result resolveDevices(Operation op, Options options, Saga saga, String found) {
        Host host = recordedHost(op, options);
        String uri = host.uri();
        org.libvirt.Domain dom = host.domain(op.domainUuid);
        op.lease = Leases.mine();
        journal.write(dom, op);
        DeviceOperations devices = new DeviceOperations(hotplug, journal);
        String left;
        Outcome outcome;
        if (op.kind == OperationKind.ATTACH) {
            outcome = ROLLED_BACK;
            PassthruException cause = new PassthruException("undo of attach " + op.id);
            List<String> still = saga.step("detach the devices of the interrupted attach",
                    () -> devices.detachRecorded(host, op.domain, dom, op, cause), null);
            left = still.isEmpty() ? null : "detach " + still + " from '" + op.domain + "' ("
                    + java.util.Arrays.stream(cause.getSuppressed()).map(Throwable::getMessage).toList() + ")";
        } else {
            outcome = COMPLETED;
            Operation.Device d = op.devices.get(0);
            PciAddress a = PciAddress.parse(d.address);
            left = null;
            if (DeviceOperations.holds(dom, a)) {
                try {
                    saga.run("unplug " + a + " (asked again)", () -> {
                        if (d.vf) {
                            hotplug.detachVf(host, op.domain, a);
                        } else {
                            hotplug.detachPci(host, op.domain, a);
                        }
                    }, null);
                } catch (DetachTimeoutException still) {
                    left = "the guest of '" + op.domain + "' still holds " + a + ": " + still.getMessage();
                }
            } else if (Boolean.TRUE.equals(d.trusted)) {
                saga.run("clear the trust flag of VF " + a, () -> VfTrust.set(host.uri(), Inventory.scan(host), a,
                        false), null);
            }
        }
        if (left == null) {
            journal.clear(dom, op);
            return new Result(op.domain, op.id, found, outcome, uri, null, saga.timeline(), saga.now(), null);
        }
        op.lease = null;
        op.state = Operation.INCOMPLETE;
        op.pending = left;
        journal.write(dom, op);
        return new Result(op.domain, op.id, found, INCOMPLETE, uri, null, saga.timeline(), saga.now(), left);
    }

    /** The host of a single-host operation, checked to be the machine recorded. */
    private Host recordedHost(Operation op, Options options) {
        String uri = options.sourceUri() != null ? options.sourceUri() : RecordedUri.check(op.source.uri, "host");
        Host host = hosts.open(uri);
        HostIdentity expected = identity(op.source);
        if (expected != null && !expected.sameMachine(host.identity())) {
            throw new HostUnreachableException("the URI " + uri + " reaches " + host.identity() + ", not the "
                    + "recorded host " + expected + " of " + op.kind + " operation " + op.id + "; nothing was "
                    + "changed: give that host's URI with --source-uri");
        }
        return host;
    }

    /**
     * An interrupted {@code define} with devices is finished with its own last step: under the host's config lock,
     * the recorded devices are checked against every other definition. None held elsewhere: the record is removed
     * (outcome completed: the domain stays defined). One held elsewhere: the definition, still inactive, is
     * undefined again (rolled back), as {@code define} itself would have done; a domain started meanwhile is never
     * undefined (the record stays, incomplete, naming the device). A definition that never reached libvirt leaves
     * only the mirror, which is removed (rolled back).
     */
    private Result resolveDefine(Operation op, Options options, Saga saga, String found) {
        Host host = recordedHost(op, options);
        try (DomainLock hostLock = DomainLock.acquire(host.uri(), "config-attach")) {
            org.libvirt.Domain dom;
            try {
                dom = host.domain(op.domainUuid);
            } catch (DomainNotFoundException never) {
                journal.clearMirror(op);
                saga.run("look for the definition of '" + op.domain + "': libvirt never defined it", () -> { },
                        null);
                return new Result(op.domain, op.id, found, ROLLED_BACK, host.uri(), null, saga.timeline(),
                        saga.now(), null);
            }
            List<String> taken = saga.step("check the devices of '" + op.domain + "' against the other "
                    + "definitions", () -> DomainDefiner.takenElsewhere(host, op.domain, op), null);
            if (taken.isEmpty()) {
                saga.run("remove the record of the define", () -> journal.clear(dom, op), null);
                return new Result(op.domain, op.id, found, COMPLETED, host.uri(), null, saga.timeline(), saga.now(),
                        null);
            }
            if (Host.isActive(dom)) {
                String left = "'" + op.domain + "' was started with a device another definition holds too ("
                        + String.join("; ", taken) + "): shut one of them down and remove the device from its "
                        + "definition (virsh -c " + host.uri() + " edit), then run passthru recover " + op.domain
                        + " again";
                op.lease = null;
                op.state = Operation.INCOMPLETE;
                op.pending = left;
                journal.write(dom, op);
                return new Result(op.domain, op.id, found, INCOMPLETE, host.uri(), null, saga.timeline(),
                        saga.now(), left);
            }
            saga.run("undefine '" + op.domain + "': " + String.join("; ", taken), () -> Domains.undefine(dom,
                    "undefine '" + op.domain + "' (its interrupted define lost a device to another definition)"),
                    null);
            journal.clearMirror(op);
            return new Result(op.domain, op.id, found, ROLLED_BACK, host.uri(), null, saga.timeline(), saga.now(),
                    null);
        }
    }

    /** The machine recorded for an endpoint, or null for a record written before identities were kept. */
    private static HostIdentity identity(Operation.Endpoint e) {
        return e == null || e.hostUuid == null && e.hostname == null ? null : new HostIdentity(e.hostUuid, e.hostname);
    }

    /**
     * Gives the running guest its VF back on {@code side} with the migration engine's own steps
     * ({@link MigrationEngine#recoverOn}): rolled back, the VF is plugged again on the source (the unplug's
     * compensation) and the compensations of the guest-side steps the record shows started or done run newest
     * first, as the migration's own rollback runs them; rolled forward, the arrival steps run from the recorded one
     * on. Each is an ensure, so a step the crashed run finished is checked, not repeated. Clears the record, or keeps
     * it with what is left to do (state incomplete, no owner).
     */
    static Result finish(Operation op, Saga saga, String found, MigrationSide side, List<PciAddress> preferred,
                         Outcome outcome, MigrationEngine.StepHooks hooks) {
        op.lease = Leases.mine();
        op.state = outcome == ROLLED_BACK ? Operation.ROLLING_BACK : Operation.RUNNING;
        GuestStrategy strategy = GuestStrategy.ofRecord(op.mode);
        try {
            PciAddress vf = MigrationEngine.recoverOn(side, op, saga, preferred, outcome == ROLLED_FORWARD,
                    AGENT_PATIENCE, hooks);
            return new Result(op.domain, op.id, found, outcome, side.uri(), vf, saga.timeline(), saga.now(), null);
        } catch (RuntimeException e) {
            String todo = "on " + side.uri() + ": give '" + op.domain + "' a VF with MAC " + op.guest.mac
                    + strategy.vfTodo(op.guest) + " (" + e.getMessage() + "); run passthru recover " + op.domain
                    + " --connect " + side.uri() + " again once that is fixed";
            op.lease = null;
            op.state = Operation.INCOMPLETE;
            op.pending = todo;
            try {
                side.write(op);
            } catch (RuntimeException w) {
                e.addSuppressed(w);
            }
            PciAddress have;
            try {
                have = side.attachedVf(op.guest.mac).orElse(null);
            } catch (RuntimeException unread) {
                e.addSuppressed(unread);
                have = null;
            }
            return new Result(op.domain, op.id, found, INCOMPLETE, side.uri(), have, saga.timeline(), saga.now(),
                    todo);
        }
    }
}
