package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.journal.Leases;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.journal.OperationLock;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.xml.PciAddress;
import org.libvirt.DomainInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finishes or undoes an operation that a passthru process left in a domain's {@code <metadata>} (it was killed, or
 * a step failed where nothing could be done at the time). It looks where the guest runs now, on the operation's
 * source and destination hosts, and:
 * <ul>
 *   <li>when the guest runs on the destination (the live migration completed): rolls forward: waits for the guest
 *       agent, hot-plugs a free VF (the recorded one first), enslaves it and makes it the active slave; a copy left
 *       paused or defined on the source (a migration whose confirm phase never ran) is destroyed and undefined, as
 *       {@code VIR_MIGRATE_UNDEFINE_SOURCE} would have done;</li>
 *   <li>when it runs on the source: rolls back: resumes it if the migration left it paused, destroys an incoming copy
 *       left paused on the destination, re-plugs the VF (the recorded one, else a free one of the same
 *       vendor:product), enslaves it and makes it the active slave.</li>
 * </ul>
 * Every action checks first, so running recovery twice is harmless. An operation whose owner still lives (see
 * {@link Leases}) is never touched.
 */
public final class Recovery {
    /** Outcomes. */
    public static final String ROLLED_BACK = "rolled-back";
    public static final String ROLLED_FORWARD = "rolled-forward";
    public static final String INCOMPLETE = "incomplete";
    public static final String NOTHING_TO_DO = "nothing-to-do";

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
    public record Result(String domain, String operationId, String found, String outcome, String runningOn,
                         PciAddress vf, List<Saga.Step> steps, long totalMs, String leftToDo) {
        public boolean complete() {
            return leftToDo == null;
        }

        /** One line for operators. */
        public String summary() {
            if (NOTHING_TO_DO.equals(outcome)) {
                return "no interrupted operation on '" + domain + "'";
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
     * {@code passthru recover}: finds the interrupted operation of {@code domain} (in its metadata on {@code uri},
     * else in this machine's mirror of the journal) and rolls it back or forward.
     *
     * @throws OperationInProgressException when the operation's owner still runs
     */
    public Result recover(String uri, String domain) {
        Optional<Operation> found = findRecord(uri, domain);
        if (found.isEmpty()) {
            return nothing(domain, uri);
        }
        Operation op = found.get();
        refuseIfOwned(op);
        try (OperationLock lock = OperationLock.acquire(op.domainUuid, op.domain)) {
            return resolve(op);
        }
    }

    /**
     * The check every command that touches a domain runs first: when the domain's metadata on {@code host} holds an
     * operation, refuses if its owner lives, else recovers it. The caller should hold the domain's
     * {@link OperationLock} when it goes on to run a multi-step operation of its own.
     *
     * @return what recovery did, or null when there was no record
     * @throws OperationInProgressException when the operation's owner still runs
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
        return resolve(op);
    }

    /** {@link #settle} for single-step commands (attach, detach, set-viommu), taking the lock only when needed. */
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
                    + "recover takes over once its lease is older than " + Leases.REMOTE_TTL.toMinutes() + " min");
        }
    }

    private Result nothing(String domain, String uri) {
        return new Result(domain, null, null, NOTHING_TO_DO, uri, null, List.of(), 0, null);
    }

    /** The record in the domain's metadata on {@code uri}, else the newest mirror record of that name. */
    Optional<Operation> findRecord(String uri, String domain) {
        try {
            Optional<Operation> op = journal.read(hosts.open(uri).domain(domain));
            if (op.isPresent()) {
                return op;
            }
        } catch (DomainNotFoundException | HostNotReadyException e) {
            // the domain left this host (or the host is down): the mirror may know where it went
        }
        List<Operation> mirrors = new ArrayList<>(journal.mirrorsByName(domain));
        mirrors.sort(Comparator.comparing((Operation o) -> String.valueOf(o.started)).reversed());
        for (Operation m : mirrors) {
            // the domain's own metadata is the authority: prefer it where the domain is now
            for (String u : new String[] {m.destination == null ? null : m.destination.uri,
                    m.source == null ? null : m.source.uri}) {
                if (u == null) {
                    continue;
                }
                try {
                    Optional<Operation> live = journal.read(hosts.open(u).domain(m.domainUuid));
                    if (live.isPresent() && live.get().id.equals(m.id)) {
                        return live;
                    }
                } catch (PassthruException e) {
                    // not there
                }
            }
            return Optional.of(m);
        }
        return Optional.empty();
    }

    /** Where a domain is on one host. */
    private enum Where { ABSENT, SHUTOFF, RUNNING, PAUSED, UNREACHABLE }

    private record Seen(Host host, org.libvirt.Domain dom, Where where) {
    }

    private Seen look(String uri, String uuid) {
        if (uri == null) {
            return new Seen(null, null, Where.ABSENT);
        }
        Host h;
        try {
            h = hosts.open(uri);
        } catch (HostNotReadyException e) {
            return new Seen(null, null, Where.UNREACHABLE);
        }
        try {
            org.libvirt.Domain d = h.domain(uuid);
            if (!Host.isActive(d)) {
                return new Seen(h, d, Where.SHUTOFF);
            }
            DomainInfo.DomainState st = Host.call("read domain state", () -> d.getInfo().state);
            return new Seen(h, d, st == DomainInfo.DomainState.VIR_DOMAIN_PAUSED ? Where.PAUSED : Where.RUNNING);
        } catch (DomainNotFoundException e) {
            return new Seen(h, null, Where.ABSENT);
        } catch (PassthruException e) {
            return new Seen(h, null, Where.UNREACHABLE);
        }
    }

    private Result resolve(Operation op) {
        Saga saga = new Saga();
        String found = op.kind + ": step " + op.step + " " + op.stepStatus
                + (op.pending == null ? "" : ", pending: " + op.pending);
        Seen src = look(op.source.uri, op.domainUuid);
        Seen dst = look(op.destination == null ? null : op.destination.uri, op.domainUuid);
        if (dst.where() == Where.RUNNING && src.where() == Where.RUNNING) {
            throw new PassthruException("domain '" + op.domain + "' (" + op.domainUuid + ") is running on both "
                    + op.source.uri + " and " + op.destination.uri + ": passthru will not choose; stop one copy "
                    + "(virsh destroy) and run passthru recover again");
        }
        boolean forward = dst.where() == Where.RUNNING
                || dst.where() == Where.PAUSED && src.where() != Where.RUNNING && src.where() != Where.PAUSED;
        if (forward) {
            Seen target = dst;
            if (target.where() == Where.PAUSED) {
                saga.run("resume on destination", () -> Host.call("resume", () -> {
                    target.dom().resume();
                    return null;
                }), null);
            }
            if (src.where() == Where.PAUSED || src.where() == Where.RUNNING) {
                saga.run("destroy stale copy on source", () -> Host.call("destroy", () -> {
                    src.dom().destroy();
                    return null;
                }), null);
            }
            Seen srcNow = look(op.source.uri, op.domainUuid);
            if (srcNow.where() == Where.SHUTOFF) {
                saga.run("undefine source copy", () -> Host.call("undefine", () -> {
                    srcNow.dom().undefine();
                    return null;
                }), null);
            }
            return finish(op, saga, found, dst.host(), dst.dom(),
                    op.destination.vf == null ? List.of() : List.of(PciAddress.parse(op.destination.vf)),
                    ROLLED_FORWARD);
        }
        if (src.where() == Where.RUNNING || src.where() == Where.PAUSED) {
            if (dst.where() == Where.PAUSED || dst.where() == Where.SHUTOFF) {
                saga.run("remove incoming copy on destination", () -> Host.call("destroy", () -> {
                    if (dst.dom().isActive() == 1) {
                        dst.dom().destroy();
                    }
                    if (dst.dom().isPersistent() == 1) {
                        dst.dom().undefine();
                    }
                    return null;
                }), null);
            }
            if (src.where() == Where.PAUSED) {
                saga.run("resume on source", () -> Host.call("resume", () -> {
                    src.dom().resume();
                    return null;
                }), null);
            }
            return finish(op, saga, found, src.host(), src.dom(),
                    op.source.vf == null ? List.of() : List.of(PciAddress.parse(op.source.vf)), ROLLED_BACK);
        }
        String todo = "domain '" + op.domain + "' runs on neither " + op.source.uri + " (" + src.where() + ") nor "
                + (op.destination == null ? "-" : op.destination.uri + " (" + dst.where() + ")")
                + ": start it (virsh start) and run passthru recover again";
        return new Result(op.domain, op.id, found, INCOMPLETE, null, null, saga.timeline(), saga.now(), todo);
    }

    /** Gives the running guest its VF back in the bond; clears the record, or keeps it with what is left. */
    private Result finish(Operation op, Saga saga, String found, Host host, org.libvirt.Domain dom,
                          List<PciAddress> preferred, String outcome) {
        op.lease = Leases.mine();
        op.state = ROLLED_BACK.equals(outcome) ? Operation.ROLLING_BACK : Operation.RUNNING;
        BondVf bondVf = new BondVf(hotplug);
        PciAddress[] vf = new PciAddress[1];
        // bond mode needs the guest agent; failover and unplug-replug use it when it answers; plain has no VF
        boolean bond = op.mode == null || MigrationFlow.Mode.BOND.id.equals(op.mode);
        try {
            journal.write(dom, op);
            if (!MigrationFlow.Mode.PLAIN.id.equals(op.mode)) {
                boolean agent = bond || GuestExecCheck.usable(dom, java.time.Duration.ofSeconds(3));
                if (bond) {
                    saga.run("guest agent", () -> Hotplug.pingAgent(dom, AGENT_PATIENCE), null);
                }
                vf[0] = saga.step("hot-plug VF", () -> bondVf.ensureAttached(host, op.domain, op, preferred,
                        op.vendorId, op.productId, false, () -> { }, agent), null);
                if (bond) {
                    GuestNetwork net = BondVf.guestNet(dom);
                    boolean nm = Boolean.TRUE.equals(op.guest.networkManager);
                    saga.run("enslave VF", () -> {
                        if (nm) {
                            BondVf.enslaveUnderNm(net, BondVf.guestNm(dom), op, MigrationFlow.NM_PATIENCE);
                        } else {
                            BondVf.ensureEnslaved(net, op);
                        }
                    }, null);
                    saga.run("make VF active slave", () -> BondVf.ensureActive(net, op), null);
                    if (nm) {
                        saga.run("NetworkManager manages the VF", () -> BondVf.ensureManaged(BondVf.guestNm(dom), op),
                                null);
                    }
                }
            }
            journal.clear(dom, op);
            return new Result(op.domain, op.id, found, outcome, host.uri(), vf[0], saga.timeline(), saga.now(), null);
        } catch (RuntimeException e) {
            String todo = "on " + host.uri() + ": give '" + op.domain + "' a VF with MAC " + op.guest.mac
                    + (bond ? " in " + op.guest.bond : "") + " (" + e.getMessage() + "); run passthru recover " + op.domain + " --connect "
                    + host.uri() + " again once that is fixed";
            op.lease = null;
            op.state = Operation.INCOMPLETE;
            op.pending = todo;
            try {
                journal.write(dom, op);
            } catch (RuntimeException w) {
                e.addSuppressed(w);
            }
            PciAddress have = BondVf.attachedVf(dom, op.guest.mac).flatMap(i -> i.sourcePciAddress()).orElse(null);
            return new Result(op.domain, op.id, found, INCOMPLETE, host.uri(), have, saga.timeline(), saga.now(),
                    todo);
        }
    }
}
