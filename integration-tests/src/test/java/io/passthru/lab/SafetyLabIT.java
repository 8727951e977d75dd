package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.agent.GuestCommandFailedException;
import io.passthru.agent.GuestExecStatus;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.Inventory;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.journal.OperationKind;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never two copies of a guest, never the last copy lost (docs/recovery.md "What passthru promises"), on the nested lab: the
 * states an operator's bad day leaves, and {@code passthru recover} against them. Each test ends with the guest
 * running on exactly one host, its network answering from that host's peer, its VF the bond's active slave, no VF
 * leaked and no record left.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafetyLabIT {
    static final String NAME = "it-safety";
    static final String MAC = "52:54:00:a1:00:76";
    static final String ADDR = "192.0.2.76";
    static final String[] FAST = {"--agent-timeout", "30", "--guest-timeout", "30", "--detach-timeout", "10"};

    final OperationJournal journal = new OperationJournal();

    /** A failed test leaves the guest in a state the next does not expect: it starts afresh. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher freshGuestAfterAFailure =
            new org.junit.jupiter.api.extension.TestWatcher() {
                @Override
                public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                    System.out.println("SafetyLabIT: " + context.getDisplayName() + " failed; the guest starts afresh");
                    for (int n : new int[] {1, 2}) {
                        onHostMayFail(n, Duration.ofSeconds(10), "/usr/bin/pkill", "-CONT", "-x", "libvirtd");
                        Lab.removeGuest(n, NAME);
                    }
                }
            };

    @AfterAll
    void cleanup() {
        for (int n : new int[] {1, 2}) {
            onHostMayFail(n, Duration.ofSeconds(10), "/usr/bin/pkill", "-CONT", "-x", "libvirtd");
            Lab.removeGuest(n, NAME);
        }
    }

    /** Host (1 or 2) the guest runs on; starts it on host 1 with a bonded VF when it runs nowhere. */
    int at() throws Exception {
        boolean on1 = Lab.exists(1, NAME);
        boolean on2 = Lab.exists(2, NAME);
        assertFalse(on1 && on2, "the guest is defined on both hosts");
        if (on1 || on2) {
            return on1 ? 1 : 2;
        }
        Lab.startGuest(1, NAME, MAC, ADDR + "/24");
        String vf = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree).findFirst()
                .orElseThrow().address().toString();
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--vf", vf, "--mac", MAC, "--bond",
                "bond0");
        assertEquals(0, a.exit(), a.err());
        return 1;
    }

    static int other(int h) {
        return h == 1 ? 2 : 1;
    }

    static Optional<DomainInfo.DomainState> state(int n) {
        try {
            org.libvirt.Domain d = Lab.host(n).connect().domainLookupByName(NAME);
            return Optional.of(d.getInfo().state);
        } catch (LibvirtException e) {
            return Optional.empty();
        }
    }

    /**
     * The bad day: the CLI dies while it waits for the destination's Finish (the destination's libvirtd is
     * frozen: it accepts connections and answers nothing, as during a restart), so the source's copy stays paused
     * with passthru's record and the destination's QEMU holds the migrated guest. {@code recover} must not resume
     * the source (the destination may run the guest): it refuses within its bounds, exit 3, and changes nothing.
     * Once the destination's libvirtd is back, {@code recover} finishes, whichever way libvirt left the copies.
     */
    @Test
    @Order(1)
    void cliKilledDuringFinishWithTheDestinationLibvirtdFrozen() throws Exception {
        int src = at();
        int dst = other(src);
        Lab.Running r = Lab.cliAsync(Map.of(), "migrate", NAME, "--connect", Lab.uri(src), "--to", Lab.uri(dst),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(dst), "--output", "json", FAST[0], FAST[1],
                FAST[2], FAST[3], FAST[4], FAST[5]);
        DomainInfo.DomainState seen;
        try {
            awaitMigrationData(src, r);
            Lab.onHostOk(dst, "/usr/bin/pkill", "-STOP", "-x", "libvirtd");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25); // the CLI's keepalive gives up at 30 s
            do {
                seen = state(src).orElse(null);
                Lab.sleep(50);
            } while (seen != DomainInfo.DomainState.VIR_DOMAIN_PAUSED && System.nanoTime() < deadline);
        } finally {
            new ProcessBuilder("kill", "-KILL", Long.toString(FaultLabIT.javaPid(r.process))).inheritIO().start()
                    .waitFor();
        }
        Lab.CliResult killed = r.await();
        assertEquals(137, killed.exit(), killed.out() + killed.err());
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_PAUSED, seen, "the source's copy paused at the switch-over");
        try {
            Lab.sleep(1000); // the source's libvirtd notices its client is gone
            assertEquals(Optional.of(DomainInfo.DomainState.VIR_DOMAIN_PAUSED), state(src),
                    "libvirt leaves the source paused when its client died after perform");
            Operation before = journal.read(Lab.host(src).domain(NAME)).orElseThrow();

            long t0 = System.nanoTime();
            Lab.CliResult refused = Lab.cli("recover", NAME, "--connect", Lab.uri(src), "--output", "json");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("SAFETY: recover with the destination's libvirtd frozen: exit " + refused.exit()
                    + " in " + ms + " ms");
            assertEquals(3, refused.exit(), refused.out() + refused.err());
            assertTrue(refused.err().contains("the destination " + Lab.uri(dst) + " did not answer"), refused.err());
            assertTrue(refused.err().contains("PAUSED") && refused.err().contains("nothing was changed"),
                    refused.err());
            assertEquals("refused", refused.json().get("outcome").asText());
            assertTrue(ms < 90_000, "recover is bounded: " + ms + " ms");
            assertEquals(Optional.of(DomainInfo.DomainState.VIR_DOMAIN_PAUSED), state(src), "still paused");
            Operation after = journal.read(Lab.host(src).domain(NAME)).orElseThrow();
            assertEquals(before.id, after.id);
            assertEquals(before.generation, after.generation, "the record is unchanged");
        } finally {
            Lab.onHostOk(dst, "/usr/bin/pkill", "-CONT", "-x", "libvirtd");
        }
        FaultLabIT.waitForLibvirt(dst);
        JsonNode j = recoverOk(Lab.uri(src));
        String outcome = j.get("outcome").asText();
        assertTrue(outcome.equals("rolled-back") || outcome.equals("rolled-forward"), j.toString());
        System.out.println("SAFETY: after the destination's libvirtd thawed, recover " + outcome + " in "
                + j.get("totalMs").asLong() + " ms");
        invariants();
    }

    /**
     * A record written by a migration run on host A with the default {@code qemu:///system}, read by {@code recover}
     * run on the destination host B with the default {@code qemu:///system}: the recorded "source" URI reaches B
     * itself. recover sees the machine is not the recorded one and refuses (exit 3, nothing changed); given the
     * source's real URI it finishes the migration.
     */
    @Test
    @Order(2)
    void recoverOnTheDestinationWithTheLocalUri() throws Exception {
        int src = at();
        int dst = other(src);
        String cli = Lab.CLI.toAbsolutePath().normalize().toString();
        String destUri = "qemu+tcp://" + Lab.migrationAddress(dst) + "/system";
        GuestExecStatus killed = onHostMayFail(src, Duration.ofMinutes(6), "/bin/sh", "-c",
                "PASSTHRU_TEST_KILL_AFTER=migrate " + cli + " migrate " + NAME + " --to " + destUri
                        + " --migrate-uri tcp://" + Lab.migrationAddress(dst) + " " + String.join(" ", FAST)
                        + "; echo \"exit=$?\"");
        assertTrue(killed.stdout().contains("exit=137"), "SIGKILL after migrate: " + killed.stdout()
                + killed.stderr());
        assertEquals(dst, at(), "the guest moved before the kill");
        Operation rec = journal.read(Lab.host(dst).domain(NAME)).orElseThrow();
        assertEquals("qemu:///system", rec.source.uri, "the source as typed on host " + src);

        // the record's lease names a process on host A: from host B it counts as alive until it is 15 min old
        GuestExecStatus owned = onHostMayFail(dst, Duration.ofMinutes(3), cli, "recover", NAME);
        assertEquals(1, owned.exitCode(), owned.stdout() + owned.stderr());
        assertTrue(owned.stderr().contains("--takeover"), owned.stderr());
        // the operator knows that process is gone; the recorded source URI reaches B itself: refused
        GuestExecStatus refused = onHostMayFail(dst, Duration.ofMinutes(3), cli, "recover", NAME, "--takeover");
        System.out.println("SAFETY: recover on the destination, qemu:///system: exit " + refused.exitCode() + "\n"
                + refused.stderr());
        assertEquals(3, refused.exitCode(), refused.stdout() + refused.stderr());
        assertTrue(refused.stderr().contains("not the recorded source"), refused.stderr());
        assertTrue(Host.isActive(Lab.host(dst).domain(NAME)), "the only copy still runs");
        assertEquals(rec.generation, journal.read(Lab.host(dst).domain(NAME)).orElseThrow().generation,
                "the record is unchanged");

        GuestExecStatus done = onHostMayFail(dst, Duration.ofMinutes(4), cli, "recover", NAME, "--takeover",
                "--source-uri",
                "qemu+tcp://" + Lab.migrationAddress(src) + "/system", "--output", "json");
        assertEquals(0, done.exitCode(), done.stdout() + done.stderr());
        assertEquals("rolled-forward", Lab.JSON.readTree(done.stdout()).get("outcome").asText(), done.stdout());
        invariants();
    }

    String[] migrateArgs(int from) {
        int to = other(from);
        return new String[] {"migrate", NAME, "--connect", Lab.uri(from), "--to", Lab.uri(to), "--migrate-uri",
                "tcp://" + Lab.migrationAddress(to), "--output", "json", FAST[0], FAST[1], FAST[2], FAST[3], FAST[4],
                FAST[5]};
    }

    /** Two operators run recover at once from two processes: one finishes the job, the other changes nothing. */
    @Test
    @Order(3)
    void twoRecoversAtOnce() throws Exception {
        int src = at();
        Lab.CliResult killed = Lab.cli(Map.of("PASSTHRU_TEST_KILL_AFTER", "unplug-vf"), migrateArgs(src));
        assertEquals(137, killed.exit(), killed.err());
        assertTrue(journal.read(Lab.host(src).domain(NAME)).isPresent(), "the record survived the kill");
        Lab.Running a = Lab.cliAsync(Map.of(), "recover", NAME, "--connect", Lab.uri(src), "--output", "json");
        Lab.Running b = Lab.cliAsync(Map.of(), "recover", NAME, "--connect", Lab.uri(src), "--output", "json");
        Lab.CliResult ra = a.await();
        Lab.CliResult rb = b.await();
        int rolledBack = 0;
        for (Lab.CliResult r : List.of(ra, rb)) {
            if (r.exit() == 0 && r.json().get("outcome").asText().equals("rolled-back")) {
                rolledBack++;
            } else if (r.exit() == 0) {
                assertEquals("nothing-to-do", r.json().get("outcome").asText(), r.out());
            } else {
                assertEquals(1, r.exit(), r.out() + r.err());
                assertTrue(r.err().contains("another passthru process"), r.err());
            }
        }
        assertEquals(1, rolledBack, "exactly one recover rolled back: " + ra.out() + rb.out());
        invariants();
    }

    /** The VF the guest holds now (live XML). */
    static String attachedVf(org.libvirt.Domain d) {
        Domain live = XmlCodec.unmarshal(Host.xml(d, false), Domain.class);
        return live.devices().interfaces().stream().filter(DomainInterface::isHostdev)
                .map(i -> i.sourcePciAddress().orElseThrow().toString()).findFirst().orElseThrow();
    }

    /** Attaches a free VF with the guest's MAC and bonds it as the active slave again. */
    static void reattach(int h) throws Exception {
        String vf = Inventory.scan(Lab.host(h)).vfs().stream().filter(Inventory.Vf::isFree).findFirst()
                .orElseThrow().address().toString();
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(h), "--vf", vf, "--mac", MAC, "--bond",
                "bond0");
        assertEquals(0, a.exit(), a.err());
    }

    /**
     * A migration asked while a detach of the same domain waits for the guest (paused, so it cannot release the
     * VF yet): the migration is refused before it changes anything; the detach then finishes.
     */
    @Test
    @Order(4)
    void aMigrationWhileADetachRuns() throws Exception {
        int h = at();
        org.libvirt.Domain d = Lab.host(h).domain(NAME);
        String vf = attachedVf(d);
        d.suspend();
        Lab.Running det;
        try {
            det = Lab.cliAsync(Map.of(), "detach", NAME, "--connect", Lab.uri(h), "--vf", vf, "--timeout", "30",
                    "--output", "json");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (journal.read(d).map(o -> o.kind != OperationKind.DETACH).orElse(true)) {
                assertTrue(det.process.isAlive(), "detach ended early: " + det.stderrSoFar());
                assertTrue(System.nanoTime() < deadline, "detach never recorded its operation");
                Lab.sleep(200);
            }
            Lab.CliResult mig = Lab.cli(migrateArgs(h));
            assertEquals(1, mig.exit(), mig.out() + mig.err());
            assertTrue(mig.err().contains("another passthru process"), mig.err());
            assertEquals(h, at(), "the guest did not move");
            assertEquals(OperationKind.DETACH, journal.read(d).orElseThrow().kind, "the detach's record is untouched");
        } finally {
            d.resume();
        }
        Lab.CliResult done = det.await();
        assertEquals(0, done.exit(), done.out() + done.err());
        assertTrue(journal.read(d).isEmpty(), "the detach cleared its record");
        reattach(h);
        invariants();
    }

    /**
     * The guest releases its VF only after the detach timeout (it was paused): detach says so and keeps an "unplug
     * pending" record; recover, once the VF is gone, finishes the detach and clears the record.
     */
    @Test
    @Order(5)
    void aGuestThatReleasesItsVfAfterTheDetachTimeout() throws Exception {
        int h = at();
        org.libvirt.Domain d = Lab.host(h).domain(NAME);
        String vf = attachedVf(d);
        d.suspend();
        Lab.CliResult late;
        try {
            late = Lab.cli("detach", NAME, "--connect", Lab.uri(h), "--vf", vf, "--timeout", "1");
            assertEquals(1, late.exit(), late.out() + late.err());
            assertTrue(late.err().contains("passthru recover " + NAME), late.err());
            Operation rec = journal.read(d).orElseThrow();
            assertEquals(OperationKind.DETACH, rec.kind);
            assertTrue(rec.pending.startsWith("unplug pending"), rec.pending);
        } finally {
            d.resume();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (holdsVf(d)) {
            assertTrue(System.nanoTime() < deadline, "the guest never released the VF");
            Lab.sleep(500);
        }
        JsonNode j = recoverOk(Lab.uri(h));
        assertEquals("completed", j.get("outcome").asText(), j.toString());
        assertTrue(journal.read(d).isEmpty(), "no record left");
        assertFalse(holdsVf(d));
        reattach(h);
        invariants();
    }

    static boolean holdsVf(org.libvirt.Domain d) {
        Domain live = XmlCodec.unmarshal(Host.xml(d, false), Domain.class);
        return live.devices().interfaces().stream().anyMatch(DomainInterface::isHostdev);
    }

    /** attach --alias NAME:2 killed between its two VFs: recover detaches the first (all or nothing). */
    @Test
    @Order(6)
    void attachByAliasKilledBetweenItsTwoVfs() throws Exception {
        int h = at();
        org.libvirt.Domain d = Lab.host(h).domain(NAME);
        java.nio.file.Path pool = java.nio.file.Files.createTempFile("passthru-pool", ".json");
        java.nio.file.Files.writeString(pool, RaceLabIT.POOL);
        String before = attachedVf(d);
        Lab.CliResult killed = Lab.cli(Map.of("PASSTHRU_TEST_KILL_AFTER", "attach-device"), "attach", NAME,
                "--connect", Lab.uri(h), "--alias", "lab-vf:2", "--pool", pool.toString());
        assertEquals(137, killed.exit(), killed.out() + killed.err());
        Operation rec = journal.read(d).orElseThrow();
        assertEquals(OperationKind.ATTACH, rec.kind);
        assertEquals(1, rec.devices.size(), "killed after the first of two devices");
        JsonNode j = recoverOk(Lab.uri(h));
        assertEquals("rolled-back", j.get("outcome").asText(), j.toString());
        assertEquals(before, attachedVf(d), "the guest holds its own VF only");
        invariants();
    }

    /**
     * {@code define} with a VF killed once libvirt holds the definition and before its check against the other
     * definitions: the definition carries the record, and {@code recover} finishes the check. Alone with its VF,
     * the domain stays defined (completed); when another definition took the VF meanwhile, it is undefined again
     * (rolled back) and the other one is left as it was.
     */
    @Test
    @Order(7)
    void defineKilledBeforeItsCheck() throws Exception {
        int h = 1;
        Host host = Lab.host(h);
        List<String> free = Inventory.scan(Lab.host(h)).vfs().stream().filter(Inventory.Vf::isFree)
                .map(v -> v.address().toString()).toList();
        assertTrue(free.size() >= 2, "two free VFs on host " + h + ": " + free);
        String[] names = {"it-safety-def-a", "it-safety-def-b", "it-safety-def-other"};
        try {
            Lab.CliResult killed = Lab.cli(Map.of("PASSTHRU_TEST_KILL_AFTER", "define"), "define", names[0],
                    "--connect", Lab.uri(h), "--vf", free.get(0));
            assertEquals(137, killed.exit(), killed.out() + killed.err());
            Operation rec = journal.read(Lab.host(h).domain(names[0])).orElseThrow();
            assertEquals(OperationKind.DEFINE, rec.kind);
            assertEquals(List.of(free.get(0)), rec.devices.stream().map(dv -> dv.address).toList());
            Lab.CliResult r = Lab.cli("recover", names[0], "--connect", Lab.uri(h), "--output", "json");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertEquals("completed", r.json().get("outcome").asText(), r.out());
            assertTrue(journal.read(Lab.host(h).domain(names[0])).isEmpty(), "record removed");

            killed = Lab.cli(Map.of("PASSTHRU_TEST_KILL_AFTER", "define"), "define", names[1], "--connect",
                    Lab.uri(h), "--vf", free.get(1));
            assertEquals(137, killed.exit(), killed.out() + killed.err());
            PciAddress vf = PciAddress.parse(free.get(1));
            host.define("<domain type='kvm'><name>" + names[2] + "</name><memory unit='MiB'>128</memory><os><type "
                    + "arch='x86_64'>hvm</type></os><devices><hostdev mode='subsystem' type='pci' managed='yes'>"
                    + "<source><address domain='0x" + String.format("%04x", vf.domain()) + "' bus='0x"
                    + String.format("%02x", vf.bus()) + "' slot='0x" + String.format("%02x", vf.slot())
                    + "' function='0x" + vf.function() + "'/></source></hostdev></devices></domain>",
                    "define " + names[2] + " holding " + vf);
            r = Lab.cli("recover", names[1], "--connect", Lab.uri(h), "--output", "json");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertEquals("rolled-back", r.json().get("outcome").asText(), r.out());
            assertFalse(Lab.exists(h, names[1]), names[1] + " undefined again");
            assertTrue(Lab.exists(h, names[2]), "the other definition is untouched");
            for (Map.Entry<PciAddress, List<String>> e : Inventory.holders(Lab.host(h)).entrySet()) {
                assertTrue(e.getValue().size() <= 1, e.getKey() + " is in two definitions: " + e.getValue());
            }
        } finally {
            for (String n : names) {
                Lab.removeGuest(h, n);
            }
        }
    }

    static GuestExecStatus onHostMayFail(int n, Duration timeout, String... argv) {
        try {
            return Lab.onHost(n, timeout, argv);
        } catch (GuestCommandFailedException e) {
            return new GuestExecStatus(true, e.exitCode(), null, e.stdout(), e.stderr(), false, false);
        }
    }

    JsonNode recoverOk(String uri) throws Exception {
        Lab.CliResult r = Lab.cli("recover", NAME, "--connect", uri, "--output", "json");
        assertEquals(0, r.exit(), r.out() + r.err());
        return r.json();
    }

    /** Waits until the source's migration job has moved data. */
    static void awaitMigrationData(int src, Lab.Running r) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (true) {
            if (!r.process.isAlive()) {
                throw new AssertionError("passthru ended before the migration moved data: " + r.stderrSoFar());
            }
            try {
                if (Lab.host(src).domain(NAME).getJobInfo().getDataProcessed() > 8 << 20) {
                    return;
                }
            } catch (LibvirtException | RuntimeException e) {
                // no job yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the migration never moved data");
            }
            Lab.sleep(100);
        }
    }

    /** One running copy, on one host only; the VF active in the bond; the network answers; nothing leaked. */
    void invariants() throws Exception {
        int h = at();
        assertFalse(Lab.exists(other(h), NAME), "the guest is also on host " + other(h));
        org.libvirt.Domain d = Lab.host(h).domain(NAME);
        assertTrue(Host.isActive(d), "the guest runs on host " + h);
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, d.getInfo().state, "not paused");
        Domain live = XmlCodec.unmarshal(Host.xml(d, false), Domain.class);
        List<DomainInterface> vfs = live.devices().interfaces().stream().filter(DomainInterface::isHostdev).toList();
        assertEquals(1, vfs.size(), "exactly one VF");
        GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(d)));
        String active = Lab.waitForAgentThen(() -> net.bond("bond0").activeSlave());
        GuestLink link = net.findPciByMac(MAC).orElseThrow(() -> new AssertionError("VF not in the guest"));
        assertEquals("bond0", link.master(), "VF enslaved");
        assertEquals(link.name(), active, "VF is the active slave");
        assertTrue(journal.read(d).isEmpty(), "no operation record left: " + journal.read(d));
        Lab.onHostOk(h, "/bin/ping", "-c", "3", "-i", "0.3", "-W", "2", ADDR);
        for (int n : new int[] {1, 2}) {
            for (Inventory.Vf v : Inventory.scan(Lab.host(n)).vfs()) {
                assertFalse("vfio-pci".equals(v.driver()) && v.usedBy() == null,
                        "VF " + v.address() + " on host " + n + " is bound to vfio-pci but used by no domain");
                assertFalse(n != h && NAME.equals(v.usedBy()), "host " + n + " still gives a VF to " + NAME);
            }
        }
    }
}
