package io.passthru.manager;

import io.passthru.manager.error.DetachTimeoutException;
import io.passthru.manager.error.DeviceNotAssignableException;
import io.passthru.manager.error.HostNotReadyException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.LibvirtCallException;
import io.passthru.PassthruException;
import io.passthru.agent.AgentException;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.agent.GuestNetworkManager;
import io.passthru.manager.libvirt.DeviceEventWatch;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainInterface;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Hot-plug and hot-unplug of host PCI devices ({@link PassthroughDevice}): SR-IOV VFs as {@code <interface
 * type='hostdev' managed='yes'>} with the vfio driver (libvirt formatdomain "Network interfaces / PCI Passthrough"),
 * plain PCI devices and PFs as {@code <hostdev mode='subsystem' type='pci' managed='yes'>} ("Host device
 * assignment"). A VF attach is done when the guest agent reports the VF's netdev; a hostdev attach when libvirt's
 * live definition lists it; detach is done only when libvirt emits {@code DEVICE_REMOVED}. Refusals
 * ({@link AssignmentRules}, {@link HostCheck#requireReadyFor}) come before any change.
 */
public final class Hotplug {
    /** Default wait for the guest to show a hot-plugged VF: 60 s (nested labs are slow). */
    public static final Duration DEFAULT_GUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Default wait for {@code DEVICE_REMOVED} per unplug request: 20 s. */
    public static final Duration DEFAULT_DETACH_TIMEOUT = Duration.ofSeconds(20);
    /** Unplug requests sent before giving up: 2. */
    public static final int DETACH_ATTEMPTS = 2;

    /**
     * How long a busy or restarting guest agent may take to answer the pre-check ping: 30 s (a guest on a loaded
     * nested host missed libvirt's 5 s guest-sync for 15 s in a row, and answered again on a rerun).
     */
    static final Duration AGENT_PING_PATIENCE = Duration.ofSeconds(30);

    /**
     * Result of an attach: times in ms; {@code guestInterface} null when the domain was not running; {@code vfTrust}
     * what was done with the VF's trust flag for a trusted VF ({@link VfTrust}), else null.
     */
    public record AttachResult(String domain, String host, PciAddress vf, String mac, String alias,
                               String guestInterface, long libvirtMs, long guestMs, VfTrust.Setting vfTrust) {
        /** A result without a trust setting. */
        public AttachResult(String domain, String host, PciAddress vf, String mac, String alias,
                            String guestInterface, long libvirtMs, long guestMs) {
            this(domain, host, vf, mac, alias, guestInterface, libvirtMs, guestMs, null);
        }

        AttachResult withTrust(VfTrust.Setting t) {
            return new AttachResult(domain, host, vf, mac, alias, guestInterface, libvirtMs, guestMs, t);
        }
    }

    /**
     * Result of a detach: times in ms; {@code vfTrust}: the trust flag set off again for a trusted VF, else null;
     * {@code vfPolicy}: the defaults given back for a VF with a recorded {@link VfPolicy}, else null.
     */
    public record DetachResult(String domain, String host, PciAddress vf, String alias, long removalMs,
                               int attempts, VfTrust.Setting vfTrust, VfPolicies.Applied vfPolicy,
                               @com.fasterxml.jackson.annotation.JsonIgnore String vfPolicyMac) {
        /** A result without a VF policy. */
        public DetachResult(String domain, String host, PciAddress vf, String alias, long removalMs, int attempts,
                            VfTrust.Setting vfTrust) {
            this(domain, host, vf, alias, removalMs, attempts, vfTrust, null, null);
        }
    }

    private final Duration guestTimeout;
    private final Duration detachTimeout;

    public Hotplug() {
        this(DEFAULT_GUEST_TIMEOUT, DEFAULT_DETACH_TIMEOUT);
    }

    /** How long a hot-plugged VF may take to show in the guest. */
    public Duration guestTimeout() {
        return guestTimeout;
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
        return attach(host, domainName, new PassthroughDevice.Vf(vf, mac, null, false));
    }

    /**
     * Passes plain PCI device or PF {@code address} through to {@code domainName} as {@code <hostdev
     * mode='subsystem' type='pci' managed='yes'><driver name='vfio'/>} (live, and persistent when the domain is
     * persistent; only persistent when it is not running).
     *
     * @throws InvalidRequestException      when the host has no such device
     * @throws DeviceNotAssignableException when it is a VF or bridge, is in use, breaks PF/VF exclusivity or its
     *                                      IOMMU group goes elsewhere ({@link AssignmentRules})
     * @throws HostNotReadyException        when the host cannot pass devices through
     */
    public AttachResult attachPci(Host host, String domainName, PciAddress address) {
        return attach(host, domainName, AssignmentRules.pci(Inventory.scan(host), address));
    }

    /**
     * Attaches {@code device} to {@code domainName}: live (and persistent when the domain is persistent) when it
     * runs, else to its persistent definition only. Every rule of {@link AssignmentRules} and the host readiness
     * checks run first, so a refusal changes nothing. A VF is done when the guest agent reports its netdev; a
     * hostdev when libvirt's live definition lists it (QEMU added the device).
     *
     * @throws InvalidRequestException      when the device is not on this host or the request is refused
     * @throws DeviceNotAssignableException by the rules of {@link AssignmentRules}
     * @throws HostNotReadyException        when the host cannot pass the device through
     * @throws PassthruException            when libvirt or the guest fails; the device is then detached again
     */
    public AttachResult attach(Host host, String domainName, PassthroughDevice device) {
        return attach(host, domainName, device, null);
    }

    /**
     * {@link #attach(Host, String, PassthroughDevice)} with the host's node devices as {@code known} read them (the
     * caller's own {@link Inventory#scan}, e.g. {@link AliasAttach}'s, which may try several candidates in turn): only
     * which domain holds what is read again, under the domain's lock ({@link Inventory#withUsage}), not every node
     * device once more per attempt. Null: a full scan.
     */
    AttachResult attach(Host host, String domainName, PassthroughDevice device, Inventory known) {
        org.libvirt.Domain dom = host.domain(domainName);
        try (DomainLock lock = DomainLock.acquire(host.uri(), Host.uuid(dom))) {
            if (Host.isActive(dom)) {
                return attachLocked(host, domainName, dom, device, known);
            }
            // libvirt does not arbitrate config-only attaches (no device is opened): two inactive domains could both
            // be given one device. Serialize them per host on this machine, and check after the attach that no other
            // definition took the same device meanwhile (a request from another machine): the later one backs out.
            try (DomainLock hostLock = DomainLock.acquire(host.uri(), "config-attach")) {
                AttachResult r = attachLocked(host, domainName, dom, device, known);
                PciAddress a = device.address();
                List<String> holders = Inventory.holders(host).getOrDefault(a, List.of());
                if (holders.size() > 1) {
                    editConfig(host, dom, domainName, findDevice(Host.xml(dom, true), a).orElseThrow(), false,
                            "back out of " + device.describe() + " from the definition of '" + domainName
                                    + "' (also taken by " + holders + ")");
                    throw new InvalidRequestException(device.describe() + " is already used by domain '"
                            + holders.stream().filter(n -> !n.equals(domainName)).findFirst().orElse("?") + "' on "
                            + host.uri() + " (a concurrent config-only attach): pick a free device (passthru "
                            + "list-devices)");
                }
                return r;
            }
        }
    }

    private AttachResult attachLocked(Host host, String domainName, org.libvirt.Domain dom,
                                      PassthroughDevice device, Inventory known) {
        Inventory inv = known == null ? Inventory.scan(host) : known.withUsage(Inventory.usage(host));
        if (device instanceof PassthroughDevice.Vf vf) {
            return attachVfLocked(host, domainName, dom, vf, inv);
        }
        return attachHostdevLocked(host, domainName, dom, (PassthroughDevice.Hostdev) device, inv);
    }

    private AttachResult attachHostdevLocked(Host host, String domainName, org.libvirt.Domain dom,
                                             PassthroughDevice.Hostdev device, Inventory inv) {
        AssignmentRules.check(inv, domainName, List.of(AssignmentRules.pci(inv, device.address())));
        new HostCheck().requireReadyFor(host, inv, device.describe(), null);
        boolean live = Host.isActive(dom);
        String xml = XmlCodec.marshal(device.element());
        long t0 = System.nanoTime();
        if (live) {
            int flags = Domains.AFFECT_LIVE | (Host.isPersistent(dom) ? Domains.AFFECT_CONFIG : 0);
            Domains.attachDevice(dom, xml, flags, "pass " + device.describe() + " through to domain '" + domainName
                    + "' on " + host.uri());
        } else {
            editConfig(host, dom, domainName, device.element(), true, "add " + device.describe()
                    + " to the persistent definition of '" + domainName + "' on " + host.uri());
        }
        long libvirtMs = ms(t0);
        Object attached = findDevice(Host.xml(dom, !live), device.address()).orElseThrow(() -> new PassthruException(
                "libvirt accepted " + device.describe() + " but domain '" + domainName + "' does not list it"));
        String alias = attached instanceof DomainHostdev h ? h.aliasName().orElse(null) : null;
        return new AttachResult(domainName, host.uri(), device.address(), null, alias, null, libvirtMs, 0);
    }

    /**
     * Adds ({@code add}) or removes {@code element} in the persistent definition of an inactive or persistent
     * domain: {@code virDomainAttachDeviceFlags}/{@code virDomainDetachDeviceFlags} with
     * {@code VIR_DOMAIN_AFFECT_CONFIG}; a driver that cannot edit a definition in place (libvirt's test driver
     * answers "unsupported flags" or "not supported") gets the definition redefined with the element added or
     * removed, which is the same change.
     */
    private static void editConfig(Host host, org.libvirt.Domain dom, String domainName, Object element, boolean add,
                                   String what) {
        String xml = XmlCodec.marshal(element);
        if (Domains.editConfigInPlace(dom, xml, add, what)) {
            return;
        }
        Domain d = XmlCodec.unmarshal(Domains.xmlForDefine(dom, "read persistent XML of '" + domainName + "'"),
                Domain.class);
        if (add) {
            d.devices().add(XmlCodec.copy(element));
        } else {
            PciAddress a = element instanceof DomainHostdev h ? h.sourcePciAddress().orElseThrow()
                    : ((DomainInterface) element).sourcePciAddress().orElseThrow();
            Object found = d.devices().findBySourcePci(a).orElseThrow(() -> new InvalidRequestException(
                    a + " is not in the persistent definition of '" + domainName + "'"));
            d.devices().remove(found);
        }
        host.define(XmlCodec.marshal(d), what);
    }

    private AttachResult attachVfLocked(Host host, String domainName, org.libvirt.Domain dom,
                                        PassthroughDevice.Vf device, Inventory inv) {
        PciAddress vf = device.address();
        Inventory.Vf v = inv.vf(vf).orElseThrow(() -> new InvalidRequestException(
                vf + " is not an SR-IOV VF on " + host.uri() + " (passthru list-vfs --connect " + host.uri()
                        + " lists the VFs)"));
        if (v.usedBy() != null) {
            throw new InvalidRequestException("VF " + vf + " is already used by domain '" + v.usedBy() + "' on "
                    + host.uri() + ": pick a free VF (passthru list-vfs)");
        }
        AssignmentRules.check(inv, domainName, List.of(device));
        new HostCheck().requireReadyFor(host, inv, v);
        if (device.trusted()) {
            // Nova's order: trust first, then the plug; taken back when the plug fails
            VfTrust.Setting trust = VfTrust.set(host.uri(), inv, vf, true);
            try {
                return attachVfChecked(host, domainName, dom, device).withTrust(trust);
            } catch (RuntimeException e) {
                if (trust.applied()) {
                    try {
                        VfTrust.set(host.uri(), inv, vf, false);
                    } catch (RuntimeException undo) {
                        e.addSuppressed(undo);
                    }
                }
                throw e;
            }
        }
        return attachVfChecked(host, domainName, dom, device);
    }

    private AttachResult attachVfChecked(Host host, String domainName, org.libvirt.Domain dom,
                                         PassthroughDevice.Vf device) {
        PciAddress vf = device.address();
        boolean live = Host.isActive(dom);
        boolean waitInGuest = live;
        if (device.teaming() != null) {
            Domain def = XmlCodec.unmarshal(Host.xml(dom, !live), Domain.class);
            DomainInterface probe = device.element();
            Failover.checkPaired(def, domainName, probe);
            // failover needs no guest agent: with one, the VF's arrival in the guest is still waited for
            waitInGuest = live && GuestExecCheck.usable(dom, Duration.ofSeconds(3));
        } else if (live) {
            try {
                pingAgent(dom, AGENT_PING_PATIENCE);
            } catch (AgentException e) {
                throw new InvalidRequestException("the guest agent of domain '" + domainName + "' does not answer ("
                        + e.getMessage() + "): attach needs it to see the VF arrive in the guest. Wait for the guest "
                        + "to boot, or check that qemu-guest-agent runs in it");
            }
            GuestExecCheck.require(dom, domainName, "attach (it waits for the VF's netdev in the guest)");
        }
        if (!live) {
            long t0 = System.nanoTime();
            editConfig(host, dom, domainName, device.element(), true, "add VF " + vf + " to the persistent "
                    + "definition of '" + domainName + "' on " + host.uri());
            long libvirtMs = ms(t0);
            DomainInterface attached = findInterface(Host.xml(dom, true), vf).orElseThrow(() -> new PassthruException(
                    "libvirt accepted VF " + vf + " but domain '" + domainName + "' does not list it"));
            return new AttachResult(domainName, host.uri(), vf, attached.macAddress().map(MacAddress::toString)
                    .orElse(null), attached.aliasName().orElse(null), null, libvirtMs, 0);
        }
        return plugLive(host, domainName, dom, device, () -> { }, waitInGuest);
    }

    /**
     * Hot-plugs VF {@code vf} as the failover primary of the domain's virtio NIC with {@code <teaming
     * type='persistent'/>} ({@link Failover}): {@code <teaming type='transient' persistent='ALIAS'/>} and the virtio
     * NIC's MAC. No guest agent is needed; when one answers, done when the guest shows the VF's netdev.
     *
     * @param macOrNull the virtio NIC's MAC, to pick one when the domain has several failover NICs
     * @throws InvalidRequestException when the domain has no such virtio NIC (and how to add one), or as
     *                                 {@link #attach}
     */
    public AttachResult attachFailoverVf(Host host, String domainName, PciAddress vf, MacAddress macOrNull,
                                         Integer vlan, boolean trusted) {
        org.libvirt.Domain dom = host.domain(domainName);
        Domain def = XmlCodec.unmarshal(Host.xml(dom, !Host.isActive(dom)), Domain.class);
        Failover.Pair pair = Failover.persistentPartner(def, domainName, macOrNull);
        return attach(host, domainName, new PassthroughDevice.Vf(vf, pair.mac(), vlan, trusted, pair.alias()));
    }

    /**
     * Hot-plugs a VF into a running domain whose host a multi-step flow has checked already (its pre-checks ran the
     * {@link AssignmentRules} and the host readiness on an inventory read once, as {@link MigrationFlow} does), so
     * nothing is read again: libvirt stays the arbiter of a VF another request took meanwhile (it refuses it).
     * {@code beforeGuestWait} runs after libvirt added the device and before the guest is asked, so a caller can
     * overlap its own wait for the guest agent with libvirt's attach.
     *
     * @param waitInGuest wait (the guest timeout) until the guest agent shows the VF's netdev; false: done when
     *                    libvirt lists the device (a guest without an agent, e.g. in failover mode)
     * @throws LibvirtCallException when libvirt refuses (e.g. the VF is in use)
     * @throws PassthruException    when the guest does not show the VF; it is then detached again
     */
    AttachResult plugChecked(Host host, String domainName, PassthroughDevice.Vf device, Runnable beforeGuestWait,
                             boolean waitInGuest) {
        org.libvirt.Domain dom = host.domain(domainName);
        try (DomainLock lock = DomainLock.acquire(host.uri(), Host.uuid(dom))) {
            return plugLive(host, domainName, dom, device, beforeGuestWait, waitInGuest);
        }
    }

    private AttachResult plugLive(Host host, String domainName, org.libvirt.Domain dom, PassthroughDevice.Vf device,
                                  Runnable beforeGuestWait, boolean waitInGuest) {
        PciAddress vf = device.address();
        String xml = XmlCodec.marshal(device.element());
        long t0 = System.nanoTime();
        Domains.attachDevice(dom, xml, Domains.AFFECT_LIVE | (Host.isPersistent(dom) ? Domains.AFFECT_CONFIG : 0),
                "hot-plug VF " + vf + " into domain '" + domainName + "' on " + host.uri());
        long libvirtMs = ms(t0);
        DomainInterface attached = findInterface(Host.xml(dom, false), vf).orElseThrow(() -> new PassthruException(
                "libvirt accepted VF " + vf + " but domain '" + domainName + "' does not list it"));
        String actualMac = attached.macAddress().map(MacAddress::toString).orElse(null);
        String alias = attached.aliasName().orElse(null);
        long t1 = System.nanoTime();
        try {
            beforeGuestWait.run();
            if (!waitInGuest) {
                return new AttachResult(domainName, host.uri(), vf, actualMac, alias, null, libvirtMs, 0);
            }
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
        return detach(host, domainName, vf, "VF");
    }

    /**
     * Removes the {@code <hostdev>} of plain PCI device or PF {@code address} from {@code domainName}, as
     * {@link #detachVf} does for a VF: live first (done on {@code DEVICE_REMOVED}), then from the persistent
     * definition; libvirt ({@code managed='yes'}) gives the device back to its host driver.
     *
     * @throws InvalidRequestException when the device is not attached to the domain
     * @throws DetachTimeoutException  when the guest does not release the device; it then stays attached
     */
    public DetachResult detachPci(Host host, String domainName, PciAddress address) {
        return detach(host, domainName, address, "PCI device");
    }

    private DetachResult detach(Host host, String domainName, PciAddress address, String word) {
        org.libvirt.Domain dom = host.domain(domainName);
        try (DomainLock lock = DomainLock.acquire(host.uri(), Host.uuid(dom))) {
            return detachVfLocked(host, domainName, dom, address, word);
        }
    }

    private DetachResult detachVfLocked(Host host, String domainName, org.libvirt.Domain dom, PciAddress vf,
                                        String word) {
        boolean live = Host.isActive(dom);
        boolean persistent = Host.isPersistent(dom);
        Optional<Object> liveDev = live ? findDevice(Host.xml(dom, false), vf) : Optional.empty();
        Optional<Object> configDev = persistent ? findDevice(Host.xml(dom, true), vf) : Optional.empty();
        if (liveDev.isEmpty() && configDev.isEmpty()) {
            throw new InvalidRequestException(word + " " + vf + " is not attached to domain '" + domainName + "' on "
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
                    // a request while an earlier unplug is still pending is refused ("already in the process of
                    // unplug"); the wait below decides
                    Domains.requestDetach(dom, xml, Domains.AFFECT_LIVE, attempts > 1, "hot-unplug " + word + " "
                            + vf + " from domain '" + domainName + "'");
                    Optional<DeviceEventWatch.DeviceEvent> ev = watch.await(alias, detachTimeout);
                    if (ev.isPresent() && ev.get().kind() == DeviceEventWatch.Kind.REMOVAL_FAILED) {
                        throw new DetachTimeoutException("the guest of domain '" + domainName + "' refused to "
                                + "release " + word + " " + vf + " (DEVICE_REMOVAL_FAILED); it stays attached");
                    }
                    removed = ev.isPresent() || findDevice(Host.xml(dom, false), vf).isEmpty();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PassthruException("interrupted while waiting for the removal of " + word + " " + vf, e);
            }
            if (!removed) {
                throw new DetachTimeoutException("the guest of domain '" + domainName + "' did not release " + word
                        + " " + vf + " after " + attempts + " unplug requests of " + detachTimeout.toSeconds() + " s each; "
                        + "it stays attached. Check the guest's PCIe hot-plug support (pciehp/ACPI), or shut the "
                        + "guest down and detach with virsh detach-device --config");
            }
        }
        long removalMs = ms(t0);
        if (configDev.isPresent()) {
            editConfig(host, dom, domainName, configDev.get(), false, "remove " + word + " " + vf
                    + " from the persistent definition of '" + domainName + "'");
        }
        VfTrust.Setting trust = null;
        Object dev = liveDev.orElseGet(configDev::get);
        if (dev instanceof DomainInterface i && Boolean.TRUE.equals(i.getTrustGuestRxFilters())) {
            // as Nova on unplug: the next user of the VF starts untrusted
            trust = VfTrust.set(host.uri(), Inventory.scan(host), vf, false);
        }
        VfPolicies.Applied policy = null;
        String policyMac = null;
        if (dev instanceof DomainInterface i && i.macAddress().isPresent()) {
            // the VF's spoof checking, link state and rates go back to the defaults for its next user; the record
            // stays with the domain (a migration plugs the VF's successor with it; the CLI's detach forgets it)
            String mac = i.macAddress().get().toString().toLowerCase(java.util.Locale.ROOT);
            VfPolicy p = VfPolicies.recorded(dom).get(mac);
            if (p != null && !p.isEmpty()) {
                policy = VfPolicies.clear(host.uri(), Inventory.scan(host), vf, p);
                policyMac = mac;
            }
        }
        return new DetachResult(domainName, host.uri(), vf, alias, removalMs, attempts, trust, policy, policyMac);
    }

    /**
     * What an mdev attach or detach did.
     *
     * @param libvirtMs libvirt's attach call, or the time from the detach request to {@code DEVICE_REMOVED}, ms
     */
    public record MdevResult(String domain, String host, String uuid, String alias, long libvirtMs) {
    }

    /**
     * Hot-plugs the mdev {@code uuid} as {@code <hostdev mode='subsystem' type='mdev' model='vfio-pci'>}, live and
     * persistent (a domain that does not run gets it in its persistent definition only).
     *
     * @throws InvalidRequestException a malformed UUID, an mdev the host lacks, one a domain holds (this one or
     *                                 another, named), one not started, one of another device API than vfio-pci
     *                                 (nothing was changed)
     */
    public MdevResult attachMdev(Host host, String domainName, String uuid) {
        org.libvirt.Domain dom = host.domain(domainName);
        try (DomainLock lock = DomainLock.acquire(host.uri(), Host.uuid(dom))) {
            Mdevs.Mdev m = Mdevs.forGuest(host, uuid, "--mdev");
            if (!m.active()) {
                throw new InvalidRequestException("mdev " + m.uuid() + " on " + host.uri() + " is defined but not "
                        + "started (virsh nodedev-start " + m.nodeDevice() + "); nothing was changed");
            }
            int flags = (Host.isActive(dom) ? Domains.AFFECT_LIVE : 0)
                    | (Host.isPersistent(dom) ? Domains.AFFECT_CONFIG : 0);
            long t0 = System.nanoTime();
            Domains.attachDevice(dom, XmlCodec.marshal(DomainHostdev.mdev(m.uuid())), flags, "attach mdev "
                    + m.uuid() + " to domain '" + domainName + "'");
            long ms = ms(t0);
            String alias = null;
            if (Host.isActive(dom)) {
                Domain live = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
                alias = live.devices().hostdevs().stream().filter(h -> h.mdevUuid().filter(m.uuid()::equalsIgnoreCase)
                        .isPresent()).findFirst().flatMap(DomainHostdev::aliasName).orElse(null);
            }
            return new MdevResult(domainName, host.uri(), m.uuid(), alias, ms);
        }
    }

    /**
     * Hot-unplugs the mdev {@code uuid}: done when libvirt reports {@code DEVICE_REMOVED} (each request waits the
     * detach timeout), then removed from the persistent definition too. The mdev itself stays on the host.
     *
     * @throws InvalidRequestException  when the domain does not hold it
     * @throws DetachTimeoutException   when the guest does not release it (it stays attached)
     */
    public MdevResult detachMdev(Host host, String domainName, String uuid) {
        org.libvirt.Domain dom = host.domain(domainName);
        String id = Mdevs.checkUuid(uuid);
        try (DomainLock lock = DomainLock.acquire(host.uri(), Host.uuid(dom))) {
            java.util.function.Function<String, Optional<DomainHostdev>> find = xml -> {
                Domain d = XmlCodec.unmarshal(xml, Domain.class);
                return d.getDevices() == null ? Optional.empty() : d.devices().hostdevs().stream()
                        .filter(h -> h.mdevUuid().filter(id::equalsIgnoreCase).isPresent()).findFirst();
            };
            boolean live = Host.isActive(dom);
            Optional<DomainHostdev> liveDev = live ? find.apply(Host.xml(dom, false)) : Optional.empty();
            Optional<DomainHostdev> configDev = Host.isPersistent(dom) ? find.apply(Host.xml(dom, true))
                    : Optional.empty();
            if (liveDev.isEmpty() && configDev.isEmpty()) {
                throw new InvalidRequestException("mdev " + id + " is not attached to domain '" + domainName + "' on "
                        + host.uri());
            }
            long t0 = System.nanoTime();
            String alias = null;
            if (liveDev.isPresent()) {
                alias = alias(liveDev.get());
                String xml = XmlCodec.marshal(liveDev.get());
                boolean removed = false;
                int attempts = 0;
                try (DeviceEventWatch watch = host.watchDeviceEvents(dom)) {
                    while (!removed && attempts < DETACH_ATTEMPTS) {
                        attempts++;
                        Domains.requestDetach(dom, xml, Domains.AFFECT_LIVE, attempts > 1, "hot-unplug mdev " + id
                                + " from domain '" + domainName + "'");
                        Optional<DeviceEventWatch.DeviceEvent> ev = watch.await(alias, detachTimeout);
                        if (ev.isPresent() && ev.get().kind() == DeviceEventWatch.Kind.REMOVAL_FAILED) {
                            throw new DetachTimeoutException("the guest of domain '" + domainName + "' refused to "
                                    + "release mdev " + id + " (DEVICE_REMOVAL_FAILED); it stays attached");
                        }
                        removed = ev.isPresent() || find.apply(Host.xml(dom, false)).isEmpty();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PassthruException("interrupted while waiting for the removal of mdev " + id, e);
                }
                if (!removed) {
                    throw new DetachTimeoutException("the guest of domain '" + domainName + "' did not release mdev "
                            + id + " after " + attempts + " unplug requests of " + detachTimeout.toSeconds()
                            + " s each; it stays attached");
                }
            }
            long ms = ms(t0);
            if (configDev.isPresent()) {
                Domains.requestDetach(dom, XmlCodec.marshal(configDev.get()), Domains.AFFECT_CONFIG, false,
                        "remove mdev " + id + " from the persistent definition of '" + domainName + "'");
            }
            return new MdevResult(domainName, host.uri(), id, alias, ms);
        }
    }

    /**
     * Checks, before a VF is attached to be enslaved into {@code bond}, that the guest of {@code domainName} runs and
     * has that bond: one {@code ip -j -d link show} in the guest through its agent (after a ping, as the attach does
     * too). A refusal changes nothing.
     *
     * @return the names of the guest's bonds, {@code bond} among them
     * @throws InvalidRequestException when the domain does not run, its agent does not answer or cannot run commands
     *                                 (guest-exec), or the guest has no bond named {@code bond} (the message names
     *                                 the guest's bonds)
     * @throws PassthruException       when libvirt or the agent fails otherwise
     */
    public List<String> requireGuestBond(Host host, String domainName, String bond) {
        org.libvirt.Domain dom = host.domain(domainName);
        if (!Host.isActive(dom)) {
            throw new InvalidRequestException("enslaving a VF into bond '" + bond + "' needs the guest running, and "
                    + "domain '" + domainName + "' on " + host.uri() + " is not: start it first, or attach without a "
                    + "bond; nothing was changed");
        }
        try {
            pingAgent(dom, AGENT_PING_PATIENCE);
        } catch (AgentException e) {
            throw new InvalidRequestException("the guest agent of domain '" + domainName + "' does not answer ("
                    + e.getMessage() + "): enslaving into bond '" + bond + "' needs it. Wait for the guest to boot, "
                    + "or check that qemu-guest-agent runs in it; nothing was changed");
        }
        GuestExecCheck.require(dom, domainName, "enslaving a VF into a bond");
        List<String> bonds = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(dom))).links().stream()
                .filter(GuestLink::isBond).map(GuestLink::name).toList();
        if (!bonds.contains(bond)) {
            throw new InvalidRequestException("the guest of domain '" + domainName + "' has no bond '" + bond
                    + "' (its bonds: " + (bonds.isEmpty() ? "none" : String.join(", ", bonds)) + "): give one of "
                    + "them, or create the bond in the guest first; nothing was changed");
        }
        return bonds;
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
        GuestNetworkManager nm = BondVf.guestNm(dom);
        String enslaved;
        if (nm.devicesIfRunning().isPresent()) {
            // NetworkManager's bond-slave profile for this MAC enslaves it by itself: leave it the time to
            enslaved = BondVf.enslaveUnderNm(net, mac, bond, MigrationFlow.NM_PATIENCE);
        } else {
            net.enslave(bond, link);
            enslaved = link;
        }
        net.setActiveSlave(bond, enslaved);
        return enslaved;
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
        new GuestAgent(new LibvirtAgentChannel(dom), Duration.ofSeconds(5)).awaitAnswer(patience);
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
