package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code passthru start}: starts a defined domain and gives its VFs what libvirt does not. libvirt programs a hostdev
 * VF's MAC and VLAN id when it starts the domain (formatdomain.html "Setting VLAN tag"), writing the VLAN without
 * its 802.1p priority, and sets no trust flag, spoof checking, link state or rate. So after the start, each VF with
 * a policy recorded with the domain ({@link VfPolicies}: {@code define}'s or {@code attach}'s options, an alias's
 * device_spec tags) gets it on its PF, and each VF with {@code trustGuestRxFilters='yes'} gets its trust flag
 * ({@link VfTrust}), as {@code attach} does.
 * <p>
 * Every recorded policy is checked against its PF's driver before the domain starts; a setting that fails after the
 * start stops the domain again (destroy) and undoes the settings made, so a guest never runs without the network
 * policy its operator asked for. On another host than this machine the commands are returned for its operator.
 */
public final class DomainStarter {
    /** {@code VIR_DOMAIN_START_PAUSED}: the domain's vCPUs stay paused after the start. */
    static final int START_PAUSED = 1;

    /**
     * What a start did.
     *
     * @param name     the domain
     * @param uri      the host
     * @param startMs  libvirt's start call, ms
     * @param paused   started with its vCPUs paused
     * @param policies the VF policies given (set on the host, or commands for it), in the domain's interface order
     * @param trust    the VF trust flags given, likewise
     */
    public record Result(String name, String uri, long startMs, boolean paused, List<VfPolicies.Applied> policies,
                         List<VfTrust.Setting> trust) {
    }

    /** One VF of the definition and what it gets after the start. */
    record Vf(PciAddress address, String mac, VfPolicy policy, boolean trusted) {
    }

    /**
     * Starts {@code domain} on {@code host} and gives its VFs their recorded policy and trust.
     *
     * @throws io.passthru.manager.error.DomainNotFoundException when there is no such domain
     * @throws InvalidRequestException when it already runs, or a recorded policy has a setting its PF's driver
     *                                 lacks (the domain was not started)
     * @throws PassthruException       when libvirt cannot start it, or a setting fails afterwards (the domain was
     *                                 destroyed again and the settings made undone)
     */
    public Result start(Host host, String domain, boolean paused) {
        org.libvirt.Domain dom = host.domain(domain);
        String name = Host.name(dom);
        if (Host.isActive(dom)) {
            throw new InvalidRequestException("domain '" + name + "' is already running on " + host.uri()
                    + ": nothing was started");
        }
        List<Vf> vfs = vfs(Host.xml(dom, true), VfPolicies.recorded(dom));
        Inventory inv = Inventory.scan(host);
        for (Vf v : vfs) {
            VfPolicies.check(host.uri(), inv, v.address(), v.policy()); // before the start: nothing changed
        }
        long t0 = System.nanoTime();
        Host.call("start domain '" + name + "' on " + host.uri(), () -> dom.create(paused ? START_PAUSED : 0));
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        List<VfPolicies.Applied> policies = new ArrayList<>();
        List<VfTrust.Setting> trust = new ArrayList<>();
        List<Vf> policySet = new ArrayList<>();
        List<Vf> trustSet = new ArrayList<>();
        try {
            Inventory now = Inventory.scan(host);
            for (Vf v : vfs) {
                if (v.trusted()) {
                    VfTrust.Setting t = VfTrust.set(host.uri(), now, v.address(), true);
                    trust.add(t);
                    if (t.applied()) {
                        trustSet.add(v);
                    }
                }
                if (!v.policy().isEmpty()) {
                    VfPolicies.Applied a = VfPolicies.apply(host.uri(), now, v.address(), v.policy());
                    policies.add(a);
                    if (a.applied()) {
                        policySet.add(v);
                    }
                }
            }
        } catch (RuntimeException e) {
            PassthruException failed = new PassthruException("domain '" + name + "' started on " + host.uri()
                    + " but its VFs could not get what it asks for: " + e.getMessage() + "; it was stopped again "
                    + "(destroyed) and the settings made were undone", e);
            undo(host, dom, policySet, trustSet, failed);
            throw failed;
        }
        return new Result(name, host.uri(), startMs, paused, List.copyOf(policies), List.copyOf(trust));
    }

    /** Destroys the domain just started and gives the VFs whose settings were made their defaults back. */
    private static void undo(Host host, org.libvirt.Domain dom, List<Vf> policySet, List<Vf> trustSet,
                             PassthruException failed) {
        try {
            Host.call("destroy domain '" + Host.name(dom) + "'", () -> {
                dom.destroy();
                return null;
            });
        } catch (RuntimeException e) {
            failed.addSuppressed(e);
        }
        try {
            Inventory inv = Inventory.scan(host);
            for (Vf v : policySet) {
                VfPolicies.clear(host.uri(), inv, v.address(), v.policy());
            }
            for (Vf v : trustSet) {
                VfTrust.set(host.uri(), inv, v.address(), false);
            }
        } catch (RuntimeException e) {
            failed.addSuppressed(e);
        }
    }

    /**
     * The VFs of a domain definition ({@code <interface type='hostdev'>} with a PCI source) that get something after
     * a start: a policy recorded for their MAC, or trust; in the definition's order.
     */
    static List<Vf> vfs(String inactiveXml, Map<String, VfPolicy> recorded) {
        Domain d = XmlCodec.unmarshal(inactiveXml, Domain.class);
        List<Vf> out = new ArrayList<>();
        for (DomainInterface i : d.devices().interfaces()) {
            if (!i.isHostdev() || i.sourcePciAddress().isEmpty()) {
                continue;
            }
            String mac = i.macAddress().map(m -> m.toString().toLowerCase(Locale.ROOT)).orElse(null);
            VfPolicy p = mac == null ? VfPolicy.NONE : recorded.getOrDefault(mac, VfPolicy.NONE);
            boolean trusted = Boolean.TRUE.equals(i.getTrustGuestRxFilters());
            if (!p.isEmpty() || trusted) {
                out.add(new Vf(i.sourcePciAddress().get(), mac, p, trusted));
            }
        }
        return out;
    }
}
