package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestCommandFailedException;
import io.passthru.agent.GuestHooks;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.error.HostNotReadyException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.LibvirtCallException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.manager.pool.DeviceType;
import io.passthru.xml.MacAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.PciAddress;
import io.passthru.xml.domain.DomainInterface;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link MigrationSide} on libvirt: the domain {@code domain} on {@code host}, its guest through the guest agent. */
final class LibvirtMigrationSide implements MigrationSide {
    private final Host host;
    private final String domain;
    private final org.libvirt.Domain dom;
    private final Hotplug hotplug;
    private final OperationJournal journal;
    private final BondVf bondVf;

    LibvirtMigrationSide(Host host, String domain, org.libvirt.Domain dom, Hotplug hotplug, OperationJournal journal) {
        this.host = host;
        this.domain = domain;
        this.dom = dom;
        this.hotplug = hotplug;
        this.journal = journal;
        this.bondVf = new BondVf(hotplug);
    }

    /** The domain handle this side acts on. */
    org.libvirt.Domain domain() {
        return dom;
    }

    @Override
    public String uri() {
        return host.uri();
    }

    @Override
    public void write(Operation op) {
        journal.write(dom, op);
    }

    @Override
    public void writeMirror(Operation op) {
        journal.writeMirror(op);
    }

    @Override
    public void clear(Operation op) {
        journal.clear(dom, op);
    }

    @Override
    public void unplugVf(PciAddress vf) {
        Hotplug.DetachResult r = hotplug.detachVf(host, domain, vf);
        if (r.vfPolicy() != null && !r.vfPolicy().applied()) {
            // the released VF keeps the guest's spoof checking, link state and rates until the host's operator runs
            // these (passthru runs them itself on this machine)
            System.err.println("passthru: " + r.vfPolicy().describe("cleared") + " (the released VF " + vf + " on "
                    + host.uri() + ")");
        }
    }

    @Override
    public PciAddress plugVf(Operation op, List<PciAddress> preferred, boolean checked, boolean inGuest) {
        return bondVf.ensureAttached(host, domain, op, preferred, op.vendorId, op.productId, checked, () -> { },
                inGuest);
    }

    @Override
    public long lastPlugLibvirtMs() {
        return bondVf.lastLibvirtMs;
    }

    /**
     * QMP {@code announce-self} (QEMU docs, "announce-self"): after the migration with the rounds of QEMU's own
     * post-migration announcement (50 ms first, then 100 ms apart, 5 rounds); on the source after the unplug, 5
     * rounds from 1 ms. A failover guest needs it: after the migration QEMU asks the guest to announce itself
     * (VIRTIO_NET_F_GUEST_ANNOUNCE), the guest's virtio driver does it on the standby netdev, which carries no
     * address (net_failover's master holds it), so nothing is sent and the bridge keeps the guest's MAC on its uplink
     * until the VF is back (measured on the lab: ~2.7 s silence, against ~1.6 s of downtime). The same happens on
     * the source when the VF is unplugged before the migration. libvirt has no API for it: this goes through
     * {@code virDomainQemuMonitorCommand}, which marks the domain tainted ("custom-monitor") in libvirt's log. A
     * failure is not fatal: the VF's return ends the silence anyway.
     */
    @Override
    public void announce(boolean arrived) {
        int initialMs = arrived ? 50 : 1;
        int maxMs = arrived ? 550 : 400;
        try {
            Domains.monitorCommand(dom, "{\"execute\":\"announce-self\",\"arguments\":{\"initial\":"
                    + initialMs + ",\"max\":" + maxMs + ",\"rounds\":5,\"step\":100}}",
                    Domains.QEMU_MONITOR_COMMAND_DEFAULT, "announce-self on domain '" + domain + "'");
        } catch (PassthruException e) {
            // older QEMU (before 4.0) or a driver without QMP passthrough: the guest is found when its VF returns
        }
    }

    @Override
    public io.passthru.agent.GuestReachability.Announcement announceAddresses(String mac) {
        try {
            return new io.passthru.agent.GuestReachability(new GuestAgent(new LibvirtAgentChannel(dom))).announce(mac,
                    io.passthru.agent.GuestReachability.ADDRESS_WAIT);
        } catch (PassthruException e) {
            return new io.passthru.agent.GuestReachability.Announcement(List.of(), List.of("the addresses of MAC "
                    + mac + ": the guest agent could not list them: " + e.getMessage()));
        }
    }

    @Override
    public io.passthru.agent.GuestReachability.TrafficCheck reach(String address, Duration limit) {
        return new io.passthru.agent.GuestReachability(new GuestAgent(new LibvirtAgentChannel(dom))).reach(address,
                limit);
    }

    @Override
    public void pingAgent(Duration limit) {
        Hotplug.pingAgent(dom, limit);
    }

    @Override
    public boolean agentUsable(Duration limit) {
        return GuestExecCheck.usable(dom, limit);
    }

    @Override
    public String findVf(String mac, PciAddress vf) {
        Optional<GuestLink> link = BondVf.guestNet(dom).waitForPciMac(mac, hotplug.guestTimeout());
        if (link.isPresent()) {
            return link.get().name();
        }
        PassthruException e = new PassthruException("the guest of '" + domain + "' did not show a netdev with MAC "
                + mac + " within " + hotplug.guestTimeout().toSeconds() + " s after VF " + vf + " was plugged: "
                + "check that the guest has the VF driver (igbvf/iavf/mlx5...) and PCIe hot-plug");
        try {
            hotplug.detachVf(host, domain, vf); // the record and the domain agree: the guest keeps its virtual NIC
        } catch (RuntimeException undo) {
            e.addSuppressed(undo);
        }
        throw e;
    }

    @Override
    public GuestStrategy.GuestBond guest() {
        return BondVf.guestBond(dom);
    }

    @Override
    public Optional<PciAddress> attachedVf(String mac) {
        return BondVf.attachedVf(dom, mac).flatMap(DomainInterface::sourcePciAddress);
    }

    @Override
    public void unplugDevice(Operation.Device d, PciAddress address) {
        if (!DeviceOperations.holds(dom, address)) {
            return;
        }
        if ("vf".equals(d.kind)) {
            hotplug.detachVf(host, domain, address);
        } else {
            hotplug.detachPci(host, domain, address);
        }
    }

    @Override
    public PciAddress plugDevice(Operation op, Operation.Device d, List<PciAddress> preferred, boolean inGuest) {
        for (PciAddress p : preferred) {
            if (DeviceOperations.holds(dom, p)) {
                return p;
            }
        }
        Domain live = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
        Optional<PciAddress> here = "vf".equals(d.kind) && d.mac != null
                ? BondVf.attachedVf(dom, d.mac).flatMap(DomainInterface::sourcePciAddress)
                : atGuestAddress(live, d);
        if (here.isPresent()) {
            return here.get(); // plugged by a run whose record write was lost
        }
        PciAddress guestAt = d.guestAddress == null ? null : PciAddress.parse(d.guestAddress);
        Set<PciAddress> tried = new LinkedHashSet<>();
        RuntimeException last = null;
        for (int pass = 0; pass < 2; pass++) {
            List<PciAddress> candidates = pass == 0 ? preferred
                    : DevicePlanner.equivalents(Inventory.scan(host), domain, d, null);
            for (PciAddress a : candidates) {
                if (!tried.add(a)) {
                    continue;
                }
                try {
                    if ("vf".equals(d.kind)) {
                        hotplug.plugChecked(host, domain, new PassthroughDevice.Vf(a, d.mac == null ? null
                                : MacAddress.parse(d.mac), d.vlan, false, null, guestAt), () -> { }, inGuest);
                    } else {
                        DeviceType type = "pf".equals(d.kind) ? DeviceType.PF : DeviceType.PCI;
                        hotplug.attach(host, domain, new PassthroughDevice.Hostdev(a, type, guestAt));
                    }
                    return a;
                } catch (InvalidRequestException | LibvirtCallException | HostNotReadyException e) {
                    last = e; // taken meanwhile, or refused by the rules: try the next one
                }
            }
        }
        throw new NoFreeDeviceException("no device equivalent to " + d.kind + " " + d.address + " ("
                + DevicePlanner.vendorProduct(d.vendorId, d.productId) + ") could be hot-plugged into '" + domain
                + "' on " + host.uri() + (last == null ? ": none is free" : ": " + last.getMessage()), last);
    }

    /** The PCI hostdev the live XML has at {@code d}'s guest address with {@code d}'s vendor:product, if any. */
    private Optional<PciAddress> atGuestAddress(Domain live, Operation.Device d) {
        if (d.guestAddress == null || live.getDevices() == null) {
            return Optional.empty();
        }
        PciAddress want = PciAddress.parse(d.guestAddress);
        return live.devices().hostdevs().stream()
                .filter(h -> h.getAddress() != null && h.getAddress().pciAddress().map(want::equals).orElse(false))
                .flatMap(h -> h.sourcePciAddress().stream()).findFirst();
    }

    @Override
    public List<String> notifyGuest(GuestHooks.Event event, Operation.Device d, PciAddress address) {
        GuestHooks hooks = new GuestHooks(new GuestAgent(new LibvirtAgentChannel(dom)));
        List<String> out = new ArrayList<>();
        for (GuestHooks.Outcome o : hooks.run(event, new GuestHooks.Device(d.guestAddress,
                DevicePlanner.vendorProduct(d.vendorId, d.productId), d.mac), GuestHooks.DEFAULT_LIMIT)) {
            out.add(o.hook() + " " + event.id + ": exit " + o.exitCode() + " in " + o.ms() + " ms");
        }
        return out;
    }

    @Override
    public void restoreMac(Operation.Device d) {
        GuestAgent agent = new GuestAgent(new LibvirtAgentChannel(dom));
        GuestHooks hooks = new GuestHooks(agent);
        long deadline = System.nanoTime() + hotplug.guestTimeout().toNanos();
        Optional<String> link = hooks.netdevAt(d.guestAddress);
        while (link.isEmpty() && System.nanoTime() < deadline) {
            sleep(200);
            link = hooks.netdevAt(d.guestAddress);
        }
        String name = link.orElseThrow(() -> new PassthruException("the guest of '" + domain + "' shows no netdev "
                + "at PCI address " + d.guestAddress + " within " + hotplug.guestTimeout().toSeconds() + " s after its "
                + "NIC was plugged: check that the guest has the NIC's driver; its MAC " + d.mac + " was not given back"));
        GuestNetwork net = BondVf.guestNet(dom);
        boolean already = net.links().stream().anyMatch(l -> l.name().equals(name) && d.mac.equalsIgnoreCase(l.mac()));
        if (already) {
            return;
        }
        try {
            hooks.setMac(name, d.mac);
        } catch (GuestCommandFailedException busy) {
            // a driver that takes a new address only while the link is down (EBUSY): down, set, up
            agent.run(List.of(net.ipPath(), "link", "set", "dev", name, "down"), GuestNetwork.DEFAULT_COMMAND_TIMEOUT);
            hooks.setMac(name, d.mac);
            agent.run(List.of(net.ipPath(), "link", "set", "dev", name, "up"), GuestNetwork.DEFAULT_COMMAND_TIMEOUT);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PassthruException("interrupted while waiting for the guest's NIC");
        }
    }

    @Override
    public Map<String, Long> completedJobStats() {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            Map<String, Long> all = Domains.jobNumbers(dom, Domains.JOB_STATS_COMPLETED,
                    "read the statistics of the last job of domain '" + domain + "'");
            // vfio_data_transferred: the device state bytes of VFIO devices (VIR_DOMAIN_JOB_VFIO_DATA_TRANSFERRED,
            // libvirt 10.6); memory_postcopy_requests: pages the destination asked for after a switch to post-copy
            for (String k : List.of("time_elapsed", "downtime", "data_total", "data_processed", "memory_bps",
                    "setup_time", "vfio_data_transferred", "memory_postcopy_requests")) {
                if (all.containsKey(k)) {
                    out.put(k, all.get(k));
                }
            }
        } catch (PassthruException e) {
            out.put("unavailable", (long) e.libvirtErrorCode());
        }
        return out;
    }
}
