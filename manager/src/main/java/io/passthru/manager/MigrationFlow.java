package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.agent.AgentException;
import io.passthru.agent.BondState;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.pool.DeviceSpec;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.manager.libvirt.LibvirtErrors;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import org.libvirt.DomainJobStats;
import org.libvirt.LibvirtException;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live migration of a guest whose network runs over a VF bonded (active-backup) with a virtual NIC inside the guest:
 * switch the bond to the virtual NIC, unenslave the VF, hot-unplug it, live-migrate (persistent on the destination,
 * undefined on the source), hot-plug a free VF of the same vendor/product on the destination, enslave it and make it
 * the active slave. Each step is timed; a failure before the migration rolls back (the VF is re-plugged and
 * re-enslaved on the source); a failure after it rolls forward and says what is left to do. The "VF gap" is the time
 * the guest's bond had no VF as active slave (ms).
 */
public final class MigrationFlow {
    /** {@code VIR_MIGRATE_LIVE | VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE} (libvirt-domain.h). */
    static final long MIGRATE_FLAGS = 1 | 8 | 16;
    /** {@code VIR_DOMAIN_JOB_STATS_COMPLETED}. */
    static final int JOB_STATS_COMPLETED = 1;
    /** How long the destination's guest agent may take to answer after migration: 60 s. */
    static final Duration AGENT_RECONNECT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What to migrate and where; {@code migrateUri} (e.g. {@code tcp://198.51.100.2}), {@code destVf} and the device
     * pools are optional. Each host has its own pool, as each Nova compute has its own {@code [pci] device_spec}:
     * with pools, the destination VF must be allowed by a destination {@code device_spec} with the same
     * {@code physical_network} as the source VF's source {@code device_spec}, and remote_managed VFs are not used.
     */
    public record Request(String sourceUri, String domain, String destUri, String migrateUri, PciAddress destVf,
                          DevicePool pool, DevicePool destPool) {
        public Request(String sourceUri, String domain, String destUri, String migrateUri, PciAddress destVf) {
            this(sourceUri, domain, destUri, migrateUri, destVf, null, null);
        }
    }

    /** Outcome: times in ms, migration statistics from libvirt's completed job (bytes, ms). */
    public record Report(String domain, String source, String destination, PciAddress sourceVf, PciAddress destVf,
                         String mac, String bond, String backupSlave, List<Saga.Step> steps, long totalMs,
                         long vfGapMs, Map<String, Long> migrationStats, String outcome) {
    }

    private final Hosts hosts;
    private final Hotplug hotplug;

    public MigrationFlow(Hosts hosts, Hotplug hotplug) {
        this.hosts = hosts;
        this.hotplug = hotplug;
    }

    /** What the pre-checks found. */
    record Plan(org.libvirt.Domain dom, PciAddress sourceVf, String mac, String bond, String vfLink,
                String backupSlave, List<PciAddress> destCandidates) {
    }

    /**
     * Runs the migration.
     *
     * @throws MigrationFailedException naming the failed step; {@link MigrationFailedException#rolledBack()} tells
     *                                  whether the guest is back as it was
     * @throws InvalidRequestException  when a pre-check fails (nothing was changed)
     */
    public Report migrate(Request req) {
        Host src = hosts.open(req.sourceUri());
        Host dst = hosts.open(req.destUri());
        Saga saga = new Saga();
        Plan plan = saga.step("pre-checks", () -> precheck(req, src, dst), null);
        GuestNetwork srcNet = guestNet(plan.dom());
        long[] gap = new long[2];
        PciAddress[] destVf = new PciAddress[1];
        org.libvirt.Domain[] destDom = new org.libvirt.Domain[1];
        try {
            saga.run("switch bond to " + plan.backupSlave(), () -> {
                srcNet.setActiveSlave(plan.bond(), plan.backupSlave());
                gap[0] = saga.now();
            }, () -> srcNet.setActiveSlave(plan.bond(), vfLinkName(srcNet, plan.mac())));
            saga.run("unenslave VF " + plan.vfLink(), () -> srcNet.unenslave(plan.bond(), plan.vfLink()),
                    () -> srcNet.enslave(plan.bond(), vfLinkName(srcNet, plan.mac())));
            saga.run("hot-unplug VF " + plan.sourceVf(), () -> hotplug.detachVf(src, req.domain(), plan.sourceVf()),
                    () -> hotplug.attachVf(src, req.domain(), plan.sourceVf(), MacAddress.parse(plan.mac())));
            destDom[0] = saga.step("live migrate to " + req.destUri(), () -> liveMigrate(plan.dom(), dst, req), null);
        } catch (RuntimeException e) {
            boolean clean = saga.compensate(e);
            throw failure(saga, e, clean);
        }
        saga.commit(); // the guest runs on the destination now: roll forward only
        try {
            GuestNetwork dstNet = guestNet(destDom[0]);
            saga.run("guest agent on destination", () -> waitForAgent(destDom[0]), null);
            destVf[0] = saga.step("hot-plug VF on destination",
                    () -> plugFirstFree(dst, req.domain(), plan.destCandidates(), plan.mac()), null);
            String newLink = saga.step("find VF in guest", () -> vfLinkName(dstNet, plan.mac()), null);
            saga.run("enslave VF " + newLink, () -> dstNet.enslave(plan.bond(), newLink), null);
            saga.run("make " + newLink + " active slave", () -> {
                dstNet.setActiveSlave(plan.bond(), newLink);
                BondState b = dstNet.bond(plan.bond());
                if (!newLink.equals(b.activeSlave())) {
                    throw new PassthruException("bond " + plan.bond() + " kept '" + b.activeSlave()
                            + "' as active slave after switching to " + newLink);
                }
                gap[1] = saga.now();
            }, null);
        } catch (RuntimeException e) {
            throw new MigrationFailedException("domain '" + req.domain() + "' was migrated to " + req.destUri()
                    + " and runs there on its virtual NIC " + plan.backupSlave() + ", but the VF could not be restored: "
                    + e.getMessage() + ". Run: passthru attach " + req.domain() + " --connect " + req.destUri()
                    + " --vf <free VF> --mac " + plan.mac() + " --bond " + plan.bond(),
                    e, e instanceof PassthruException p ? p.libvirtErrorCode() : PassthruException.NO_LIBVIRT_ERROR,
                    lastStep(saga), false);
        }
        return new Report(req.domain(), req.sourceUri(), req.destUri(), plan.sourceVf(), destVf[0], plan.mac(),
                plan.bond(), plan.backupSlave(), saga.timeline(), saga.now(), gap[1] - gap[0],
                jobStats(destDom[0]), "migrated");
    }

    private Plan precheck(Request req, Host src, Host dst) {
        org.libvirt.Domain dom = src.domain(req.domain());
        if (!Host.isActive(dom)) {
            throw new InvalidRequestException("domain '" + req.domain() + "' is not running on " + src.uri()
                    + ": live migration needs a running guest");
        }
        if (src.hostname().equals(dst.hostname()) && src.uri().equals(dst.uri())) {
            throw new InvalidRequestException("source and destination are the same libvirt host (" + src.uri() + ")");
        }
        Inventory srcInv = Inventory.scan(src);
        Domain live = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
        DomainInterface vfIf = live.devices().interfaces().stream()
                .filter(i -> i.isHostdev() && i.sourcePciAddress().flatMap(srcInv::vf).isPresent())
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("domain '" + req.domain() + "' has no SR-IOV VF "
                        + "attached as <interface type='hostdev'> on " + src.uri() + "; attach one with passthru "
                        + "attach --vf ADDR --bond BOND (a plain <hostdev> has no MAC to find it in the guest)"));
        PciAddress vf = vfIf.sourcePciAddress().orElseThrow();
        String mac = vfIf.macAddress().map(MacAddress::toString).orElseThrow(() -> new InvalidRequestException(
                "the VF interface of '" + req.domain() + "' has no MAC address in the live XML"));
        Inventory.Pf srcPf = srcInv.pf(srcInv.vf(vf).orElseThrow().pf()).orElseThrow();

        GuestNetwork net = guestNet(dom);
        try {
            new GuestAgent(new LibvirtAgentChannel(dom)).ping();
        } catch (AgentException e) {
            throw new InvalidRequestException("the guest agent of '" + req.domain() + "' does not answer ("
                    + e.getMessage() + "): the migration needs it to move the bond between slaves");
        }
        List<GuestLink> links = net.links();
        GuestLink vfLink = links.stream().filter(l -> l.isPciDevice() && l.hasMac(mac)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("the guest of '" + req.domain()
                        + "' shows no PCI netdev with MAC " + mac + " (VF " + vf + ")"));
        if (vfLink.master() == null) {
            throw new InvalidRequestException("VF " + vf + " (" + vfLink.name() + " in the guest) is not enslaved "
                    + "in a bond: without a bond the guest would lose its network during the migration. Enslave it "
                    + "in an active-backup bond with a virtual NIC (passthru attach --bond BOND)");
        }
        BondState bond = net.bond(vfLink.master());
        if (!"active-backup".equals(bond.mode())) {
            throw new InvalidRequestException("bond " + bond.name() + " in the guest is in mode '" + bond.mode()
                    + "'; VF migration needs mode active-backup (kernel Documentation/networking/bonding.rst)");
        }
        GuestLink backup = links.stream()
                .filter(l -> bond.slaves().contains(l.name()) && !l.name().equals(vfLink.name()) && !l.isPciDevice())
                .filter(l -> "up".equalsIgnoreCase(bond.slaveMiiStatus().getOrDefault(l.name(), "")) && l.lowerUp())
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("bond " + bond.name() + " in the guest has no virtual "
                        + "NIC slave with link up besides the VF (slaves: " + bond.slaves() + ", MII: "
                        + bond.slaveMiiStatus() + "): the guest would have no network while the VF is away"));

        try {
            dst.domain(req.domain());
            throw new InvalidRequestException("a domain named '" + req.domain() + "' already exists on " + dst.uri());
        } catch (DomainNotFoundException expected) {
            // good: the name is free on the destination
        }
        Inventory dstInv = Inventory.scan(dst);
        String srcPhysnet = null;
        if (req.pool() != null && req.destPool() != null) {
            Inventory.Vf sv = srcInv.vf(vf).orElseThrow();
            DeviceSpec spec = req.pool().allowing(vf, sv.pf(), sv.vendorId(), sv.productId()).orElseThrow(() ->
                    new InvalidRequestException("VF " + vf + " of '" + req.domain() + "' is not allowed by any "
                            + "device_spec of the device pool: its physical network is unknown"));
            srcPhysnet = spec.physicalNetwork().orElse(null);
        }
        final String physnet = srcPhysnet;
        List<PciAddress> candidates = new ArrayList<>();
        List<String> downPfs = new ArrayList<>();
        for (Inventory.Pf pf : dstInv.pfs()) {
            if (!same(pf.vendorId(), srcPf.vendorId()) || !same(pf.productId(), srcPf.productId())) {
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
                        + srcPf.vendorId() + ":" + srcPf.productId() + " with link up (free: " + candidates + ")");
            }
            candidates = List.of(req.destVf());
        }
        if (candidates.isEmpty()) {
            throw new NoFreeDeviceException("no free VF on " + dst.uri() + " of a PF " + srcPf.vendorId() + ":"
                    + srcPf.productId() + " with link up" + (srcPhysnet == null ? "" : " on physical network "
                    + srcPhysnet) + (downPfs.isEmpty() ? "" : " (PFs with link down: "
                    + downPfs + ")") + ": free a VF there or raise sriov_numvfs");
        }
        return new Plan(dom, vf, mac, bond.name(), vfLink.name(), backup.name(), List.copyOf(candidates));
    }

    private org.libvirt.Domain liveMigrate(org.libvirt.Domain dom, Host dst, Request req) {
        List<TypedParameter> params = new ArrayList<>();
        if (req.migrateUri() != null) {
            params.add(new TypedStringParameter("migrate_uri", req.migrateUri()));
        }
        try {
            return dom.migrate(dst.connect(), params.toArray(new TypedParameter[0]), MIGRATE_FLAGS);
        } catch (LibvirtException e) {
            throw LibvirtErrors.wrap("live migration of '" + req.domain() + "' to " + dst.uri(), e);
        }
    }

    private PciAddress plugFirstFree(Host dst, String domain, List<PciAddress> candidates, String mac) {
        RuntimeException last = null;
        for (PciAddress vf : candidates) {
            try {
                hotplug.attachVf(dst, domain, vf, MacAddress.parse(mac));
                return vf;
            } catch (InvalidRequestException | LibvirtCallException e) {
                last = e; // lost a race for this VF (now in use): try the next one
            }
        }
        throw last != null ? last : new NoFreeDeviceException("no free VF left on " + dst.uri());
    }

    private static void waitForAgent(org.libvirt.Domain dom) {
        Hotplug.pingAgent(dom, AGENT_RECONNECT_TIMEOUT);
    }

    private static String vfLinkName(GuestNetwork net, String mac) {
        return net.findPciByMac(mac).map(GuestLink::name).orElseThrow(() -> new PassthruException(
                "the guest shows no PCI netdev with MAC " + mac));
    }

    private static GuestNetwork guestNet(org.libvirt.Domain dom) {
        return new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(dom)));
    }

    private static Map<String, Long> jobStats(org.libvirt.Domain dom) {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            DomainJobStats stats = dom.getJobStats(JOB_STATS_COMPLETED);
            for (TypedParameter p : stats.stats) {
                switch (p.field) {
                    case "time_elapsed", "downtime", "data_total", "data_processed", "memory_bps", "setup_time" -> {
                        try {
                            out.put(p.field, Long.parseLong(p.getValueAsString()));
                        } catch (NumberFormatException ignored) {
                            // not a number: skip
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (LibvirtException e) {
            out.put("unavailable", (long) LibvirtErrors.code(e));
        }
        return out;
    }

    private static MigrationFailedException failure(Saga saga, RuntimeException e, boolean clean) {
        String step = lastStep(saga);
        return new MigrationFailedException("migration failed at step '" + step + "': " + e.getMessage()
                + (clean ? "; rolled back: the VF is back in the guest's bond on the source"
                : "; rollback incomplete, see suppressed errors"),
                e, e instanceof PassthruException p ? p.libvirtErrorCode() : PassthruException.NO_LIBVIRT_ERROR,
                step, clean);
    }

    private static String lastStep(Saga saga) {
        return saga.timeline().stream().filter(s -> !s.outcome().equals("ok") && !s.name().startsWith("undo "))
                .map(Saga.Step::name).reduce((a, b) -> b).orElse("?");
    }

    /** The destination VF is allowed by a device_spec of the same physical network, and not remote_managed. */
    private static boolean samePhysnet(DevicePool pool, String physnet, Inventory.Vf v) {
        return pool.allowing(v.address(), v.pf(), v.vendorId(), v.productId())
                .filter(s -> !s.remoteManaged())
                .map(s -> java.util.Objects.equals(s.physicalNetwork().orElse(null), physnet))
                .orElse(false);
    }

    private static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PassthruException("interrupted", e);
        }
    }

}
