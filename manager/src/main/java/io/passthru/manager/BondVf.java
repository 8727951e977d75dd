package io.passthru.manager;

import io.passthru.manager.error.HostNotReadyException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.LibvirtCallException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.PassthruException;
import io.passthru.agent.BondState;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.agent.GuestNetworkManager;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The idempotent guest-side and host-side actions of the bond flow, built only from an {@link Operation} record, so
 * the migration's compensations and {@code passthru recover} (in a new process) run the same code: each checks the
 * state first and changes only what is not already as wanted.
 */
final class BondVf {
    private final Hotplug hotplug;

    /** libvirt's own time ({@code virDomainAttachDeviceFlags}) of the last VF this instance attached, ms; 0: none. */
    long lastLibvirtMs;

    BondVf(Hotplug hotplug) {
        this.hotplug = hotplug;
    }

    static GuestNetwork guestNet(org.libvirt.Domain dom) {
        return new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(dom)));
    }

    static GuestNetworkManager guestNm(org.libvirt.Domain dom) {
        return new GuestNetworkManager(new GuestAgent(new LibvirtAgentChannel(dom)));
    }

    /** The guest's network on {@code dom} for the migration strategies, through its guest agent. */
    static GuestStrategy.GuestBond guestBond(org.libvirt.Domain dom) {
        GuestNetwork net = guestNet(dom);
        return new GuestStrategy.GuestBond() {
            private GuestNetworkManager nm;

            private GuestNetworkManager nm() {
                if (nm == null) {
                    nm = guestNm(dom);
                }
                return nm;
            }

            @Override
            public void switchTo(String bond, String slave) {
                net.setActiveSlave(bond, slave);
            }

            @Override
            public void activateVf(String mac, String bond) {
                ensureActive(net, mac, bond);
            }

            @Override
            public void setManaged(String link, boolean managed) {
                if (!managed) {
                    nm().setManaged(link, false); // nmcli's "managed no" changes nothing when it is so already
                } else if (link != null && nm().device(link).map(d -> !d.managed()).orElse(false)) {
                    nm().setManaged(link, true); // only when needed: "managed yes" makes NetworkManager act on it
                }
            }

            @Override
            public void unenslave(String bond, String link) {
                net.unenslave(bond, link);
            }

            @Override
            public String enslaveVf(String mac, String bond, boolean networkManager) {
                return networkManager ? enslaveUnderNm(net, mac, bond, MigrationFlow.NM_PATIENCE)
                        : ensureEnslaved(net, mac, bond);
            }
        };
    }

    /**
     * Enslaves a new VF in a guest whose NetworkManager owns the bond: its bond-slave profile for the VF's MAC
     * enslaves it by itself, so passthru waits up to {@code patience} for the kernel to show the VF in the bond
     * (enslaving it at the same time would race NetworkManager's own attach, which takes the port down and up
     * again); when NetworkManager has no profile for it, passthru enslaves it after that. The VF is looked up by MAC
     * on every poll: udev renames a new netdev (eth0 to enp5s0 on the lab's Debian guest) while this runs.
     *
     * @return the VF's netdev in the guest
     */
    static String enslaveUnderNm(GuestNetwork net, String mac, String bond, java.time.Duration patience) {
        return net.enslaveAfterManagerPatience(mac, bond, patience);
    }

    /** The VF interface ({@code <interface type='hostdev'>}) with {@code mac} in the live XML, if attached. */
    static Optional<DomainInterface> attachedVf(org.libvirt.Domain dom, String mac) {
        Domain live = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
        if (live.getDevices() == null) {
            return Optional.empty();
        }
        return live.devices().interfaces().stream().filter(DomainInterface::isHostdev)
                .filter(i -> i.macAddress().map(m -> m.toString().equalsIgnoreCase(mac)).orElse(false))
                .findFirst();
    }

    /**
     * Makes sure the domain on {@code host} holds a VF with the operation's MAC (and its VLAN, trust and failover
     * teaming): keeps one already attached, else hot-plugs the first of {@code preferred} then of the host's free VFs
     * of the same vendor:product that succeeds (a VF another request took meanwhile is skipped: libvirt is the
     * arbiter, as for {@code attach --alias}).
     *
     * @param checked   true when the caller's pre-checks already checked this host (rules and readiness, from one
     *                  inventory): plug without reading it again ({@link Hotplug#plugChecked}); so is a plug that
     *                  does not wait in the guest
     * @param beforeWait run once libvirt added the device, before the guest is asked (e.g. joins an agent wait)
     * @param inGuest   wait until the guest shows the VF (needs the guest agent)
     * @return the VF now attached
     * @throws NoFreeDeviceException when no VF could be attached (the last failure is the cause)
     */
    PciAddress ensureAttached(Host host, String domain, Operation op, List<PciAddress> preferred, String vendorId,
                              String productId, boolean checked, Runnable beforeWait, boolean inGuest) {
        org.libvirt.Domain dom = host.domain(domain);
        Optional<DomainInterface> have = attachedVf(dom, op.guest.mac);
        if (have.isPresent() && have.get().sourcePciAddress().isPresent()) {
            beforeWait.run();
            return have.get().sourcePciAddress().get();
        }
        Set<PciAddress> tried = new LinkedHashSet<>(preferred);
        RuntimeException last = null;
        // libvirt arbitrates running domains only: a VF in another domain's persistent definition (a config-only
        // attach to a guest that is shut off) would be given twice. The persistent definitions are read again here
        // (cheap: no node devices, no readiness, no job lock), as the pre-checks' view may be minutes old
        Map<PciAddress, List<String>> holders = checked ? Inventory.definitionHolders(host) : Map.of();
        boolean[] waited = new boolean[1];
        Runnable once = () -> {
            if (!waited[0]) {
                waited[0] = true;
                beforeWait.run();
            }
        };
        for (int pass = 0; pass < 2; pass++) {
            List<PciAddress> candidates = new ArrayList<>(pass == 0 ? preferred : freeVfs(host, vendorId, productId));
            if (pass == 1) {
                candidates.removeAll(tried);
            }
            for (PciAddress vf : candidates) {
                List<String> heldBy = holders.getOrDefault(vf, List.of()).stream().filter(n -> !n.equals(domain))
                        .toList();
                if (!heldBy.isEmpty()) {
                    last = new InvalidRequestException("VF " + vf + " on " + host.uri() + " is in the definition of "
                            + heldBy);
                    continue;
                }
                PassthroughDevice.Vf device = device(vf, op);
                try {
                    if (checked || !inGuest) {
                        lastLibvirtMs = hotplug.plugChecked(host, domain, device, once, inGuest).libvirtMs();
                        if (device.trusted() && VfTrust.onThisMachine(host.uri())) {
                            // what attach does (Hotplug), for the plug that skipped its checks
                            VfTrust.set(host.uri(), Inventory.scan(host), vf, true);
                        }
                        applyRecordedPolicy(host, domain, vf, op.guest.mac);
                    } else {
                        once.run();
                        lastLibvirtMs = hotplug.attach(host, domain, device).libvirtMs();
                    }
                    return vf;
                } catch (InvalidRequestException | LibvirtCallException | HostNotReadyException e) {
                    last = e; // taken meanwhile, or this PF cannot serve it: try the next one
                }
            }
        }
        throw new NoFreeDeviceException("no VF could be hot-plugged into '" + domain + "' on " + host.uri()
                + (last == null ? ": no free VF of " + vendorId + ":" + productId : ": " + last.getMessage()),
                last);
    }

    /**
     * Gives the VF just plugged the policy recorded with the domain for {@code mac} ({@link VfPolicies}: spoof
     * checking, link state, rates, VLAN QoS) when the host is this machine; for another host its commands go to
     * standard error (passthru cannot run ip-link there). A policy the VF's PF cannot take fails the plug: the VF is unplugged again and the error,
     * which names the driver and the setting, propagates (it is not a reason to try another VF of the same kind).
     */
    static void applyRecordedPolicy(Host host, String domain, PciAddress vf, String mac) {
        if (mac == null) {
            return;
        }
        VfPolicy p = VfPolicies.recorded(host.domain(domain)).get(mac.toLowerCase(java.util.Locale.ROOT));
        if (p == null || p.isEmpty()) {
            return;
        }
        try {
            VfPolicies.Applied a = VfPolicies.apply(host.uri(), Inventory.scan(host), vf, p);
            if (!a.applied()) {
                // another machine: its operator runs the commands (the PF's driver was checked: it has them)
                System.err.println("passthru: " + a.describe("set") + " (VF " + vf + " of '" + domain + "' on "
                        + host.uri() + ")");
            }
        } catch (RuntimeException e) {
            PassthruException failed = new PassthruException("the VF policy recorded for MAC " + mac + " of '"
                    + domain + "' (" + p.describe() + ") could not be given to VF " + vf + " on " + host.uri() + ": "
                    + e.getMessage(), e);
            try {
                new Hotplug().detachVf(host, domain, vf);
            } catch (RuntimeException undo) {
                failed.addSuppressed(undo);
            }
            throw failed;
        }
    }

    /** {@link #ensureAttached} with every check of {@code attach} (recovery, compensations). */
    PciAddress ensureAttached(Host host, String domain, Operation op, List<PciAddress> preferred, String vendorId,
                              String productId) {
        return ensureAttached(host, domain, op, preferred, vendorId, productId, false, () -> { }, true);
    }

    /** The VF {@code vf} with the operation's MAC, VLAN, trust and failover teaming. */
    static PassthroughDevice.Vf device(PciAddress vf, Operation op) {
        return new PassthroughDevice.Vf(vf, MacAddress.parse(op.guest.mac), op.guest.vlan,
                Boolean.TRUE.equals(op.guest.trusted), op.guest.teaming);
    }

    /** Free VFs of {@code vendorId:productId} on PFs with link up, in address order. */
    static List<PciAddress> freeVfs(Host host, String vendorId, String productId) {
        Inventory inv = Inventory.scan(host);
        List<PciAddress> out = new ArrayList<>();
        for (Inventory.Pf pf : inv.pfs()) {
            if (!same(pf.vendorId(), vendorId) || !same(pf.productId(), productId)
                    || pf.netInterface() != null && !pf.linkUp()) {
                continue;
            }
            pf.vfs().stream().filter(Inventory.Vf::isFree).map(Inventory.Vf::address).forEach(out::add);
        }
        return out;
    }

    static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }

    /** The guest's netdev of the VF with the operation's MAC. */
    static String vfLink(GuestNetwork net, String mac) {
        return net.findPciByMac(mac).map(GuestLink::name).orElseThrow(() -> new PassthruException(
                "the guest shows no PCI netdev with MAC " + mac));
    }

    /** Enslaves the VF netdev with {@code mac} into {@code bond} unless it already is a slave of it; its name. */
    static String ensureEnslaved(GuestNetwork net, String mac, String bond) {
        GuestLink link = net.findPciByMac(mac).orElseThrow(() -> new PassthruException(
                "the guest shows no PCI netdev with MAC " + mac));
        if (!bond.equals(link.master())) {
            net.enslave(bond, link.name());
        }
        return link.name();
    }

    /** Makes the VF netdev with {@code mac} the active slave of {@code bond} unless it is; checks the bond agrees. */
    static String ensureActive(GuestNetwork net, String mac, String bond) {
        String link = vfLink(net, mac);
        BondState b = net.bond(bond);
        if (!link.equals(b.activeSlave())) {
            net.setActiveSlave(bond, link);
            b = net.bond(bond);
            if (!link.equals(b.activeSlave())) {
                throw new PassthruException("bond " + bond + " kept '" + b.activeSlave()
                        + "' as active slave after switching to " + link);
            }
        }
        return link;
    }
}
