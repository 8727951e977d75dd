package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.Evacuation;
import io.passthru.manager.Inventory;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.libvirt.DomainInfo.DomainState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * passthru evacuate on the nested lab. In the default tier: four guests of every kind (a VF bonded to the virtio NIC,
 * a VF teamed with a failover virtio NIC, a virtio NIC only, and one whose name is taken on host 2) leave host 1 four
 * at once; each moves by its own mode, and the one that cannot move is refused alone. In the extended tier: four bond
 * guests move from host 1 to host 2 one at a time, then back four at once (the makespans and their ratio are
 * printed). Evacuate moves every running domain of a host: the lab's hosts must run no other guest meanwhile.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvacuateLabIT {
    static final int GUESTS = 4;
    /** In {@link #aMixOfGuestsMovesEachByItsModeAndOneThatCannotMoveStaysBehind()}: the guest that cannot move. */
    static final int BLOCKED = 4;
    /** {@code VIR_DOMAIN_START_PAUSED} (libvirt-domain.h). */
    static final int START_PAUSED = 1;

    static String name(int i) {
        return "evac-" + i;
    }

    static String mac(int i) {
        return "52:54:00:e0:00:0" + i;
    }

    static String addr(int i) {
        return "192.0.2.6" + i;
    }

    static List<String> names() {
        List<String> n = new ArrayList<>();
        for (int i = 1; i <= GUESTS; i++) {
            n.add(name(i));
        }
        return n;
    }

    static int other(int h) {
        return h == 1 ? 2 : 1;
    }

    @AfterAll
    void cleanup() {
        LabHealth.heal(); // a host that died in the last test is rebooted (its guests are gone) before the cleanup
        for (int i = 1; i <= GUESTS; i++) {
            Lab.removeGuest(1, name(i));
            Lab.removeGuest(2, name(i));
        }
    }

    /** Starts the four guests on host 1 (one after the other), then attaches a free VF to each, enslaved in bond0. */
    void guestsWithVfsOnHost1() throws Exception {
        cleanup();
        for (int i = 1; i <= GUESTS; i++) { // one boot at a time: four L2 boots at once have reset the TCG host
            Lab.startGuest(1, name(i), mac(i), addr(i) + "/24");
        }
        List<PciAddress> free = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree)
                .map(Inventory.Vf::address).toList();
        assertTrue(free.size() >= GUESTS, "host 1 has " + free.size() + " free VFs, " + GUESTS + " needed: " + free);
        for (int i = 1; i <= GUESTS; i++) {
            Lab.CliResult a = Lab.cli("attach", name(i), "--connect", Lab.uri(1), "--vf", free.get(i - 1).toString(),
                    "--mac", mac(i), "--bond", "bond0");
            assertEquals(0, a.exit(), a.err());
        }
    }

    /** Evacuate moves every running domain: host {@code h} must run exactly {@code expected}. */
    static void runsExactly(int h, List<String> expected) {
        assertEquals(expected, Evacuation.runningDomains(Lab.host(h)), "domains running on host " + h + " (evacuate "
                + "moves every running domain: other tests must leave none running)");
    }

    static Lab.CliResult evacuate(int from, int parallel, String... more) throws Exception {
        List<String> argv = new ArrayList<>(List.of("evacuate", "--from", Lab.uri(from), "--to", Lab.uri(other(from)),
                "--parallel", Integer.toString(parallel), "--migrate-uri", "tcp://" + Lab.migrationAddress(other(from)),
                "-o", "json"));
        argv.addAll(List.of(more));
        return Lab.cli(argv.toArray(String[]::new));
    }

    /** The result's guest {@code name}. */
    static JsonNode guest(JsonNode result, String name) {
        for (JsonNode g : result.get("guests")) {
            if (name.equals(g.get("domain").asText())) {
                return g;
            }
        }
        throw new AssertionError(name + " not in the result: " + result);
    }

    static void print(String title, JsonNode result) {
        System.out.printf("EVACUATION %s: makespan %d ms, parallel %d, %d migrated, %d refused, %d failed%n", title,
                result.get("makespanMs").asLong(), result.get("parallel").asInt(), result.get("migrated").asInt(),
                result.get("refused").asInt(), result.get("failed").asInt());
        for (JsonNode g : result.get("guests")) {
            System.out.printf("  %-8s %-8s %-9s start %7d ms, duration %7d ms, VF %s -> %s, VF gap %s ms, downtime "
                            + "%s ms%s%n", g.get("domain").asText(), g.get("mode").asText(), g.get("outcome").asText(),
                    g.get("startMs").asLong(), g.get("durationMs").asLong(), g.get("sourceVf").asText(),
                    g.get("destVf").asText(), g.get("vfGapMs").asText(), g.get("downtimeMs").asText(),
                    g.get("error").isNull() ? "" : ", error: " + g.get("error").asText());
        }
    }

    /**
     * Guest {@code i} runs on host {@code h} only, persistently, with one VF of host {@code h} (the one the result
     * names) bound to vfio-pci, enslaved in bond0 as its active slave, and answers the peer of host {@code h}.
     */
    static void runsOnWithVf(int h, int i, JsonNode result) throws Exception {
        String name = name(i);
        assertFalse(Lab.exists(other(h), name), name + " is still defined on host " + other(h));
        org.libvirt.Domain d = Lab.host(h).domain(name);
        assertTrue(Host.isActive(d) && Host.isPersistent(d), name + " runs persistently on host " + h);
        Domain live = XmlCodec.unmarshal(Host.xml(d, false), Domain.class);
        List<PciAddress> vfs = live.devices().interfaces().stream().filter(DomainInterface::isHostdev)
                .map(x -> x.sourcePciAddress().orElseThrow()).toList();
        assertEquals(1, vfs.size(), name + ": exactly one VF: " + vfs);
        PciAddress vf = vfs.get(0);
        assertEquals(guest(result, name).get("destVf").asText(), vf.toString(), name + ": the VF the result names");
        Inventory.Vf v = Inventory.scan(Lab.host(h)).vf(vf).orElseThrow(() -> new AssertionError(name + ": VF " + vf
                + " is not a VF of host " + h));
        assertEquals(name, v.usedBy());
        assertEquals("vfio-pci", v.driver());
        GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(d)));
        GuestLink link = Lab.waitForAgentThen(() -> net.findPciByMac(mac(i)))
                .orElseThrow(() -> new AssertionError(name + ": VF not in the guest"));
        assertEquals("bond0", link.master(), name + ": VF enslaved");
        assertEquals(link.name(), Lab.waitForAgentThen(() -> net.bond("bond0").activeSlave()),
                name + ": VF is the active slave");
        Lab.onHostOk(h, "/bin/ping", "-c", "3", "-i", "0.3", "-W", "2", addr(i));
    }

    /** No two guests share a VF; no VF of either host is bound to vfio-pci without a domain using it. */
    static void noVfSharedOrLeaked() {
        for (int n : new int[] {1, 2}) {
            Set<String> users = new HashSet<>();
            for (Inventory.Vf v : Inventory.scan(Lab.host(n)).vfs()) {
                assertFalse("vfio-pci".equals(v.driver()) && v.usedBy() == null,
                        "VF " + v.address() + " on host " + n + " is bound to vfio-pci but used by no domain");
                if (v.usedBy() != null && v.usedBy().startsWith("evac-")) {
                    assertTrue(users.add(v.usedBy()), v.usedBy() + " holds two VFs on host " + n);
                }
            }
        }
    }


    @Test
    @Order(1)
    @Tag(Lab.EXTENDED)
    void evacuatesFourGuestsOneAtATimeThenBackFourAtOnce() throws Exception {
        guestsWithVfsOnHost1();
        runsExactly(1, names());
        runsExactly(2, List.of());

        Lab.CliResult one = evacuate(1, 1);
        assertEquals(0, one.exit(), one.out() + one.err());
        JsonNode r1 = one.json();
        print("host 1 -> host 2, --parallel 1", r1);
        assertEquals(GUESTS, r1.get("migrated").asInt(), r1.toString());
        assertEquals(1, r1.get("parallel").asInt());
        List<JsonNode> g1 = new ArrayList<>();
        r1.get("guests").forEach(g1::add);
        assertEquals(names(), g1.stream().map(g -> g.get("domain").asText()).toList(), "one result per guest, in order");
        for (int k = 0; k < GUESTS; k++) {
            assertEquals(Evacuation.MIGRATED, g1.get(k).get("outcome").asText(), g1.get(k).toString());
            if (k > 0) { // one at a time: each starts once the one before ended
                assertTrue(g1.get(k).get("startMs").asLong()
                        >= g1.get(k - 1).get("startMs").asLong() + g1.get(k - 1).get("durationMs").asLong(),
                        "with --parallel 1 the migrations do not overlap: " + r1);
            }
        }
        for (int i = 1; i <= GUESTS; i++) {
            runsOnWithVf(2, i, r1);
        }
        noVfSharedOrLeaked();
        runsExactly(1, List.of());
        runsExactly(2, names());

        Lab.CliResult four = evacuate(2, 4);
        assertEquals(0, four.exit(), four.out() + four.err());
        JsonNode r4 = four.json();
        print("host 2 -> host 1, --parallel 4", r4);
        assertEquals(GUESTS, r4.get("migrated").asInt(), r4.toString());
        assertEquals(4, r4.get("parallel").asInt());
        long lastStart = 0;
        long firstEnd = Long.MAX_VALUE;
        for (JsonNode g : r4.get("guests")) {
            assertEquals(Evacuation.MIGRATED, g.get("outcome").asText(), g.toString());
            lastStart = Math.max(lastStart, g.get("startMs").asLong());
            firstEnd = Math.min(firstEnd, g.get("startMs").asLong() + g.get("durationMs").asLong());
        }
        assertTrue(lastStart < firstEnd, "with --parallel 4 all four started before the first ended: " + r4);
        for (int i = 1; i <= GUESTS; i++) {
            runsOnWithVf(1, i, r4);
        }
        noVfSharedOrLeaked();
        runsExactly(2, List.of());

        long m1 = r1.get("makespanMs").asLong();
        long m4 = r4.get("makespanMs").asLong();
        System.out.printf("EVACUATION MAKESPAN: --parallel 1 %d ms, --parallel 4 %d ms, ratio parallel4/parallel1 "
                + "%.2f%n", m1, m4, (double) m4 / m1);
    }

    /** Guest {@code i} runs persistently on host {@code h}, is gone from the other, answers host {@code h}'s peer. */
    static org.libvirt.Domain runsOn(int h, int i) throws Exception {
        assertFalse(Lab.exists(other(h), name(i)), name(i) + " is still defined on host " + other(h));
        org.libvirt.Domain d = Lab.host(h).domain(name(i));
        assertTrue(Host.isActive(d) && Host.isPersistent(d), name(i) + " runs persistently on host " + h);
        Lab.onHostOk(h, "/bin/ping", "-c", "3", "-i", "0.3", "-W", "2", addr(i));
        return d;
    }

    /**
     * One guest of each kind on host 1, evacuated four at once: {@code evac-1} with a VF bonded to its virtio NIC
     * (bond flow), {@code evac-2} with a VF teamed with its failover virtio NIC (failover flow), {@code evac-3} with
     * only a virtio NIC (plain live migration), {@code evac-4} paused, with a domain of its name already defined (not
     * started) on host 2. The first three move by their own mode, the two VF migrations at once taking
     * different free VFs of host 2; the fourth is refused alone, keeps running on host 1 unchanged; evacuate exits 1.
     */
    @Test
    @Order(2)
    void aMixOfGuestsMovesEachByItsModeAndOneThatCannotMoveStaysBehind() throws Exception {
        cleanup();
        Lab.startAll(Lab.defineGuest(1, name(1), mac(1), addr(1) + "/24"),
                Lab.defineFailoverGuest(1, name(2), mac(2), addr(2) + "/24"));
        // the virtio-only guest boots while the VFs are attached (its agent is awaited before the evacuation); the
        // one that cannot move runs paused: it is active, so evacuate takes it, and its refusal needs no booted guest
        org.libvirt.Domain plain = Lab.defineGuest(1, name(3), mac(3), addr(3) + "/24");
        plain.create();
        Lab.defineGuest(1, name(BLOCKED), mac(BLOCKED), addr(BLOCKED) + "/24").create(START_PAUSED);
        List<PciAddress> free = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree)
                .map(Inventory.Vf::address).toList();
        assertTrue(free.size() >= 2, "host 1 has " + free.size() + " free VFs, 2 needed: " + free);
        Lab.CliResult a = Lab.cli("attach", name(1), "--connect", Lab.uri(1), "--vf", free.get(0).toString(),
                "--mac", mac(1), "--bond", "bond0");
        assertEquals(0, a.exit(), a.err());
        a = Lab.cli("attach", name(2), "--connect", Lab.uri(1), "--vf", free.get(1).toString(), "--failover");
        assertEquals(0, a.exit(), a.err());
        Lab.waitForAgent(plain, name(3));
        runsExactly(1, names());
        runsExactly(2, List.of());
        String blocked = name(BLOCKED);
        Lab.defineGuest(2, blocked, mac(BLOCKED), addr(BLOCKED) + "/24"); // the name taken on host 2
        try {
            String xmlBefore = Host.xml(Lab.host(1).domain(blocked), false);
            java.nio.file.Path metrics = java.nio.file.Files.createTempDirectory("passthru-evacuate")
                    .resolve("passthru.prom");
            Lab.CliResult r = evacuate(1, GUESTS, "--metrics-file", metrics.toString());
            assertEquals(1, r.exit(), "one guest was not migrated: exit status 1\n" + r.out() + r.err());
            JsonNode res = r.json();
            // one series per guest, read by Prometheus' own text-format parser: success 1 for the three that moved
            // (labelled with the mode each moved by), 0 for the one that stayed
            List<String> prom = AnnounceVerifyLabIT.promSamples(metrics);
            System.out.println("EVACUATION METRICS (as Prometheus' parser read them):\n" + String.join("\n", prom));
            List<String> successes = prom.stream().filter(l -> l.startsWith("passthru_migration_success{")).toList();
            assertEquals(GUESTS, successes.size(), successes.toString());
            String[] modes = {"bond", "failover", "plain"};
            for (int i = 1; i < BLOCKED; i++) {
                assertEquals(1.0, AnnounceVerifyLabIT.sample(prom, "passthru_migration_success{destination="
                        + Lab.uri(2) + ",domain=" + name(i) + ",mode=" + modes[i - 1] + ",source=" + Lab.uri(1) + "}"));
                assertTrue(AnnounceVerifyLabIT.sample(prom, "passthru_migration_duration_seconds{destination="
                        + Lab.uri(2) + ",domain=" + name(i) + ",") > 0, prom.toString());
            }
            List<String> stayedSeries = successes.stream().filter(l -> l.contains(",domain=" + name(BLOCKED) + ","))
                    .toList();
            assertTrue(stayedSeries.size() == 1 && stayedSeries.get(0).endsWith(" 0.0"), successes.toString());
            print("host 1 -> host 2, a guest of each kind and " + blocked + " taken on host 2, --parallel "
                    + GUESTS, res);
            assertEquals(GUESTS - 1, res.get("migrated").asInt(), res.toString());
            assertEquals(List.of("bond", "failover", "plain"), List.of(guest(res, name(1)).get("mode").asText(),
                    guest(res, name(2)).get("mode").asText(), guest(res, name(3)).get("mode").asText()),
                    "each guest by its own mode: " + res);
            for (int i = 1; i < BLOCKED; i++) {
                assertEquals(Evacuation.MIGRATED, guest(res, name(i)).get("outcome").asText(), res.toString());
            }
            long lastStart = 0;
            long firstEnd = Long.MAX_VALUE;
            for (int i = 1; i < BLOCKED; i++) {
                JsonNode g = guest(res, name(i));
                lastStart = Math.max(lastStart, g.get("startMs").asLong());
                firstEnd = Math.min(firstEnd, g.get("startMs").asLong() + g.get("durationMs").asLong());
            }
            assertTrue(lastStart < firstEnd, "with --parallel " + GUESTS + " the three migrations ran at once: "
                    + res);

            // bond: the VF enslaved and active on host 2
            runsOnWithVf(2, 1, res);
            // failover: a VF of host 2 teamed with the virtio NIC again, and net_failover's primary in the guest
            org.libvirt.Domain fo = runsOn(2, 2);
            List<DomainInterface> foVfs = XmlCodec.unmarshal(Host.xml(fo, false), Domain.class).devices()
                    .interfaces().stream().filter(DomainInterface::isHostdev).toList();
            assertEquals(1, foVfs.size(), name(2) + ": exactly one VF");
            assertEquals("transient", foVfs.get(0).getTeaming().getType(), name(2) + ": the VF is teamed");
            assertEquals(Lab.FAILOVER_ALIAS, foVfs.get(0).getTeaming().getPersistent());
            PciAddress foVf = foVfs.get(0).sourcePciAddress().orElseThrow();
            assertEquals(guest(res, name(2)).get("destVf").asText(), foVf.toString(), name(2) + ": the VF the result "
                    + "names");
            assertEquals(name(2), Inventory.scan(Lab.host(2)).vf(foVf).orElseThrow().usedBy());
            Lab.failoverPrimary(fo, mac(2));
            // plain: no VF before, none after
            plain = runsOn(2, 3);
            assertEquals(0, XmlCodec.unmarshal(Host.xml(plain, false), Domain.class).devices().interfaces().stream()
                    .filter(DomainInterface::isHostdev).count(), name(3) + " has no VF");

            // the guest that cannot move: refused (or failed and rolled back), still on host 1, the blocker idle
            JsonNode b = guest(res, blocked);
            String outcome = b.get("outcome").asText();
            assertTrue(Evacuation.REFUSED.equals(outcome) || Evacuation.FAILED.equals(outcome), b.toString());
            assertTrue(b.get("error").asText().contains("already exists"), b.toString());
            assertEquals(Lab.uri(1), b.get("runningOn").asText(), "it stays on host 1: " + b);
            if (Evacuation.FAILED.equals(outcome)) {
                assertTrue(b.get("rolledBack").asBoolean(), "a failure after a change rolled back: " + b);
            } else {
                assertEquals(xmlBefore, Host.xml(Lab.host(1).domain(blocked), false), "refused: nothing changed");
            }
            org.libvirt.Domain stayed = Lab.host(1).domain(blocked);
            assertTrue(Host.isActive(stayed), blocked + " still runs on host 1");
            assertEquals(DomainState.VIR_DOMAIN_PAUSED, stayed.getInfo().state, blocked + " is as it was: paused");
            assertFalse(Host.isActive(Lab.host(2).domain(blocked)), "the blocker on host 2 was not started");
            noVfSharedOrLeaked();
            runsExactly(1, List.of(blocked));
        } finally {
            Lab.removeGuest(2, blocked); // the blocker only (the guest runs on host 1)
        }
    }
}
