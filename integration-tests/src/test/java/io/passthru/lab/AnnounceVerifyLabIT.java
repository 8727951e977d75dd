package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passthru.manager.Inventory;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a migration the guest tells its network where it went and proves its traffic flows: the plain guest (its
 * address on the VF alone) moves host 1 → host 2 by unplug-replug with {@code --verify} of host 2's peer (answers)
 * and of an address nobody holds (never answers). The run exits 1 naming the silent address, the guest stays on host
 * 2, and the report gives the time to traffic of the one that answered. Then it moves back without {@code --verify}:
 * host 2's peer, whose neighbour entry for the guest was made stale with a wrong MAC first, holds the guest's MAC
 * again. Any ARP request the guest broadcast would update that entry too (Linux updates an existing entry from every
 * ARP packet of that address), so the second run is the one without {@code --verify}: the guest, an initramfs with
 * nothing else on its network, sends nothing but its gratuitous ARP from the new VF. Its IPv6 link-local address is
 * checked the same way: host 2's peer (no router, so the guest's router solicitations do not touch its neighbour
 * table, and duplicate address detection comes from ::) learns the guest's MAC again only from the unsolicited
 * neighbour advertisement the guest's kernel sends when passthru sets the VF's MAC to itself with ndisc_notify on. Both runs write
 * {@code --metrics-file}, which Prometheus' own text-format parser (Debian's python3-prometheus-client) reads, and
 * their {@code --output json} report and events pass the JSON Schemas the distribution installs.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnounceVerifyLabIT {
    static final String NAME = "it-announce";
    static final String MAC = "52:54:00:a1:00:65";
    static final String ADDR = "192.0.2.65";
    static final String NOBODY = "192.0.2.249";
    static final String WRONG_MAC = "02:00:00:00:00:01";
    /** The guest's IPv6 link-local address, EUI-64 from {@link #MAC} (RFC 4291 appendix A). */
    static final String LINK_LOCAL = "fe80::5054:ff:fea1:65";

    @AfterAll
    void cleanup() {
        Lab.removeGuest(1, NAME);
        Lab.removeGuest(2, NAME);
        try {
            Lab.onHost(2, java.time.Duration.ofSeconds(20), "/usr/bin/ip", "neigh", "del", ADDR, "dev", peer(2));
            Lab.onHost(2, java.time.Duration.ofSeconds(20), "/usr/bin/ip", "-6", "neigh", "del", LINK_LOCAL, "dev",
                    peer(2));
        } catch (RuntimeException | AssertionError e) {
            // no entry left
        }
    }

    /** Host n's peer NIC (MAC 52:54:00:00:0n:04, 192.0.2.10n: l1-init.sh). */
    static String peer(int n) {
        try {
            for (JsonNode l : new ObjectMapper().readTree(Lab.onHostOk(n, "/usr/bin/ip", "-j", "link", "show"))) {
                if (("52:54:00:00:0" + n + ":04").equals(l.path("address").asText())) {
                    return l.path("ifname").asText();
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("host " + n + " has no peer NIC");
    }

    /** The MAC host n's peer holds for {@code addr}, with its state, e.g. "52:54:00:a1:00:65 STALE". */
    static String neighbour(int n, String dev, String addr) throws Exception {
        JsonNode all = new ObjectMapper().readTree(Lab.onHostOk(n, "/usr/bin/ip", "-j", "neigh", "show", addr, "dev",
                dev));
        return all.isEmpty() ? "none" : all.get(0).path("lladdr").asText() + " " + all.get(0).path("state");
    }

    /** The JSON Schema {@code file} as the distribution installs it (share/schemas beside bin/passthru). */
    static Schema schema(String file) throws java.io.IOException {
        Path p = Lab.CLI.toAbsolutePath().getParent().getParent().resolve("share/schemas").resolve(file);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new ObjectMapper().readTree(Files.readString(p)));
    }

    /** The report (standard output) and every event line (standard error) of a -o json run, checked by the schemas. */
    static void assertSchemaValid(Lab.CliResult r) throws Exception {
        List<String> errors = new ArrayList<>();
        schema("passthru-migrate-1.schema.json").validate(r.json()).forEach(e -> errors.add("report: " + e));
        Schema events = schema("passthru-events-1.schema.json");
        int n = 0;
        for (String line : r.err().lines().filter(l -> l.startsWith("{")).toList()) {
            n++;
            events.validate(new ObjectMapper().readTree(line)).forEach(e -> errors.add("event " + line + ": " + e));
        }
        assertTrue(n > 5, "the run printed its step events: " + r.err());
        assertEquals(List.of(), errors);
    }

    /**
     * The samples of a metrics file as Prometheus' own parser reads it (prometheus_client.parser), one
     * "NAME{LABELS} VALUE" line each with the labels sorted; the parser throws on text that is not the format.
     */
    static List<String> promSamples(Path file) {
        String py = "import sys\nfrom prometheus_client.parser import text_string_to_metric_families\n"
                + "for f in text_string_to_metric_families(open(sys.argv[1]).read()):\n"
                + "    for s in f.samples:\n"
                + "        print(s.name + '{' + ','.join(k + '=' + v for k, v in sorted(s.labels.items())) + '} '"
                + " + repr(s.value))\n";
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", py, file.toString()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "Prometheus' parser refused " + file + ":\n" + out + "\n"
                    + Files.readString(file));
            return out.lines().toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The value of the one sample of {@code samples} that starts with {@code prefix}. */
    static double sample(List<String> samples, String prefix) {
        List<String> m = samples.stream().filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, m.size(), prefix + " in " + samples);
        return Double.parseDouble(m.get(0).substring(m.get(0).lastIndexOf(' ') + 1));
    }

    @Test
    void theGuestAnnouncesItselfFromItsNewVfAndVerifyTimesItsTrafficOrSaysWhatIsSilent() throws Exception {
        cleanup();
        Lab.startPlainGuest(1, NAME, MAC, ADDR + "/24");
        Path metrics = Files.createTempDirectory("passthru-metrics").resolve("passthru.prom");
        PciAddress vf = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree).findFirst()
                .orElseThrow().address();
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--vf", vf.toString(), "--mac", MAC);
        assertEquals(0, a.exit(), a.out() + a.err());
        Lab.CliResult r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2), "--mode",
                "unplug-replug", "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "--verify", "192.0.2.102",
                "--verify", NOBODY, "--verify-timeout", "5", "--output", "json", "--metrics-file",
                metrics.toString());
        System.out.println("MIGRATE --verify:\n" + r.out() + r.err());
        assertEquals(1, r.exit(), "an address that never answered fails the command: " + r.out() + r.err());
        JsonNode rep = r.json();
        assertEquals("migrated-unverified", rep.get("outcome").asText());
        assertFalse(rep.get("verified").asBoolean());
        assertTrue(Lab.exists(2, NAME) && !Lab.exists(1, NAME), "the guest stays on host 2");
        JsonNode answered = rep.get("traffic").get(0);
        assertEquals("192.0.2.102", answered.get("address").asText());
        assertTrue(answered.get("answered").asBoolean(), answered.toString());
        long ttt = answered.get("timeToTrafficMs").asLong();
        assertTrue(ttt > 0 && ttt < rep.get("totalMs").asLong(), "time to traffic " + ttt + " ms");
        JsonNode silent = rep.get("traffic").get(1);
        assertEquals(NOBODY, silent.get("address").asText());
        assertFalse(silent.get("answered").asBoolean(), silent.toString());
        assertTrue(silent.get("triedMs").asLong() >= 5000, silent.toString());
        assertTrue(rep.get("leftToDo").asText().contains(NOBODY + " did not answer"), rep.toString());
        assertTrue(r.err().contains("migrated, but not verified"), r.err());
        JsonNode announced = rep.get("announced");
        List<String> said = new java.util.ArrayList<>();
        announced.forEach(x -> said.add(x.asText()));
        assertTrue(said.stream().anyMatch(x -> x.endsWith(" " + ADDR)), said.toString());
        // the VF's IPv6 link-local address (EUI-64 from the MAC), advertised by the guest's kernel
        String linkLocal = said.stream().filter(x -> x.contains(" fe80:")).map(x -> x.substring(x.indexOf(' ') + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no IPv6 address announced: " + said));
        assertEquals(2, said.size(), said.toString());
        assertSchemaValid(r);
        List<String> prom = promSamples(metrics);
        System.out.println("METRICS (as Prometheus' parser read them):\n" + String.join("\n", prom));
        String labels = "destination=" + Lab.uri(2) + ",domain=" + NAME + ",mode=unplug-replug,source=" + Lab.uri(1);
        assertEquals(1.0, sample(prom, "passthru_migration_success{" + labels + "}"));
        assertEquals(0.0, sample(prom, "passthru_migration_verified{" + labels + "}"), "an address did not answer");
        assertEquals(rep.get("vfGapMs").asLong() / 1000.0, sample(prom, "passthru_migration_phase_seconds{"
                + labels.replace(",source=", ",phase=vf-gap,source=") + "}"), 0.0005);
        assertTrue(sample(prom, "passthru_migration_transferred_bytes{" + labels + "}") > 1 << 20, prom.toString());
        System.out.printf("VERIFY: time to traffic %d ms after the switch-over (%d pings), VF gap %d ms, total %d ms%n",
                ttt, answered.get("attempts").asInt(), rep.get("vfGapMs").asLong(), rep.get("totalMs").asLong());

        String peer2 = peer(2);
        Lab.onHostOk(2, "/usr/bin/ip", "neigh", "replace", ADDR, "lladdr", WRONG_MAC, "dev", peer2, "nud", "stale");
        assertTrue(neighbour(2, peer2, ADDR).startsWith(WRONG_MAC), neighbour(2, peer2, ADDR));
        Lab.onHostOk(2, "/usr/bin/ip", "-6", "neigh", "replace", linkLocal, "lladdr", WRONG_MAC, "dev", peer2, "nud",
                "stale");
        assertTrue(neighbour(2, peer2, linkLocal).startsWith(WRONG_MAC), neighbour(2, peer2, linkLocal));
        Lab.CliResult back = Lab.cli("migrate", NAME, "--connect", Lab.uri(2), "--to", Lab.uri(1), "--mode",
                "unplug-replug", "--migrate-uri", "tcp://" + Lab.migrationAddress(1), "--output", "json",
                "--metrics-file", metrics.toString());
        System.out.println("MIGRATE back:\n" + back.out() + back.err());
        assertEquals(0, back.exit(), back.out() + back.err());
        assertSchemaValid(back);
        List<String> promBack = promSamples(metrics);
        String labelsBack = "destination=" + Lab.uri(1) + ",domain=" + NAME + ",mode=unplug-replug,source="
                + Lab.uri(2);
        assertEquals(1.0, sample(promBack, "passthru_migration_success{" + labelsBack + "}"));
        assertTrue(promBack.stream().noneMatch(l -> l.startsWith("passthru_migration_verified")), "no --verify: "
                + promBack);
        assertTrue(sample(promBack, "passthru_migration_phase_seconds{" + labelsBack.replace(",source=",
                ",phase=downtime,source=") + "}") > 0, promBack.toString());
        assertTrue(back.json().get("verified").asBoolean(), "nothing to verify is verified");
        String seen = neighbour(2, peer2, ADDR);
        System.out.printf("ANNOUNCE: host 2's peer holds %s for %s after the migration back (was %s); announced %s%n",
                seen, ADDR, WRONG_MAC, back.json().get("announced"));
        assertTrue(seen.startsWith(MAC), "the gratuitous ARP updated host 2's peer: " + seen);
        String seen6 = neighbour(2, peer2, linkLocal);
        System.out.printf("ANNOUNCE: host 2's peer holds %s for %s after the migration back (was %s)%n", seen6,
                linkLocal, WRONG_MAC);
        assertTrue(seen6.startsWith(MAC), "the unsolicited neighbour advertisement updated host 2's peer: " + seen6);
    }
}
