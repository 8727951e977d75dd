package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestExecStatus;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.agent.UnixSocketAgentChannel;
import io.passthru.manager.DomainDefiner;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.MacAddress;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nested lab started by integration-tests/lab/lab.sh: two hosts with libvirtd on qemu+tcp, an igb PF with VFs,
 * a peer NIC on the lab wire (192.0.2.10N) and qemu-guest-agent on a UNIX socket for running commands on the host.
 */
final class Lab {
    /**
     * JUnit tag of the extended lab tier: the rest of the fault matrix (faults during and after the migration, each
     * kill point after it) and the evacuation makespans. The default run (README "Run the tests", .ci/run) leaves
     * these out to stay within CI's time; {@code integration-tests/lab/run-tests.sh --all} runs them too.
     */
    static final String EXTENDED = "extended";
    static final Path DIR = Path.of(labDir());
    static final int PORT_BASE = Integer.getInteger("lab.libvirt.port.base", 16508);
    static final Path CLI = cliPath();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Hosts HOSTS = new Hosts();

    private Lab() {
    }

    private static String labDir() {
        String d = System.getProperty("lab.dir");
        return d == null || d.isBlank() || d.startsWith("${") ? "/var/tmp/passthru-lab" : d;
    }

    /**
     * The packaged CLI: {@code -Dpassthru.bin}, else {@code manager/target/passthru/bin/passthru} of the checkout
     * these test classes were built in (found from their location, so it does not depend on the working directory:
     * Failsafe runs in {@code integration-tests/}, {@code mvn -pl integration-tests exec:java} in the root).
     */
    private static Path cliPath() {
        String p = System.getProperty("passthru.bin");
        if (p != null && !p.isBlank() && !p.startsWith("${")) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        return checkoutRoot().resolve("manager/target/passthru/bin/passthru");
    }

    /** The root of the checkout these test classes were built in (from their location, not the working directory). */
    static Path checkoutRoot() {
        try {
            // .../integration-tests/target/test-classes -> repository root
            Path classes = Path.of(Lab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the test classes: " + e.getMessage(), e);
        }
    }

    static String uri(int host) {
        return "qemu+tcp://127.0.0.1:" + (PORT_BASE + host) + "/system";
    }

    static Host host(int n) {
        return HOSTS.open(uri(n));
    }

    /** Address of host N on the migration link. */
    static String migrationAddress(int n) {
        return "198.51.100." + n;
    }

    /** Runs argv on lab host N (L1) through its guest agent. */
    static GuestExecStatus onHost(int n, Duration timeout, String... argv) {
        try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(DIR.resolve("h" + n + "-qga.sock"))) {
            return new GuestAgent(ch, Duration.ofSeconds(15)).run(List.of(argv), timeout);
        }
    }

    /** Defines and starts a lab guest on host N (bond0 over a virtio NIC with {@code mac}) and waits for its agent. */
    static Domain startGuest(int n, String name, String mac, String cidr) throws LibvirtException {
        Domain dom = defineGuest(n, name, mac, cidr);
        dom.create();
        return awaitBoot(dom);
    }

    /**
     * Waits for a started guest's agent; a guest that did not answer in 150 s is started once more (seen in a CI run:
     * a lab guest that never answered, which failed its whole class from {@code @BeforeAll}, rerun or not).
     */
    static Domain awaitBoot(Domain dom) throws LibvirtException {
        try {
            return waitForAgent(dom, dom.getName(), 150);
        } catch (HostLost lost) {
            throw lost; // nothing to restart on a closed connection: LabHealth reboots the host and runs @BeforeAll again
        } catch (AssertionError hung) {
            System.out.println("GUEST " + dom.getName() + ": no agent after 150 s; started once more");
            if (dom.isActive() == 1) {
                dom.destroy();
            }
            dom.create();
            return waitForAgent(dom, dom.getName(), 300);
        }
    }

    /**
     * Starts the defined guests {@code doms} one after the other, each once the one before answers its agent. Their
     * boots used to overlap, two at a time: on the 6.12 lab kernel that panicked host 2 in three of four tries
     * (2026-12-06, RaceLabIT: "corrupted stack end detected inside scheduler" in a KVM vCPU thread, 12-16 s after the
     * second of two L2 guests started, also seen on CI), while one boot at a time passed. A boot is 6-16 s here.
     */
    static void startAll(Domain... doms) throws LibvirtException {
        for (Domain d : doms) {
            d.create();
            awaitBoot(d);
        }
    }

    /** Defines (does not start) a lab guest on host N. */
    static Domain defineGuest(int n, String name, String mac, String cidr) throws LibvirtException {
        return defineGuest(n, name, mac, cidr, "");
    }

    /** Defines a lab guest on host N with extra kernel arguments (e.g. {@code pcie_ports=compat}). */
    static Domain defineGuest(int n, String name, String mac, String cidr, String extraCmdline)
            throws LibvirtException {
        return define(n, guestCommand(name, mac, cidr, extraCmdline));
    }

    /**
     * Lab guests allocate their memory on demand, not with passthru define's default {@code immediate}: with
     * preallocated guests a TCG lab host reset itself twice in a day (during a VF plug into the migrated Debian guest,
     * and during a failover guest's VF unplug), against none in the runs before. The VF plug's stall that
     * {@code immediate} removes is what the tests then see (DistroGuestLabIT tells it apart).
     */
    static final String LAB_MEMORY_ALLOCATION = "ondemand";

    /** Spare pcie-root-ports of a lab guest: room for the VFs the tests hot-plug (RaceLabIT puts 4 in one guest). */
    static final int GUEST_HOTPLUG_PORTS = 7;

    /**
     * What {@code passthru define} is given for a lab guest, as the CLI would be: 128 MiB, 1 vCPU, the lab's kernel and
     * busybox initramfs (direct kernel boot, {@code passthru.addr=CIDR} and {@code extraCmdline} for the guest's
     * init), a virtio NIC with {@code mac} on the host's br0, {@link #GUEST_HOTPLUG_PORTS} spare root ports, the guest
     * agent channel, and {@code --pcihole64 0}: QEMU 10's igb on the lab hosts only maps VF BARs below 4 GiB, and a
     * guest that put a VF's 64-bit BAR higher would not reach it.
     */
    static DomainDefiner.Command guestCommand(String name, String mac, String cidr, String extraCmdline) {
        return new DomainDefiner.Command(name).memoryMiB(128).vcpus(1)
                .kernel(guestKernel(), DIR.resolve("guest-initrd.img").toString(),
                        "console=ttyS0 quiet intel_iommu=on passthru.addr=" + cidr
                                + (extraCmdline.isEmpty() ? "" : " " + extraCmdline))
                .nic("br0", null, MacAddress.parse(mac)).hotplugPorts(GUEST_HOTPLUG_PORTS).pcihole64KiB(0L)
                .memoryAllocation(LAB_MEMORY_ALLOCATION);
    }

    /**
     * The lab guests' kernel: build-images.sh's uncompressed {@code vmlinux} (QEMU boots its PVH entry point directly,
     * 10-15 s sooner per guest on the lab than the bzImage, whose decompressor runs at TCG speed), else the
     * {@code vmlinuz} it was taken from.
     */
    static String guestKernel() {
        Path elf = DIR.resolve("vmlinux");
        return (Files.isReadable(elf) ? elf : DIR.resolve("vmlinuz")).toString();
    }

    /** Where build-distro-image.sh leaves the distro guest's root and initramfs. */
    static final Path DISTRO_DIR = DIR.resolve("distro");

    /**
     * What {@code passthru define} is given for the lab's Debian 12 guest (integration-tests/lab/build-distro-image.sh):
     * 256 MiB (systemd and NetworkManager), the lab kernel with the distro initramfs, the shared root image read-only
     * (the guest writes to a RAM overlay; both hosts see the same file, so a migration leaves it in place), a virtio
     * NIC with {@code mac} on br0, and on the kernel command line the address and the MACs its NetworkManager profiles
     * name: bond0 over the virtio NIC and a bond-slave profile for a VF with {@code vfMac}.
     */
    static DomainDefiner.Command distroGuestCommand(String name, String mac, String vfMac, String cidr) {
        String stamp;
        try {
            stamp = Files.readString(DISTRO_DIR.resolve("stamp")).trim();
        } catch (java.io.IOException e) {
            throw new AssertionError("no distro guest image in " + DISTRO_DIR + ": run integration-tests/lab/"
                    + "build-distro-image.sh (run-tests.sh does)", e);
        }
        Path root = DISTRO_DIR.resolve("rootfs-" + stamp + ".img");
        return new DomainDefiner.Command(name).memoryMiB(256).vcpus(1)
                .kernel(guestKernel(), DISTRO_DIR.resolve("initrd-" + stamp + ".img").toString(),
                        "console=ttyS0 intel_iommu=on passthru.addr=" + cidr + " passthru.mac=" + mac
                                + " passthru.vfmac=" + vfMac)
                .disk(root.toString()).diskReadOnly(true)
                .nic("br0", null, MacAddress.parse(mac)).hotplugPorts(GUEST_HOTPLUG_PORTS).pcihole64KiB(0L)
                .memoryAllocation(LAB_MEMORY_ALLOCATION);
    }

    /** Defines {@code cmd} on host N with passthru's own domain generation, replacing a domain of that name. */
    static Domain define(int n, DomainDefiner.Command cmd) throws LibvirtException {
        removeGuest(n, cmd.name());
        new DomainDefiner().define(host(n), cmd, false);
        return host(n).connect().domainLookupByName(cmd.name());
    }

    /** The XML {@code passthru define --dry-run} prints for {@code cmd} on host N (for tests that add to it). */
    static String dryRun(int n, DomainDefiner.Command cmd) {
        removeGuest(n, cmd.name());
        return new DomainDefiner().define(host(n), cmd, true).xml();
    }

    /** Alias of the failover guests' virtio NIC (libvirt wants user aliases to start with "ua-"). */
    static final String FAILOVER_ALIAS = DomainDefiner.DEFAULT_FAILOVER_ALIAS;

    /**
     * A failover lab guest (started, agent answering): defined with {@code define --failover} (its virtio NIC carries
     * {@code <teaming type='persistent'/>} and alias {@link #FAILOVER_ALIAS}), and the guest (passthru.net=failover)
     * puts its address on net_failover's master netdev; a VF attached with {@code passthru attach --failover} becomes
     * its primary.
     */
    static Domain startFailoverGuest(int n, String name, String mac, String cidr) throws LibvirtException {
        Domain dom = defineFailoverGuest(n, name, mac, cidr);
        dom.create();
        return waitForAgent(dom, name);
    }

    /** Defines (does not start) the failover lab guest of {@link #startFailoverGuest}. */
    static Domain defineFailoverGuest(int n, String name, String mac, String cidr) throws LibvirtException {
        return define(n, guestCommand(name, mac, cidr, "passthru.net=failover").failover(FAILOVER_ALIAS));
    }

    /**
     * The guest's VF netdev with MAC {@code mac} (waited for up to 60 s), enslaved to net_failover's master, a
     * virtio-backed netdev: what a VF attached with {@code attach --failover} must become in a failover guest.
     */
    static GuestLink failoverPrimary(Domain dom, String mac) {
        GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(dom)));
        GuestLink vf = net.waitForPciMac(mac, Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("the guest shows no VF with MAC " + mac));
        org.junit.jupiter.api.Assertions.assertNotNull(vf.master(), "the VF is a slave of the failover master: " + vf);
        GuestLink master = net.links().stream().filter(l -> l.name().equals(vf.master()))
                .findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertFalse(master.isPciDevice(),
                "the failover master hangs off the virtio device: " + master);
        return vf;
    }

    /**
     * A lab guest without a bond (passthru.net=plain): its address goes on the VF when one arrives (what Nova and
     * KubeVirt guests do); its virtio NIC carries no address.
     */
    static Domain startPlainGuest(int n, String name, String mac, String cidr) throws LibvirtException {
        Domain dom = definePlainGuest(n, name, mac, cidr);
        dom.create();
        return waitForAgent(dom, name);
    }

    /** Defines (does not start) the plain lab guest of {@link #startPlainGuest}. */
    static Domain definePlainGuest(int n, String name, String mac, String cidr) throws LibvirtException {
        return defineGuest(n, name, mac, cidr, "passthru.net=plain");
    }

    /**
     * A lab guest (define --dry-run's XML) with an mtty mdev ({@code <hostdev type='mdev'>}, user alias ua-mtty0);
     * with {@code noDirtyTracking} the QEMU properties a VFIO migration needs on the lab's kernel: Debian builds Linux
     * without {@code CONFIG_IOMMUFD_DRIVER}, so VFIO's DMA-logging report fails with EOPNOTSUPP and QEMU's default
     * device dirty tracking fails in ram_save_setup; with {@code x-device-dirty-page-tracking=off},
     * {@code x-pre-copy-dirty-page-tracking=off} and {@code enable-migration=on} QEMU counts all guest RAM dirty at the
     * switch-over instead (StateMigrationLabIT).
     */
    static String mdevGuestXml(String name, String mac, String addr, String uuid, boolean noDirtyTracking,
                               io.passthru.manager.viommu.ViommuPolicy.Option viommu) {
        io.passthru.manager.DomainDefiner.Command cmd = guestCommand(name, mac, addr + "/24", "");
        if (viommu != null) {
            cmd.viommu(viommu);
        }
        String xml = dryRun(1, cmd);
        String hostdev = "<hostdev mode='subsystem' type='mdev' model='vfio-pci'><source><address uuid='" + uuid
                + "'/></source><alias name='ua-mtty0'/></hostdev>";
        xml = xml.replaceFirst("</devices>", hostdev + "</devices>");
        if (noDirtyTracking) {
            xml = xml.replaceFirst("<domain ", "<domain xmlns:qemu=\"http://libvirt.org/schemas/domain/qemu/1.0\" ");
            xml = xml.replaceFirst("</domain>", "<qemu:override><qemu:device alias='ua-mtty0'><qemu:frontend>"
                    + "<qemu:property name='enable-migration' type='string' value='on'/>"
                    + "<qemu:property name='x-device-dirty-page-tracking' type='string' value='off'/>"
                    + "<qemu:property name='x-pre-copy-dirty-page-tracking' type='string' value='off'/>"
                    + "</qemu:frontend></qemu:device></qemu:override></domain>");
        }
        return xml;
    }

    /** Defines domain XML on host N, replacing a domain of that name. */
    static Domain defineGuestXml(int n, String name, String xml) throws LibvirtException {
        Host h = host(n);
        removeGuest(n, name);
        return h.connect().domainDefineXML(xml);
    }

    /**
     * The connection to a lab host was closed under a wait (the host died, or its libvirtd stopped answering for
     * libvirt's keepalive, 30 s); {@code host} is its number, 0 when it cannot be told. LabHealth reboots that host
     * even when it answers again: a host that stalled that long leaves its guests hung.
     */
    static final class HostLost extends AssertionError {
        final int host;

        HostLost(String message, Throwable cause, int host) {
            super(message, cause);
            this.host = host;
        }
    }

    /** The lab host number whose URI {@code dom}'s connection has, 0 when none. */
    static int hostOf(Domain dom) {
        try {
            String u = dom.getConnect().getURI();
            for (int n = 1; n <= 3; n++) {
                if (uri(n).equals(u)) {
                    return n;
                }
            }
        } catch (LibvirtException | RuntimeException e) {
            // the connection is closed: its URI cannot be read any more
        }
        return 0;
    }

    /** Waits (up to 300 s: a loaded 2-core machine) until the guest agent of a started guest answers. */
    static Domain waitForAgent(Domain dom, String name) {
        return waitForAgent(dom, name, 300);
    }

    /** {@link #waitForAgent(Domain, String)} for up to {@code seconds}. */
    static Domain waitForAgent(Domain dom, String name, int seconds) {
        int host = hostOf(dom);
        GuestAgent agent = new GuestAgent(new LibvirtAgentChannel(dom), Duration.ofSeconds(3));
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                agent.ping();
                System.out.printf("GUEST %s: agent answered %d ms after the wait began%n", name,
                        (System.nanoTime() - start) / 1_000_000);
                return dom;
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("client socket is closed")) {
                    // libvirt's keepalive closed the connection: the host died or its libvirtd stopped answering,
                    // and no ping on this connection can ever answer (LabHealth reboots a dead host)
                    throw new HostLost("guest " + name + ": the connection to its host was closed while "
                            + "waiting for its agent", e, host);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("guest " + name + " never answered guest-ping", e);
                }
                sleep(1000);
            }
        }
    }

    /** Destroys and undefines the guest if it exists on host N. */
    static void removeGuest(int n, String name) {
        try {
            Domain d = host(n).connect().domainLookupByName(name);
            if (d.isActive() == 1) {
                d.destroy();
            }
            if (d.isPersistent() == 1) {
                d.undefine();
            }
        } catch (LibvirtException e) {
            // not there
        }
    }

    static boolean exists(int n, String name) {
        try {
            host(n).connect().domainLookupByName(name);
            return true;
        } catch (LibvirtException e) {
            return false;
        }
    }

    /** Runs {@code script} with /bin/sh in the guest through its agent; fails when it exits non-zero. */
    static String inGuest(Domain dom, String script) {
        GuestExecStatus st = new GuestAgent(new LibvirtAgentChannel(dom),
                Duration.ofSeconds(30)).run(List.of("/bin/sh", "-c", script), Duration.ofSeconds(60));
        if (st.exitCode() == null || st.exitCode() != 0) {
            throw new AssertionError("in guest: " + script + " -> exit " + st.exitCode() + ": " + st.stdout()
                    + st.stderr());
        }
        return st.stdout();
    }

    /**
     * Waits (up to 60 s) until the guest's restarted agent answers {@code guest-info} with {@code guest-exec}
     * disabled; fails when it never does.
     */
    static void awaitAgentWithoutGuestExec(Domain dom) {
        GuestAgent agent = new GuestAgent(new LibvirtAgentChannel(dom),
                Duration.ofSeconds(3));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (!agent.info().supports("guest-exec")) {
                    return;
                }
            } catch (io.passthru.agent.AgentException restarting) {
                // qemu-ga is being restarted
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the guest agent did not come back with guest-exec blocked");
            }
            sleep(300);
        }
    }

    /** Starts {@code script} in the guest and does not wait (for scripts that stop the agent itself). */
    static void inGuestNoWait(Domain dom, String script) {
        new GuestAgent(new LibvirtAgentChannel(dom), Duration.ofSeconds(30))
                .exec(List.of("/bin/sh", "-c", script), false);
    }

    /** Runs argv on lab host N and fails when it exits non-zero; returns its standard output. */
    static String onHostOk(int n, String... argv) {
        GuestExecStatus st = onHost(n, Duration.ofSeconds(60), argv);
        if (st.exitCode() == null || st.exitCode() != 0) {
            throw new AssertionError("on host " + n + ": " + String.join(" ", argv) + " -> exit " + st.exitCode()
                    + ": " + st.stdout() + st.stderr());
        }
        return st.stdout();
    }

    /** One HMP command on lab host N's own QEMU monitor (the machine's QEMU running the nested host). */
    static String hmp(int n, String command) throws IOException {
        java.net.UnixDomainSocketAddress a = java.net.UnixDomainSocketAddress.of(DIR.resolve("h" + n + "-monitor.sock"));
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(a)) {
            ch.write(java.nio.ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            sleep(500);
            ch.configureBlocking(false);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(65536);
            ch.read(buf);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        }
    }

    /** A passthru CLI run in the background (for faults injected while it runs). */
    static final class Running {
        final Process process;
        final Path out;
        final Path err;
        final String[] args;

        Running(Process process, Path out, Path err, String[] args) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.args = args;
        }

        CliResult await() throws IOException, InterruptedException {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("passthru " + String.join(" ", args) + " did not finish in 10 min");
            }
            CliResult r = new CliResult(process.exitValue(), Files.readString(out), Files.readString(err));
            System.out.println("$ passthru " + String.join(" ", args) + "  -> exit " + r.exit() + "\n" + r.out()
                    + r.err());
            return r;
        }

        String stderrSoFar() throws IOException {
            return Files.readString(err);
        }
    }

    /** Starts the packaged CLI with extra environment variables (test hooks) and does not wait. */
    static Running cliAsync(java.util.Map<String, String> env, String... args) throws IOException {
        if (!Files.isExecutable(CLI)) {
            throw new IllegalStateException("the passthru CLI is not at " + CLI + ": build it with mvn package");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(CLI.toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("passthru-out", ".txt");
        Path err = Files.createTempFile("passthru-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putIfAbsent("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m");
        pb.environment().putAll(env);
        return new Running(pb.start(), out, err, args);
    }

    /** Runs the CLI with extra environment variables and waits. */
    static CliResult cli(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        return cliAsync(env, args).await();
    }

    /** Result of one passthru CLI run. */
    record CliResult(int exit, String out, String err) {
        JsonNode json() {
            try {
                // the JSON document (an object, or an array as list-vfs prints) after any text before it
                int obj = out.indexOf('{');
                int arr = out.indexOf('[');
                int start = obj < 0 ? arr : arr < 0 ? obj : Math.min(obj, arr);
                return JSON.readTree(out.substring(Math.max(0, start)));
            } catch (IOException e) {
                throw new AssertionError("passthru printed no JSON: " + out + err, e);
            }
        }
    }

    /** Runs the packaged passthru CLI (manager/target/passthru/bin/passthru) and waits (10 min at most). */
    static CliResult cli(String... args) throws IOException, InterruptedException {
        return cli(java.util.Map.of(), args);
    }

    /**
     * A ping ({@code ping -D}: each reply line starts with its epoch time) running on a lab host in the background;
     * {@link #stop()} interrupts it and parses its summary, {@link #stopWithReplies()} also every reply.
     */
    static final class Ping {
        final int host;
        final long pid;
        final String target;

        /** Every 100 ms. */
        Ping(int host, String target) {
            this(host, target, "0.1");
        }

        /** Every {@code intervalSeconds} (ping's {@code -i}, e.g. "0.01"; below 0.2 needs root, which qemu-ga is). */
        Ping(int host, String target, String intervalSeconds) {
            this.host = host;
            this.target = target;
            try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(DIR.resolve("h" + host + "-qga.sock"))) {
                this.pid = new GuestAgent(ch).exec(List.of("/bin/ping", "-i", intervalSeconds, "-W", "1", "-D",
                        target), true);
            }
        }

        /** Stops the ping (SIGINT) and returns {transmitted, received}. */
        int[] stop() {
            PingLog log = stopWithReplies();
            return new int[] {log.transmitted(), log.received()};
        }

        /**
         * Stops the ping (SIGINT) and returns its summary and every reply it printed. The host's own agent is given
         * 120 s: on CI (2026-12-07) host 2's agent, right after a migration into it, answered neither the kill (15 s)
         * nor the status that followed (10 s), and the test failed with its guest migrated and answering.
         */
        PingLog stopWithReplies() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean killed = false;
            RuntimeException last = null;
            while (System.nanoTime() < deadline) {
                try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(DIR.resolve("h" + host + "-qga.sock"))) {
                    GuestAgent a = new GuestAgent(ch, Duration.ofSeconds(15));
                    if (!killed) {
                        try {
                            a.run(List.of("/bin/kill", "-INT", Long.toString(pid)), Duration.ofSeconds(15));
                        } catch (io.passthru.agent.GuestCommandFailedException gone) {
                            // seen once in CI: "No such process", the ping had already ended; its output is still
                            // kept by the agent, and its own summary (or its error) says why
                            System.out.println("ping on host " + host + " had ended by itself: " + gone.getMessage());
                        }
                        killed = true;
                    }
                    for (int i = 0; i < 100; i++) {
                        GuestExecStatus st = a.execStatus(pid);
                        if (st.exited()) {
                            return PingLog.parse(st.stdout(), st.stderr());
                        }
                        sleep(100);
                    }
                    throw new AssertionError("ping on host " + host + " did not stop");
                } catch (io.passthru.agent.AgentException e) {
                    last = e;
                    System.out.println("host " + host + "'s agent did not answer while stopping a ping (" + e
                            + "); trying again");
                    sleep(2000);
                }
            }
            throw new AssertionError("host " + host + "'s agent did not answer for 120 s while stopping a ping", last);
        }
    }

    /** What a stopped {@link Ping} printed: its summary and its replies in order (duplicates left out). */
    record PingLog(int transmitted, int received, List<PingReply> replies) {
        private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
        private static final Pattern REPLY = Pattern.compile(
                "^\\[(\\d+(?:\\.\\d+)?)] \\d+ bytes from .*icmp_seq=(\\d+)");

        static PingLog parse(String stdout, String stderr) {
            Matcher m = SUMMARY.matcher(stdout);
            if (!m.find()) {
                throw new AssertionError("no ping summary: " + stdout + stderr);
            }
            List<PingReply> replies = new ArrayList<>();
            for (String line : stdout.split("\n")) {
                Matcher r = REPLY.matcher(line);
                if (r.find() && !line.contains("(DUP!)")) {
                    replies.add(new PingReply(Integer.parseInt(r.group(2)),
                            Math.round(Double.parseDouble(r.group(1)) * 1000)));
                }
            }
            return new PingLog(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), List.copyOf(replies));
        }

        int lost() {
            return transmitted - received;
        }

        /** Largest time between two consecutive replies (ms, by the ping host's clock); -1 with fewer than two. */
        long longestGapMs() {
            long longest = -1;
            for (int i = 1; i < replies.size(); i++) {
                longest = Math.max(longest, replies.get(i).epochMs() - replies.get(i - 1).epochMs());
            }
            return longest;
        }

        /**
         * The silences longer than {@code thresholdMs}, in order, as {@code +S.Ss:MS} (when it began, in s after the
         * first reply; how long it lasted, ms), joined with {@code ;}: where in a run the packets were lost.
         */
        String gapsOver(long thresholdMs) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < replies.size(); i++) {
                long gap = replies.get(i).epochMs() - replies.get(i - 1).epochMs();
                if (gap > thresholdMs) {
                    b.append(b.length() == 0 ? "" : ";").append(String.format(java.util.Locale.ROOT, "+%.1fs:%d",
                            (replies.get(i - 1).epochMs() - replies.get(0).epochMs()) / 1000.0, gap));
                }
            }
            return b.toString();
        }
    }

    /** One echo reply: its sequence number and when ping received it (epoch ms, {@code -D}). */
    record PingReply(int seq, long epochMs) {
    }

    /** A call that may meet the guest agent away. */
    interface Call<T> {
        T call();
    }

    /** {@code c}, again (up to 120 s) while the guest agent is away (it reconnects a moment after a migration). */
    static <T> T waitForAgentThen(Call<T> c) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                return c.call();
            } catch (io.passthru.agent.AgentException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(1000);
            }
        }
    }

    /**
     * Brings host {@code n}'s spare PF {@code pf} (its second igb, MAC 52:54:00:00:0N:07, lab.sh) up again after a
     * guest gave it back: libvirt restores its igb driver, not its link, and every later check-host fails on a PF
     * whose link is down. Sets the link up until host {@code n}'s inventory shows it up, 30 s at most.
     *
     * @return whether the inventory showed the link up
     */
    static boolean spareLinkUp(int n, io.passthru.xml.PciAddress pf) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            onHostOk(n, "/bin/sh", "-c", "for d in /sys/class/net/*; do [ \"$(cat $d/address)\" = 52:54:00:00:0" + n
                    + ":07 ] && ip link set $(basename $d) up; done; true");
            if (io.passthru.manager.Inventory.scan(host(n)).pf(pf).map(io.passthru.manager.Inventory.Pf::linkUp)
                    .orElse(false)) {
                return true;
            }
            sleep(1000);
        }
        return false;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
