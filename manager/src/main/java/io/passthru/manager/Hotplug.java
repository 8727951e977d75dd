package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.agent.AgentException;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.libvirt.DeviceEventWatch;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.manager.libvirt.LibvirtErrors;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainInterface;
import org.libvirt.LibvirtException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Hot-plug and hot-unplug of SR-IOV VFs as {@code <interface type='hostdev' managed='yes'>} with the vfio driver
 * (libvirt formatdomain "Network interfaces / PCI Passthrough"). Attach is done when the guest agent reports the
 * VF's netdev; detach is done only when libvirt emits {@code DEVICE_REMOVED} for it.
 */
public final class Hotplug {
    /** {@code VIR_DOMAIN_AFFECT_LIVE}. */
    static final int AFFECT_LIVE = 1;
    /** {@code VIR_DOMAIN_AFFECT_CONFIG}. */
    static final int AFFECT_CONFIG = 2;

    /** Default wait for the guest to show a hot-plugged VF: 60 s (nested labs are slow). */
    public static final Duration DEFAULT_GUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Default wait for {@code DEVICE_REMOVED} per unplug request: 20 s. */
    public static final Duration DEFAULT_DETACH_TIMEOUT = Duration.ofSeconds(20);
    /** Unplug requests sent before giving up: 2. */
    public static final int DETACH_ATTEMPTS = 2;

    /** How long a busy or restarting guest agent may take to answer the pre-check ping: 15 s. */
    static final Duration AGENT_PING_PATIENCE = Duration.ofSeconds(15);

    /** Result of an attach: times in ms; {@code guestInterface} null when the domain was not running. */
    public record AttachResult(String domain, String host, PciAddress vf, String mac, String alias,
                               String guestInterface, long libvirtMs, long guestMs) {
    }

    /** Result of a detach: times in ms. */
    public record DetachResult(String domain, String host, PciAddress vf, String alias, long removalMs,
                               int attempts) {
    }

    private final Duration guestTimeout;
    private final Duration detachTimeout;

    public Hotplug() {
        this(DEFAULT_GUEST_TIMEOUT, DEFAULT_DETACH_TIMEOUT);
    }

    public Hotplug(Duration guestTimeout, Duration detachTimeout) {
        this.guestTimeout = guestTimeout;
        this.detachTimeout = detachTimeout;
    }

    /**
     * Hot-plugs VF {@code vf} into {@code domainName} (live, and persistent when the domain is persistent).
     *
     * @param mac MAC for the VF, or null to let libvirt pick one
     * @throws InvalidRequestException  when {@code vf} is not a VF of this host or another domain holds it
     * @throws HostNotReadyException    when the host cannot pass the VF through (IOMMU off, no vfio, PF link down:
     *                                  the words of {@code check-host}), before libvirt is asked
     * @throws PassthruException        when libvirt or the guest fails; the VF is then detached again
     */
    public AttachResult attachVf(Host host, String domainName, PciAddress vf, MacAddress mac) {
        org.libvirt.Domain dom = host.domain(domainName);
        try (DomainLock lock = DomainLock.acquire(host.uri(), uuid(dom))) {
            if (Host.isActive(dom)) {
                return attachVfLocked(host, domainName, dom, vf, mac);
            }
            // libvirt does not arbitrate config-only attaches (no device is opened): two inactive domains could both
            // be given one VF. Serialize them per host on this machine, and check after the attach that no other
            // definition took the same VF meanwhile (a request from another machine): the later one backs out.
            try (DomainLock hostLock = DomainLock.acquire(host.uri(), "config-attach")) {
                AttachResult r = attachVfLocked(host, domainName, dom, vf, mac);
                List<String> holders = Inventory.holders(host).getOrDefault(vf, List.of());
                if (holders.size() > 1) {
                    try {
                        dom.detachDeviceFlags(XmlCodec.marshal(findDevice(Host.xml(dom, true), vf).orElseThrow()),
                                AFFECT_CONFIG);
                    } catch (LibvirtException e) {
                        throw LibvirtErrors.wrap("back out of VF " + vf + " from the definition of '" + domainName
                                + "' (also taken by " + holders + ")", e);
                    }
                    throw new InvalidRequestException("VF " + vf + " is already used by domain '"
                            + holders.stream().filter(n -> !n.equals(domainName)).findFirst().orElse("?") + "' on "
                            + host.uri() + " (a concurrent config-only attach): pick a free VF (passthru list-vfs)");
                }
                return r;
            }
        }
    }

    private AttachResult attachVfLocked(Host host, String domainName, org.libvirt.Domain dom, PciAddress vf,
                                        MacAddress mac) {
        Inventory inv = Inventory.scan(host);
        Inventory.Vf v = inv.vf(vf).orElseThrow(() -> new InvalidRequestException(
                vf + " is not an SR-IOV VF on " + host.uri() + " (passthru list-vfs --connect " + host.uri()
                        + " lists the VFs)"));
        if (v.usedBy() != null) {
            throw new InvalidRequestException("VF " + vf + " is already used by domain '" + v.usedBy() + "' on "
                    + host.uri() + ": pick a free VF (passthru list-vfs)");
        }
        new HostCheck().requireReadyFor(host, inv, v);
        boolean live = Host.isActive(dom);
        if (live) {
            try {
                pingAgent(dom, AGENT_PING_PATIENCE);
            } catch (AgentException e) {
                throw new InvalidRequestException("the guest agent of domain '" + domainName + "' does not answer ("
                        + e.getMessage() + "): attach needs it to see the VF arrive in the guest. Wait for the guest "
                        + "to boot, or check that qemu-guest-agent runs in it");
            }
        }
        int flags = (live ? AFFECT_LIVE : 0) | (Host.isPersistent(dom) ? AFFECT_CONFIG : 0);
        String xml = XmlCodec.marshal(DomainInterface.hostdevVf(vf, mac));
        long t0 = System.nanoTime();
        try {
            dom.attachDeviceFlags(xml, flags);
        } catch (LibvirtException e) {
            throw LibvirtErrors.wrap("hot-plug VF " + vf + " into domain '" + domainName + "' on " + host.uri(), e);
        }
        long libvirtMs = ms(t0);
        DomainInterface attached = findInterface(Host.xml(dom, !live), vf).orElseThrow(() -> new PassthruException(
                "libvirt accepted VF " + vf + " but domain '" + domainName + "' does not list it"));
        String actualMac = attached.macAddress().map(MacAddress::toString).orElse(null);
        String alias = attached.aliasName().orElse(null);
        if (!live) {
            return new AttachResult(domainName, host.uri(), vf, actualMac, alias, null, libvirtMs, 0);
        }
        long t1 = System.nanoTime();
        try {
            GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(dom)));
            Optional<GuestLink> link = net.waitForPciMac(actualMac, guestTimeout);
            if (link.isEmpty()) {
                throw new PassthruException("the guest of domain '" + domainName + "' did not show a netdev with MAC "
                        + actualMac + " within " + guestTimeout.toSeconds() + " s after hot-plug of VF " + vf
                        + ": check that the guest has the VF driver (igbvf/iavf/mlx5...) and PCIe hot-plug");
            }
            return new AttachResult(domainName, host.uri(), vf, actualMac, alias, link.get().name(), libvirtMs, ms(t1));
        } catch (RuntimeException e) {
            try {
                detachVf(host, domainName, vf);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /**
     * Hot-unplugs VF {@code vf} from {@code domainName}: live first, waiting for {@code DEVICE_REMOVED} (retrying
     * the request once), then from the persistent definition.
     *
     * @throws InvalidRequestException when the VF is not attached to the domain
     * @throws DetachTimeoutException  when the guest does not release the device; it then stays attached
     */
    public DetachResult detachVf(Host host, String domainName, PciAddress vf) {
        org.libvirt.Domain dom = host.domain(domainName);
        try (DomainLock lock = DomainLock.acquire(host.uri(), uuid(dom))) {
            return detachVfLocked(host, domainName, dom, vf);
        }
    }

    private DetachResult detachVfLocked(Host host, String domainName, org.libvirt.Domain dom, PciAddress vf) {
        boolean live = Host.isActive(dom);
        boolean persistent = Host.isPersistent(dom);
        Optional<Object> liveDev = live ? findDevice(Host.xml(dom, false), vf) : Optional.empty();
        Optional<Object> configDev = persistent ? findDevice(Host.xml(dom, true), vf) : Optional.empty();
        if (liveDev.isEmpty() && configDev.isEmpty()) {
            throw new InvalidRequestException("VF " + vf + " is not attached to domain '" + domainName + "' on "
                    + host.uri());
        }
        long t0 = System.nanoTime();
        int attempts = 0;
        String alias = null;
        if (liveDev.isPresent()) {
            alias = alias(liveDev.get());
            String xml = XmlCodec.marshal(liveDev.get());
            boolean removed = false;
            try (DeviceEventWatch watch = host.watchDeviceEvents(dom)) {
                while (!removed && attempts < DETACH_ATTEMPTS) {
                    attempts++;
                    try {
                        dom.detachDeviceFlags(xml, AFFECT_LIVE);
                    } catch (LibvirtException e) {
                        // a request while an earlier unplug is still pending is refused ("already in the process
                        // of unplug"); the wait below decides
                        if (attempts == 1 && !LibvirtErrors.message(e).contains("unplug")) {
                            throw LibvirtErrors.wrap("hot-unplug VF " + vf + " from domain '" + domainName + "'", e);
                        }
                    }
                    Optional<DeviceEventWatch.DeviceEvent> ev = watch.await(alias, detachTimeout);
                    if (ev.isPresent() && ev.get().kind() == DeviceEventWatch.Kind.REMOVAL_FAILED) {
                        throw new DetachTimeoutException("the guest of domain '" + domainName + "' refused to "
                                + "release VF " + vf + " (DEVICE_REMOVAL_FAILED); it stays attached");
                    }
                    removed = ev.isPresent() || findDevice(Host.xml(dom, false), vf).isEmpty();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PassthruException("interrupted while waiting for the removal of VF " + vf, e);
            }
            if (!removed) {
                throw new DetachTimeoutException("the guest of domain '" + domainName + "' did not release VF " + vf
                        + " after " + attempts + " unplug requests of " + detachTimeout.toSeconds() + " s each; "
                        + "it stays attached. Check the guest's PCIe hot-plug support (pciehp/ACPI), or shut the "
                        + "guest down and detach with virsh detach-device --config");
            }
        }
        long removalMs = ms(t0);
        if (configDev.isPresent()) {
            try {
                dom.detachDeviceFlags(XmlCodec.marshal(configDev.get()), AFFECT_CONFIG);
            } catch (LibvirtException e) {
                throw LibvirtErrors.wrap("remove VF " + vf + " from the persistent definition of '" + domainName
                        + "'", e);
            }
        }
        return new DetachResult(domainName, host.uri(), vf, alias, removalMs, attempts);
    }

    /**
     * Enslaves the VF carrying {@code mac} into {@code bond} in the guest of {@code domainName} and makes it the
     * active slave (after a hot-plug, or to put a guest's VF back to work).
     *
     * @return the guest's name of the VF netdev
     */
    public String enslaveActive(Host host, String domainName, String mac, String bond) {
        org.libvirt.Domain dom = host.domain(domainName);
        GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(dom)));
        String link = net.findPciByMac(mac).map(GuestLink::name).orElseThrow(() -> new InvalidRequestException(
                "the guest of '" + domainName + "' shows no PCI netdev with MAC " + mac));
        net.enslave(bond, link);
        net.setActiveSlave(bond, link);
        return link;
    }

    static Optional<DomainInterface> findInterface(String domainXml, PciAddress vf) {
        return findDevice(domainXml, vf).filter(DomainInterface.class::isInstance).map(DomainInterface.class::cast);
    }

    static Optional<Object> findDevice(String domainXml, PciAddress vf) {
        Domain d = XmlCodec.unmarshal(domainXml, Domain.class);
        return d.getDevices() == null ? Optional.empty() : d.getDevices().findBySourcePci(vf);
    }

    static String alias(Object device) {
        Optional<String> a = device instanceof DomainInterface i ? i.aliasName()
                : device instanceof DomainHostdev h ? h.aliasName() : Optional.empty();
        return a.orElseThrow(() -> new PassthruException("live device has no alias; cannot follow its removal"));
    }

    /** Pings the guest agent, retrying unavailable/timeouts (the agent restarts or is busy) for up to {@code patience}. */
    static void pingAgent(org.libvirt.Domain dom, Duration patience) {
        GuestAgent agent = new GuestAgent(new LibvirtAgentChannel(dom), Duration.ofSeconds(5));
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                agent.ping();
                return;
            } catch (AgentException e) {
                if (System.nanoTime() > deadline || e instanceof io.passthru.agent.AgentCommandException
                        && !String.valueOf(e.getMessage()).contains("disappeared")) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String uuid(org.libvirt.Domain dom) {
        return Host.call("read domain UUID", dom::getUUIDString);
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
