package io.passthru.manager.migration;

import io.passthru.PassthruException;
import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.HostIdentity;
import io.passthru.manager.libvirt.Hosts;
import org.libvirt.Domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The two copies of a guest (by domain UUID) on a migration's source and destination, through libvirt. Each look
 * opens (or reuses) the host's connection and reads the domain's state within {@link #LOOK_LIMIT}; a host that does
 * not answer in time, fails to, or answers as another machine than the recorded one is {@link CopyState#UNREACHABLE}.
 */
public final class LibvirtCopies implements Copies {
    /** How long one look at one host may take: 20 s (connection open included, whose own bound is 15 s). */
    public static final Duration LOOK_LIMIT = Duration.ofSeconds(20);

    /** A side: the URI to reach it and the machine it must be (null: not recorded, any machine answers for it). */
    public record Endpoint(String uri, HostIdentity expected) {
    }

    private final Hosts hosts;
    private final String domainUuid;
    private final Map<Side, Endpoint> sides = new EnumMap<>(Side.class);
    private final Duration limit;

    public LibvirtCopies(Hosts hosts, String domainUuid, Endpoint source, Endpoint destination) {
        this(hosts, domainUuid, source, destination, LOOK_LIMIT);
    }

    public LibvirtCopies(Hosts hosts, String domainUuid, Endpoint source, Endpoint destination, Duration limit) {
        this.hosts = hosts;
        this.domainUuid = domainUuid;
        this.limit = limit;
        sides.put(Side.SOURCE, source);
        sides.put(Side.DESTINATION, destination);
    }

    @Override
    public Sighting look(Side side) {
        Endpoint e = sides.get(side);
        if (e == null || e.uri() == null) {
            return new Sighting(side, null, CopyState.ABSENT, null, "no such host in the record");
        }
        Host h;
        HostIdentity id;
        try {
            h = hosts.open(e.uri());
            id = Host.bounded("read the identity of " + e.uri(), limit, () -> h.identity());
        } catch (PassthruException x) {
            return new Sighting(side, e.uri(), CopyState.UNREACHABLE, null, x.getMessage());
        }
        if (e.expected() != null && !e.expected().sameMachine(id)) {
            return new Sighting(side, e.uri(), CopyState.UNREACHABLE, id, "this URI reaches " + id
                    + ", not the recorded " + side.id + " " + e.expected());
        }
        try {
            String what = "read the state of domain " + domainUuid + " on " + e.uri();
            CopyState st = Host.bounded(what, limit, () -> {
                Domain d;
                try {
                    d = h.domain(domainUuid);
                } catch (DomainNotFoundException nf) {
                    return CopyState.ABSENT;
                }
                if (!Domains.isActive(d, what)) {
                    return CopyState.SHUTOFF;
                }
                if (Domains.inPostCopy(d, what)) {
                    return CopyState.POSTCOPY;
                }
                return Domains.isPaused(d, what) ? CopyState.PAUSED : CopyState.RUNNING;
            });
            return new Sighting(side, e.uri(), st, id, null);
        } catch (PassthruException x) {
            return new Sighting(side, e.uri(), CopyState.UNREACHABLE, id, x.getMessage());
        }
    }

    private Domain domain(Side side) {
        return hosts.open(sides.get(side).uri()).domain(domainUuid);
    }

    @Override
    public void resume(Side side) {
        Domain d = domain(side);
        Domains.resume(d, "resume domain " + domainUuid + " on the " + side.id);
    }

    @Override
    public void destroy(Side side) {
        Domain d;
        try {
            d = domain(side);
        } catch (DomainNotFoundException gone) {
            return;
        }
        String what = "destroy domain " + domainUuid + " on the " + side.id;
        if (Domains.isActive(d, what)) {
            Domains.destroy(d, what);
        }
    }

    @Override
    public void undefine(Side side) {
        Domain d;
        try {
            d = domain(side);
        } catch (DomainNotFoundException gone) {
            return; // a transient copy is gone with its destroy
        }
        String what = "undefine domain " + domainUuid + " on the " + side.id;
        if (Domains.isPersistent(d, what)) {
            Domains.undefine(d, what);
        }
    }
}
