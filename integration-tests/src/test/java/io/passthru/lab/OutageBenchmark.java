package io.passthru.lab;

import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.Hotplug;
import io.passthru.manager.Inventory;
import io.passthru.manager.MigrationFlow;
import io.passthru.manager.MigrationPlan;
import io.passthru.manager.Saga;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.DomainInterface;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The outage benchmark on the nested lab (integration-tests/bench/outage-bench.sh; issues 8, 22, 23): six ways of
 * live-migrating a guest, each with its own guest, alternately host 1 → host 2 and back, N runs each; one mode at a
 * time, its guest alone on the lab (booted before its runs, removed after them):
 * <ul>
 *   <li>{@code bond}: passthru's bond flow ({@link MigrationFlow.Mode#BOND}), the guest bonds its VF with a virtio
 *       NIC;</li>
 *   <li>{@code failover}: libvirt's virtio-net failover ({@link MigrationFlow.Mode#FAILOVER});</li>
 *   <li>{@code unplug-replug}: the guest's address on the VF alone ({@link MigrationFlow.Mode#UNPLUG_REPLUG}, what
 *       Nova and KubeVirt do);</li>
 *   <li>{@code virtio-only}: the reference, a guest without a VF moved by one raw {@code virDomainMigrate3}
 *       (live, persistent on the destination, undefined on the source);</li>
 *   <li>{@code hotplug (e1000e)}: a virtio guest holding the e1000e (a plain PCI device) moved by the {@code hotplug}
 *       strategy ({@link MigrationPlan}); its "VF gap" is the time the guest was without the e1000e;</li>
 *   <li>{@code state (mtty mdev)}: a virtio guest holding an mtty mdev moved by the {@code state} strategy: the device
 *       stays attached and QEMU migrates its state (its gap is 0); the downtime shows the price of the lab kernel's
 *       missing dirty tracking.</li>
 * </ul>
 * The three VF modes run through {@link MigrationFlow} in this JVM. What is measured per run (times in ms):
 * <ul>
 *   <li>the outage: host 2's peer on the lab wire (192.0.2.102) runs {@code ping -i 0.01 -D} at the guest from 2 s
 *       before the migration call until 2 s after it returned: packets sent, received and lost, and the longest
 *       time between two consecutive replies (by ping's own timestamps);</li>
 *   <li>the migration call's wall time ({@code totalMs}), the report's VF gap (0 for virtio-only) and libvirt's
 *       downtime (the completed job's {@code downtime} on the destination);</li>
 *   <li>the primitives: the sum of the flow's steps but the pre-checks (libvirt calls: unplug, migrate, plug; guest
 *       agent calls: switch bond, unenslave, agent ping, find, enslave, activate); for virtio-only the migrate call.
 *       Also the pre-checks, the destination plug, the find-in-guest and the live-migrate steps alone;</li>
 *   <li>for bond and unplug-replug, after the ping stopped, libvirt's own attach on the destination: the guest's VF
 *       detached (live, then from the persistent definition) and its live XML attached again (live and config);
 *       {@code rawAttachMs} is the attach call alone, {@code rawGuestShowMs} the time from its return until the
 *       guest agent shows the VF's netdev. The bond guest's VF is then enslaved and made the active slave again for
 *       its next run.</li>
 * </ul>
 * A run that fails is recorded with its error and the benchmark goes on; a guest not on the host its run expects
 * is migrated from where it is. Output: {@code DIR/outage.csv} and {@code DIR/outage.md} ({@link OutageReport}),
 * rewritten after every run; the tables are printed at the end. The four guests are removed from both hosts at the
 * end.
 */
public final class OutageBenchmark {
    /** Usage, for {@code --help} and for a bad option. */
    static final String USAGE = "usage: OutageBenchmark [--runs N] [--out DIR] [--mode MODE]...\n"
            + "  --runs N     migrations per mode (default 3), alternately host 1 -> host 2 and back\n"
            + "  --out DIR    where outage.csv and outage.md go (default integration-tests/target/bench of the "
            + "checkout)\n"
            + "  --mode MODE  only this mode (repeatable; default all): bond, failover, unplug-replug, virtio-only, "
            + "hotplug, state";
    /** The lab host whose peer NIC (192.0.2.102) pings the guests. */
    static final int PEER_HOST = 2;
    /** ping's {@code -i}: every 10 ms. */
    static final String PING_INTERVAL = "0.01";
    /** How long the ping runs before the migration call and after it returned. */
    static final long PING_MARGIN_MS = 2000;
    /** {@code VIR_MIGRATE_LIVE | VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE}. */
    static final long MIGRATE_FLAGS = 1 | 8 | 16;
    /** {@code VIR_DOMAIN_AFFECT_LIVE}, {@code VIR_DOMAIN_AFFECT_CONFIG}. */
    static final int AFFECT_LIVE = 1;
    static final int AFFECT_CONFIG = 2;
    /** {@code VIR_DOMAIN_JOB_STATS_COMPLETED}. */
    static final int JOB_STATS_COMPLETED = 1;
    /** How long the raw cycle waits for the VF to leave the live XML and to show in the guest. */
    static final Duration RAW_WAIT = Duration.ofSeconds(60);
    /** The bond guest's bond. */
    static final String BOND = "bond0";

    /** The steps of a {@link MigrationFlow.Report} recorded on their own (the titles MigrationFlow gives them). */
    static final String PRECHECK_STEP = "pre-checks";
    /** Silences longer than this (ms) are listed per run, with when they began. */
    static final long GAP_REPORT_MS = 200;
    static final List<String> PLUG_STEPS = List.of("hot-plug VF on destination", "VF on destination (plugged by QEMU)");
    static final String FIND_STEP = "find VF in guest";
    static final String MIGRATE_STEP_PREFIX = "live migrate to ";

    /** The six cases, each with its own guest, in the order they take turns. */
    enum Case {
        BOND("bond", "bench-bond", "52:54:00:b0:00:01", "192.0.2.71", MigrationFlow.Mode.BOND),
        FAILOVER("failover", "bench-failover", "52:54:00:b0:00:02", "192.0.2.72", MigrationFlow.Mode.FAILOVER),
        UNPLUG_REPLUG("unplug-replug", "bench-unplug", "52:54:00:b0:00:03", "192.0.2.73",
                MigrationFlow.Mode.UNPLUG_REPLUG),
        VIRTIO_ONLY("virtio-only", "bench-virtio", "52:54:00:b0:00:04", "192.0.2.74", null),
        /** A virtio guest holding the e1000e, moved by the hotplug strategy: its "VF gap" is the e1000e's gap. */
        HOTPLUG("hotplug (e1000e)", "bench-hotplug", "52:54:00:b0:00:05", "192.0.2.75", MigrationFlow.Mode.PLAIN),
        /**
         * A virtio guest holding an mtty mdev, moved by the state strategy (QEMU migrates the device's state): its
         * "VF gap" is the mdev's gap, 0 by construction; its downtime carries the all-RAM-dirty switch-over the lab's
         * kernel forces (Lab#mdevGuestXml).
         */
        STATE("state (mtty mdev)", "bench-state", "52:54:00:b0:00:06", "192.0.2.76", MigrationFlow.Mode.PLAIN);

        final String mode;
        final String guest;
        final String mac;
        final String addr;
        /** null: migrated by a raw libvirt call, not by MigrationFlow. */
        final MigrationFlow.Mode flowMode;

        Case(String mode, String guest, String mac, String addr, MigrationFlow.Mode flowMode) {
            this.mode = mode;
            this.guest = guest;
            this.mac = mac;
            this.addr = addr;
            this.flowMode = flowMode;
        }

        /** Whether libvirt's own attach is measured after the migration (the modes passthru plugs a VF in). */
        boolean rawCycle() {
            return this == BOND || this == UNPLUG_REPLUG;
        }

        static List<String> modes() {
            return Arrays.stream(values()).map(c -> c.mode).toList();
        }

        /** The case of a mode as {@code --mode} names it: its name, or the name's first word ("hotplug"). */
        static Case named(String name) {
            for (Case c : values()) {
                if (c.mode.equals(name) || c.mode.startsWith(name + " ")) {
                    return c;
                }
            }
            throw new IllegalArgumentException("--mode " + name + " is none of bond, failover, unplug-replug, "
                    + "virtio-only, hotplug, state\n" + USAGE);
        }
    }

    /** The command line; {@code cases}: the modes to run, in the benchmark's order. */
    record Options(int runs, Path out, List<Case> cases) {
        /** @param defaultOut where the results go without {@code --out} (asked only then) */
        static Options parse(String[] args, Supplier<Path> defaultOut) {
            int runs = 3;
            Path out = null;
            java.util.EnumSet<Case> only = java.util.EnumSet.noneOf(Case.class);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs" -> runs = positive(value(args, ++i, "--runs"));
                    case "--out" -> out = Path.of(value(args, ++i, "--out")).toAbsolutePath();
                    case "--mode" -> only.add(Case.named(value(args, ++i, "--mode")));
                    case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            return new Options(runs, out != null ? out : defaultOut.get(),
                    List.copyOf(only.isEmpty() ? java.util.EnumSet.allOf(Case.class) : only));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            return args[i];
        }

        private static int positive(String s) {
            try {
                int n = Integer.parseInt(s);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // the message below
            }
            throw new IllegalArgumentException("--runs wants a whole number above 0, not '" + s + "'\n" + USAGE);
        }
    }

    private OutageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args, () -> Lab.checkoutRoot().resolve("integration-tests/target/bench"));
        List<OutageReport.Run> runs = new ArrayList<>();
        List<String> modes = o.cases().stream().map(c -> c.mode).toList();
        OutageReport report = new OutageReport(runs, modes, o.runs());
        // one guest on the lab at a time: its runs back and forth, then it goes. With the six guests up together
        // host 1 died of the load (2026-12-06), and a loaded host's agent answered the hotplug case's pre-check late
        try {
            removeGuests();
            for (Case c : o.cases()) {
                System.out.println("== starting " + c.guest + " (" + c.mode + ") on host 1");
                startGuest(c);
                for (int i = 1; i <= o.runs(); i++) {
                    runs.add(runOnce(c, i, o.runs()));
                    report = new OutageReport(runs, modes, o.runs());
                    report.write(o.out());
                }
                removeGuest(c);
            }
        } finally {
            removeGuests();
        }
        System.out.println("== " + o.out().resolve(OutageReport.CSV) + ", " + o.out().resolve(OutageReport.MARKDOWN));
        System.out.println(report.markdown());
    }

    // ---- the guests ----

    private static void startGuest(Case c) throws IOException, LibvirtException {
        String cidr = c.addr + "/24";
        Host h1 = Lab.host(1);
        Hotplug hotplug = new Hotplug();
        switch (c) {
            case BOND -> {
                Lab.startGuest(1, c.guest, c.mac, cidr);
                hotplug.attachVf(h1, c.guest, freeVf(h1), MacAddress.parse(c.mac));
                hotplug.enslaveActive(h1, c.guest, c.mac, BOND);
            }
            case FAILOVER -> {
                Lab.startFailoverGuest(1, c.guest, c.mac, cidr);
                hotplug.attachFailoverVf(h1, c.guest, freeVf(h1), null, null, false);
            }
            case UNPLUG_REPLUG -> {
                Lab.startPlainGuest(1, c.guest, c.mac, cidr);
                hotplug.attachVf(h1, c.guest, freeVf(h1), MacAddress.parse(c.mac));
            }
            case VIRTIO_ONLY -> Lab.startGuest(1, c.guest, c.mac, cidr);
            case HOTPLUG -> {
                Lab.startGuest(1, c.guest, c.mac, cidr);
                hotplug.attachPci(h1, c.guest, E1000E);
            }
            case STATE -> {
                for (int n = 1; n <= 2; n++) { // an earlier run's guest and mdevs go first
                    Lab.removeGuest(n, c.guest);
                    if (io.passthru.manager.Mdevs.find(Lab.host(n), STATE_MDEV).isPresent()) {
                        io.passthru.manager.Mdevs.remove(Lab.host(n), STATE_MDEV);
                    }
                }
                io.passthru.manager.Mdevs.create(h1, "mtty-2", null, STATE_MDEV);
                org.libvirt.Domain dom = Lab.defineGuestXml(1, c.guest, Lab.mdevGuestXml(c.guest, c.mac, c.addr,
                        STATE_MDEV, true, null));
                dom.create();
                Lab.waitForAgent(dom, c.guest);
            }
            default -> throw new IllegalStateException(c.toString());
        }
    }

    /** The state case's mdev (mtty-2), made on host 1 before its guest; host 2 gets it from the migration. */
    static final String STATE_MDEV = "6d1e0f4a-8b2c-4d3e-9f5a-0b1c2d3e4f50";

    /** The hotplug case's device: the e1000e on each host's root bus (lab.sh). */
    static final PciAddress E1000E = PciAddress.parse("0000:02:00.0");

    private static PciAddress freeVf(Host host) {
        return Inventory.scan(host).vfs().stream().filter(Inventory.Vf::isFree).findFirst()
                .orElseThrow(() -> new IllegalStateException("no free VF on " + host.uri())).address();
    }

    /** Every case's guest off both hosts, and the state case's mdev. */
    static void removeGuests() {
        for (Case c : Case.values()) {
            removeGuest(c);
        }
    }

    /** {@code c}'s guest off both hosts (its VF or device goes back free with it); the state case's mdev too. */
    static void removeGuest(Case c) {
        Lab.removeGuest(1, c.guest);
        Lab.removeGuest(2, c.guest);
        if (c == Case.STATE) {
            for (int n = 1; n <= 2; n++) {
                Host h = Lab.host(n);
                if (io.passthru.manager.Mdevs.find(h, STATE_MDEV).isPresent()) {
                    io.passthru.manager.Mdevs.remove(h, STATE_MDEV);
                }
            }
        }
    }

    /** Host 1 on odd runs, host 2 on even ones; where the guest is when it is not there (a run before failed). */
    static int sourceHost(Case c, int run) {
        int expected = run % 2 == 1 ? 1 : 2;
        if (Lab.exists(expected, c.guest)) {
            return expected;
        }
        int other = 3 - expected;
        if (Lab.exists(other, c.guest)) {
            System.out.println("   " + c.guest + " is on host " + other + ", not " + expected
                    + ": migrating from there");
            return other;
        }
        throw new IllegalStateException("guest " + c.guest + " is on neither lab host");
    }

    // ---- one run ----

    /** One migration of {@code c}'s guest, measured; a failure is recorded in the run and does not propagate. */
    static OutageReport.Run runOnce(Case c, int run, int runs) {
        OutageReport.Run r = new OutageReport.Run(c.mode, run);
        try {
            int src = sourceHost(c, run);
            int dst = 3 - src;
            r.direction = src + "->" + dst;
            System.out.printf("== run %d/%d %s: %s host %d -> host %d%n", run, runs, c.mode, c.guest, src, dst);
            migrateUnderPing(c, src, dst, r);
            if (c.rawCycle()) {
                rawAttachCycle(c, Lab.host(dst), r);
            }
        } catch (Exception | AssertionError e) {
            r.outcome = describe(e);
        }
        System.out.println("   " + summary(r));
        return r;
    }

    /** The migration between two pings' margins; the ping's counts are recorded even when the migration failed. */
    private static void migrateUnderPing(Case c, int src, int dst, OutageReport.Run r) throws LibvirtException {
        Lab.Ping ping = new Lab.Ping(PEER_HOST, c.addr, PING_INTERVAL);
        try {
            Lab.sleep(PING_MARGIN_MS);
            if (c.flowMode == null) {
                migrateRaw(c, src, dst, r);
            } else {
                migrateByFlow(c, src, dst, r);
            }
            Lab.sleep(PING_MARGIN_MS);
        } finally {
            stopPing(ping, r);
        }
    }

    /** Records the ping's counts; a ping that cannot be read fails the run without hiding a migration failure. */
    private static void stopPing(Lab.Ping ping, OutageReport.Run r) {
        try {
            recordPings(ping.stopWithReplies(), r);
        } catch (RuntimeException | AssertionError e) {
            r.outcome = "ping: " + describe(e);
        }
    }

    static void recordPings(Lab.PingLog log, OutageReport.Run r) {
        r.sent = (long) log.transmitted();
        r.received = (long) log.received();
        r.lost = (long) log.lost();
        long gap = log.longestGapMs();
        r.longestGapMs = gap < 0 ? null : gap;
        r.gaps = log.gapsOver(GAP_REPORT_MS);
    }

    private static void migrateByFlow(Case c, int src, int dst, OutageReport.Run r) {
        MigrationFlow.Request req = new MigrationFlow.Request(Lab.uri(src), c.guest, Lab.uri(dst),
                "tcp://" + Lab.migrationAddress(dst), null, null, null, null, c.flowMode);
        long t0 = System.nanoTime();
        MigrationFlow.Report rep = new MigrationFlow(Lab.HOSTS, new Hotplug()).migrate(req);
        r.totalMs = msSince(t0);
        // the hotplug case's gap is its device's: from the e1000e's unplug to its equivalent plugged, MAC given back
        r.vfGapMs = c == Case.HOTPLUG || c == Case.STATE
                ? rep.deviceGapsMs().values().stream().findFirst().orElse(null)
                : rep.vfGapMs();
        r.downtimeMs = rep.migrationStats().get("downtime");
        r.plugLibvirtMs = rep.destAttachLibvirtMs();
        r.precheckParts = rep.precheckParts() == null ? Map.of() : rep.precheckParts();
        r.journalMs = rep.journalMs();
        recordSteps(rep.steps(), r);
    }

    /** From the flow's timeline: the primitives' sum (every step but the pre-checks) and the steps of interest. */
    static void recordSteps(List<Saga.Step> steps, OutageReport.Run r) {
        r.primitivesMs = steps.stream().filter(s -> !s.name().equals(PRECHECK_STEP))
                .mapToLong(Saga.Step::durationMs).sum();
        r.precheckMs = stepMs(steps, PRECHECK_STEP, false);
        r.plugMs = PLUG_STEPS.stream().map(n -> stepMs(steps, n, false)).filter(Objects::nonNull).findFirst()
                .orElse(null);
        r.findMs = stepMs(steps, FIND_STEP, false);
        r.migrateStepMs = stepMs(steps, MIGRATE_STEP_PREFIX, true);
    }

    /** The duration of the step named {@code name} (or starting with it), null when the flow had none. */
    private static Long stepMs(List<Saga.Step> steps, String name, boolean prefix) {
        return steps.stream().filter(s -> prefix ? s.name().startsWith(name) : s.name().equals(name))
                .map(Saga.Step::durationMs).findFirst().orElse(null);
    }

    /** virtio-only: one {@code virDomainMigrate3}, timed here; libvirt's downtime from the destination's job. */
    private static void migrateRaw(Case c, int src, int dst, OutageReport.Run r) throws LibvirtException {
        Domain dom = Lab.host(src).domain(c.guest);
        TypedParameter[] params = {new TypedStringParameter("migrate_uri", "tcp://" + Lab.migrationAddress(dst))};
        long t0 = System.nanoTime();
        Domain moved = dom.migrate(Lab.host(dst).connect(), params, MIGRATE_FLAGS);
        r.totalMs = msSince(t0);
        r.migrateStepMs = r.totalMs;
        r.primitivesMs = r.totalMs;
        r.vfGapMs = 0L;
        r.downtimeMs = downtimeMs(moved).orElse(null);
    }

    /** {@code downtime} of the domain's completed job ({@code virDomainGetJobStats} with COMPLETED). */
    static Optional<Long> downtimeMs(Domain dom) throws LibvirtException {
        for (TypedParameter p : dom.getJobStats(JOB_STATS_COMPLETED).stats) {
            if ("downtime".equals(p.field)) {
                return Optional.of(Long.parseLong(p.getValueAsString()));
            }
        }
        return Optional.empty();
    }

    // ---- libvirt's own attach of the same VF ----

    /**
     * On the destination, the guest's VF out and in again by raw libvirt calls: detached from the live domain (its
     * live element) and, once the live XML no longer lists it, from the persistent definition (its element there),
     * then the live element attached again, live and config, timed alone; then the time from the attach's return
     * until the guest agent shows the VF's netdev. The bond guest's VF goes back into its bond as active slave.
     */
    static void rawAttachCycle(Case c, Host host, OutageReport.Run r) throws LibvirtException {
        Domain dom = host.domain(c.guest);
        DomainInterface live = vfInterface(Host.xml(dom, false), null).orElseThrow(() -> new IllegalStateException(
                "domain " + c.guest + " has no <interface type='hostdev'> in its live XML"));
        PciAddress vf = live.sourcePciAddress().orElseThrow();
        String xml = XmlCodec.marshal(live);
        detachBoth(dom, xml, vf);
        long t0 = System.nanoTime();
        dom.attachDeviceFlags(xml, AFFECT_LIVE | AFFECT_CONFIG);
        r.rawAttachMs = msSince(t0);
        long t1 = System.nanoTime();
        new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(dom))).waitForPciMac(c.mac, RAW_WAIT)
                .orElseThrow(() -> new IllegalStateException("raw attach: the guest of " + c.guest + " did not show "
                        + c.mac + " within " + RAW_WAIT.toSeconds() + " s"));
        r.rawGuestShowMs = msSince(t1);
        if (c == Case.BOND) {
            new Hotplug().enslaveActive(host, c.guest, c.mac, BOND);
        }
    }

    /**
     * Detaches VF {@code vf} live ({@code liveXml}, which carries the live alias and guest address: the bond guest's
     * virtio NIC has the same MAC) and, when gone, from the persistent definition by the element found there (it
     * has no live alias, so libvirt would not match the live one).
     */
    private static void detachBoth(Domain dom, String liveXml, PciAddress vf) throws LibvirtException {
        Optional<DomainInterface> config = vfInterface(Host.xml(dom, true), vf);
        dom.detachDeviceFlags(liveXml, AFFECT_LIVE);
        waitUntilGone(dom, vf);
        if (config.isPresent()) {
            dom.detachDeviceFlags(XmlCodec.marshal(config.get()), AFFECT_CONFIG);
        }
    }

    /** The {@code <interface type='hostdev'>} with source {@code vf} (null: the first) in domain XML. */
    static Optional<DomainInterface> vfInterface(String domainXml, PciAddress vf) {
        io.passthru.xml.domain.Domain d = XmlCodec.unmarshal(domainXml, io.passthru.xml.domain.Domain.class);
        return d.getDevices() == null ? Optional.empty() : d.devices().interfaces().stream()
                .filter(DomainInterface::isHostdev)
                .filter(i -> vf == null || i.sourcePciAddress().map(vf::equals).orElse(false))
                .findFirst();
    }

    /** Polls the live XML every 50 ms until no interface has {@code vf} as source. */
    private static void waitUntilGone(Domain dom, PciAddress vf) {
        long deadline = System.nanoTime() + RAW_WAIT.toNanos();
        while (vfInterface(Host.xml(dom, false), vf).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("raw detach: VF " + vf + " still in the live XML of "
                        + Host.name(dom) + " after " + RAW_WAIT.toSeconds() + " s");
            }
            Lab.sleep(50);
        }
    }

    // ---- helpers ----

    private static long msSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The error on one line: its message, else its class. */
    static String describe(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static String summary(OutageReport.Run r) {
        return String.format("%s: %s sent, %s lost, longest gap %s ms, total %s ms, VF gap %s ms, downtime %s ms, "
                        + "primitives %s ms%s", r.outcome, r.sent, r.lost, r.longestGapMs, r.totalMs, r.vfGapMs,
                r.downtimeMs, r.primitivesMs, r.rawAttachMs == null ? ""
                        : ", raw attach " + r.rawAttachMs + " ms + guest " + r.rawGuestShowMs + " ms")
                + (r.gaps == null || r.gaps.isEmpty() ? "" : "; silences over " + GAP_REPORT_MS + " ms: " + r.gaps);
    }
}
