package io.passthru.manager.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.passthru.manager.MigrationFlow;
import io.passthru.manager.MigrationPlan;
import io.passthru.manager.MigrationProgress;
import io.passthru.manager.Recovery;
import io.passthru.manager.Saga;
import io.passthru.manager.TestDriver;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code --output json} prints against the JSON Schemas the distribution ships
 * ({@code manager/src/main/dist/share/schemas}, installed as {@code share/schemas}), validated with networknt's
 * json-schema-validator (draft 2020-12): the events of a {@link MigrationProgressPrinter} (and evacuate's per-guest
 * ones), and migrate's result, failure and refusal. Each document is checked twice: against the schema as shipped
 * (open: readers ignore fields they do not know, so a later release may add some within a version) and against a
 * strict copy that allows no field the schema does not document ({@code unevaluatedProperties: false} on every object
 * definition), so a field added to the output without the schema, or renamed, fails here.
 */
class JsonSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = DocCommands.repositoryRoot().resolve("manager/src/main/dist/share/schemas");
    private static final String EVENTS = "passthru-events-" + JsonOutput.SCHEMA_VERSION + ".schema.json";
    private static final String MIGRATE = "passthru-migrate-" + JsonOutput.SCHEMA_VERSION + ".schema.json";

    // ---- schema loading ----

    private static JsonNode schemaNode(String file) {
        try {
            return JSON.readTree(Files.readString(SCHEMAS.resolve(file)));
        } catch (IOException e) {
            throw new AssertionError("cannot read schema " + file, e);
        }
    }

    /** The schema as shipped; a registry of its own each (the schemas have an $id, which a registry caches). */
    private static Schema open(String file) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode(file));
    }

    /** The schema with {@code unevaluatedProperties: false} on the root and on every object definition of $defs. */
    private static Schema strict(String file) {
        ObjectNode s = (ObjectNode) schemaNode(file).deepCopy();
        s.put("unevaluatedProperties", false);
        s.get("$defs").properties().forEach(d -> {
            JsonNode type = d.getValue().get("type");
            if (type != null && type.asText().equals("object")) {
                ((ObjectNode) d.getValue()).put("unevaluatedProperties", false);
            }
        });
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(s);
    }

    private static List<String> errors(Schema schema, JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(doc)) {
            out.add(e.toString());
        }
        return out;
    }

    /** {@code doc} passes the open and the strict schema of {@code file}. */
    private static void assertValid(String file, JsonNode doc) {
        assertEquals(List.of(), errors(open(file), doc), file + " (as shipped): " + doc);
        assertEquals(List.of(), errors(strict(file), doc), file + " (strict: every field documented): " + doc);
    }

    private static void assertInvalid(Schema schema, JsonNode doc, String why) {
        assertFalse(errors(schema, doc).isEmpty(), why + ": " + doc);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    // ---- the documents under test ----

    /** The lines a JSON {@link MigrationProgressPrinter} prints for a run with every kind of event. */
    private static List<JsonNode> printerEvents() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MigrationProgressPrinter p = new MigrationProgressPrinter(MigrationProgressPrinter.Style.JSON,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        p.stepStarted("pre-checks", "pre-checks");
        p.stepFinished(Saga.Step.ok("pre-checks", 0, 412, false));
        p.stepStarted("migrate", "live migrate to qemu+tcp://h2/system");
        p.progress(new MigrationProgress(100, 0, 0, 0, 0)); // no total yet: nothing printed
        p.progress(new MigrationProgress(1500, 1L << 30, 300L << 20, 724L << 20, 200L << 20));
        p.warning("the guest agent did not answer: the VF is plugged without waiting for the guest");
        p.stepFinished(Saga.Step.ok("live migrate to qemu+tcp://h2/system", 412, 2101, false));
        p.stepFinished(Saga.Step.failed("enslave VF in bond0", 2513, 40, "bond0 is gone", false));
        return lines(err);
    }

    private static List<JsonNode> lines(ByteArrayOutputStream err) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : err.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!l.isBlank()) {
                out.add(JSON.readTree(l));
            }
        }
        return out;
    }

    private static JsonNode printed(Object value) throws IOException {
        StringWriter w = new StringWriter();
        PassthruCli.printJson(new PrintWriter(w, true), value);
        return JSON.readTree(w.toString());
    }

    private static final Saga.Step STEP = Saga.Step.ok("unplug VF 0000:01:10.0", 412, 35, false);

    /** A report with every part filled in: a recovery first, a plan, post-copy, peer-to-peer. */
    static MigrationFlow.Report fullReport() {
        Recovery.Result rec = new Recovery.Result("vm1", "op-0", "migrate: step unplug-vf started",
                Recovery.ROLLED_BACK, "qemu+tcp://h1/system", PciAddress.parse("0000:01:10.0"), List.of(STEP), 900,
                null);
        MigrationPlan plan = new MigrationPlan("vm1", "qemu+tcp://h1/system", "qemu+tcp://h2/system", "bond",
                List.of(new MigrationPlan.Entry("vf", PciAddress.parse("0000:01:10.0"), "hostdev0",
                                PciAddress.parse("0000:07:00.0"), "8086:10ed", "52:54:00:e0:00:01", "bond",
                                PciAddress.parse("0000:01:10.2"), null, false),
                        new MigrationPlan.Entry("mdev", null, "hostdev1", PciAddress.parse("0000:08:00.0"), null,
                                null, MigrationPlan.STATE, null, null, false,
                                "b1ae8bf6-38b0-4c81-9d44-78ce3f520496", "mtty-2", "created on mtty_mtty")),
                List.of("--no-guest-notify: the guest's hooks are not told"));
        Map<String, Long> stats = new LinkedHashMap<>();
        stats.put("time_elapsed", 2101L);
        stats.put("downtime", 42L);
        stats.put("data_total", 1L << 30);
        return new MigrationFlow.Report("vm1", "qemu+tcp://h1/system", "qemu+tcp://h2/system",
                PciAddress.parse("0000:01:10.0"), PciAddress.parse("0000:01:10.2"), "52:54:00:e0:00:01", "bond0",
                "eth0", List.of(STEP, Saga.Step.failed("enslave", 3000, 10, "x", false)), 5400, 1870, stats,
                "migrated", "op-1", rec, "bond", 310, Map.of("inventories", 120L), "qemu+tls://h2/system", 25,
                plan, Map.of("0000:02:00.0", 1650L), 1200L);
    }

    /** A plain migration's report: no VF, no plan, no recovery, no post-copy (nulls where the record has none). */
    static MigrationFlow.Report plainReport() {
        return new MigrationFlow.Report("vm2", "qemu:///system", "qemu+tcp://h2/system", null, null, null, null,
                null, List.of(STEP), 2000, 0, Map.of("unavailable", -1L), "migrated", null, null, "plain", 0, null);
    }

    static MigrationFailedException failure() {
        MigrationFailedException e = new MigrationFailedException("live migrate: job aborted", null, 9, "migrate",
                false, false, "plug a VF on qemu+tcp://h2/system", "qemu+tcp://h2/system", "op-1");
        e.addSuppressed(new IllegalStateException("undo unplug VF: device busy"));
        return e;
    }

    // ---- the tests ----

    @Test
    void theSchemasAreDraft202012SchemasNamedForTheVersion() throws IOException {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        for (String file : List.of(EVENTS, MIGRATE)) {
            JsonNode s = schemaNode(file);
            assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText(), file);
            assertEquals(List.of(), errors(meta, s), file + " against the 2020-12 meta-schema");
            assertEquals(JsonOutput.SCHEMA_VERSION, s.at("/$defs/schemaVersion/const").asInt(), file);
        }
        try (var files = Files.list(SCHEMAS)) {
            assertEquals(List.of(EVENTS, MIGRATE), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the schema files of this version, and only them");
        }
    }

    @Test
    void everyEventOfThePrinterMatchesTheEventsSchemaWithSchemaVersionAfterEvent() throws IOException {
        List<JsonNode> events = printerEvents();
        assertEquals(7, events.size(), events.toString());
        for (JsonNode e : events) {
            assertValid(EVENTS, e);
            assertEquals(List.of("event", "schemaVersion"), fieldNames(e).subList(0, 2), e.toString());
            assertEquals(JsonOutput.SCHEMA_VERSION, e.get("schemaVersion").intValue());
        }
        // the exact fields, in order, of each kind
        assertEquals(List.of("event", "schemaVersion", "id", "name", "status"), fieldNames(events.get(0)));
        assertEquals(List.of("event", "schemaVersion", "name", "status", "startMs", "durationMs", "outcome"),
                fieldNames(events.get(1)));
        assertEquals(List.of("event", "schemaVersion", "elapsedMs", "dataTotal", "dataProcessed", "dataRemaining",
                "mibPerSecond"), fieldNames(events.get(3)));
        assertEquals(List.of("event", "schemaVersion", "message"), fieldNames(events.get(4)));
        assertEquals("done", events.get(5).get("status").asText());
        assertEquals("failed", events.get(6).get("status").asText());
        assertEquals("failed: bond0 is gone", events.get(6).get("outcome").asText());
        assertEquals(200.0, events.get(3).get("mibPerSecond").doubleValue());
        assertValid(EVENTS, JSON.readTree(MigrationProgressPrinter.ERROR_EVENT));
    }

    @Test
    void theUserGuidesExampleEventsAreWhatThePrinterPrints() throws IOException {
        String guide = Files.readString(DocCommands.repositoryRoot().resolve("docs/user-guide.md"));
        int at = guide.indexOf("\n## JSON output\n");
        assertTrue(at >= 0, "docs/user-guide.md has its section JSON output");
        String section = guide.substring(at + 1, guide.indexOf("\n## ", at + 1));
        List<String> shown = section.lines().filter(l -> l.startsWith("{\"event\"")).toList();
        assertEquals(3, shown.size(), section);
        List<String> printed = printerEvents().stream().map(JsonNode::toString).toList();
        for (String line : shown) {
            assertTrue(printed.contains(line), "the guide shows " + line + ", the printer prints " + printed);
            assertValid(EVENTS, JSON.readTree(line));
        }
        assertTrue(section.contains("share/schemas/" + EVENTS) && section.contains("share/schemas/" + MIGRATE),
                "the guide names the schema files of this version");
    }

    @Test
    void evacuatesEventsNameTheGuestAfterSchemaVersion() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EvacuateCommand.GuestProgress g = new EvacuateCommand.GuestProgress("vm3", true,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        g.stepStarted("migrate", "live migrate to qemu+tcp://h2/system");
        g.progress(new MigrationProgress(800, 1L << 30, 1L << 29, 1L << 29, 100L << 20));
        g.stepFinished(STEP);
        List<JsonNode> events = lines(err);
        assertEquals(3, events.size(), events.toString());
        for (JsonNode e : events) {
            assertValid(EVENTS, e);
            assertEquals(List.of("event", "schemaVersion", "domain"), fieldNames(e).subList(0, 3), e.toString());
            assertEquals("vm3", e.get("domain").asText());
        }
    }

    @Test
    void migratesResultsFailureAndRefusalMatchTheMigrateSchema() throws IOException {
        for (MigrationFlow.Report r : List.of(fullReport(), plainReport())) {
            JsonNode j = printed(r);
            assertValid(MIGRATE, j);
            assertEquals("schemaVersion", fieldNames(j).get(0), j.toString());
        }
        JsonNode failed = printed(PassthruCli.Migrate.failedJson(failure()));
        assertValid(MIGRATE, failed);
        assertEquals("[\"undo unplug VF: device busy\"]", failed.get("undoErrors").toString());
        assertValid(MIGRATE, printed(PassthruCli.Migrate.refusedJson(
                new io.passthru.PassthruException("another operation is in progress"), "qemu:///system")));
    }

    @Test
    void aMigrateTheCliRefusesPrintsARefusalOfTheSchema() throws IOException {
        // the test driver has no guest of that name: refused in the pre-checks, nothing changed
        CliRun r = CliRun.run("migrate", "no-such-guest", "-c", TestDriver.sriovHost(), "--to", "test:///default",
                "-o", "json");
        assertEquals(PassthruCli.EXIT_FAILED, r.exit(), r.out() + r.err());
        JsonNode j = JSON.readTree(r.out());
        assertValid(MIGRATE, j);
        assertEquals("refused", j.get("outcome").asText(), j.toString());
        assertEquals("schemaVersion", fieldNames(j).get(0), j.toString());
    }

    @Test
    void aRenamedMissingOrMistypedFieldIsRejected() throws IOException {
        Schema migrate = open(MIGRATE);
        ObjectNode report = (ObjectNode) printed(fullReport());

        ObjectNode noVersion = report.deepCopy();
        noVersion.remove("schemaVersion");
        assertInvalid(migrate, noVersion, "no schemaVersion");
        ObjectNode textVersion = report.deepCopy();
        textVersion.put("schemaVersion", "1");
        assertInvalid(migrate, textVersion, "schemaVersion as a string");
        ObjectNode nextVersion = report.deepCopy();
        nextVersion.put("schemaVersion", JsonOutput.SCHEMA_VERSION + 1);
        assertInvalid(migrate, nextVersion, "another version");

        ObjectNode renamed = JSON.createObjectNode();
        report.properties().forEach(e -> renamed.set(e.getKey().equals("vfGapMs") ? "vfGapMillis" : e.getKey(),
                e.getValue()));
        assertInvalid(migrate, renamed, "vfGapMs renamed");
        ObjectNode mistyped = report.deepCopy();
        mistyped.put("totalMs", "5400");
        assertInvalid(migrate, mistyped, "totalMs as a string");
        ObjectNode badStep = report.deepCopy();
        ((ObjectNode) badStep.get("steps").get(0)).remove("durationMs");
        assertInvalid(migrate, badStep, "a step without durationMs");
        ObjectNode badPci = report.deepCopy();
        badPci.put("destVf", "01:10.2");
        assertInvalid(migrate, badPci, "a PCI address without its domain");

        ObjectNode refused = (ObjectNode) printed(PassthruCli.Migrate.refusedJson(
                new io.passthru.PassthruException("no"), "qemu:///system"));
        refused.put("changed", true);
        assertInvalid(migrate, refused, "a refusal that changed something");

        Schema events = open(EVENTS);
        List<JsonNode> printed = printerEvents();
        ObjectNode finished = (ObjectNode) printed.get(1).deepCopy();
        finished.set("duration", finished.remove("durationMs"));
        assertInvalid(events, finished, "durationMs renamed");
        ObjectNode progress = (ObjectNode) printed.get(3).deepCopy();
        progress.put("mibPerSecond", "200.0");
        assertInvalid(events, progress, "mibPerSecond as a string");
        ObjectNode started = (ObjectNode) printed.get(0).deepCopy();
        started.remove("schemaVersion");
        assertInvalid(events, started, "an event without schemaVersion");
        ObjectNode unknown = (ObjectNode) printed.get(4).deepCopy();
        unknown.put("event", "warn");
        assertInvalid(events, unknown, "an event kind the schema does not have");
    }

    @Test
    void aFieldAddedWithinTheVersionPassesTheShippedSchemaButNotTheStrictOne() throws IOException {
        ObjectNode report = (ObjectNode) printed(plainReport());
        report.put("someNewField", 3);
        assertEquals(List.of(), errors(open(MIGRATE), report), "readers ignore fields they do not know");
        assertFalse(errors(strict(MIGRATE), report).isEmpty(), "but the schema must document every field");
        ObjectNode event = (ObjectNode) printerEvents().get(4);
        event.put("severity", "low");
        assertEquals(List.of(), errors(open(EVENTS), event));
        assertFalse(errors(strict(EVENTS), event).isEmpty());
    }

    @Test
    void versionedPutsTheFieldFirstInObjectsAndInTheObjectsOfAnArray() throws IOException {
        JsonNode o = JsonOutput.versioned(JSON.readTree("{\"a\":1,\"schemaVersion\":7,\"b\":{\"c\":2}}"));
        assertEquals("{\"schemaVersion\":" + JsonOutput.SCHEMA_VERSION + ",\"a\":1,\"b\":{\"c\":2}}", o.toString(),
                "first, replacing one there was; nested objects left alone");
        JsonNode a = JsonOutput.versioned(JSON.readTree("[{\"a\":1},2,\"x\",[{\"b\":1}]]"));
        assertEquals("[{\"schemaVersion\":1,\"a\":1},2,\"x\",[{\"b\":1}]]", a.toString());
        assertEquals("3", JsonOutput.versioned(JSON.readTree("3")).toString());
        assertTrue(printed(List.of()) instanceof ArrayNode);
    }

    @Test
    void theCommandsResultsOnTheTestDriverCarryTheVersion() throws IOException {
        CliRun rows = CliRun.run("list-devices", "-c", TestDriver.sriovHost(), "--pool", "/nonexistent/pool.json",
                "-o", "json");
        assertEquals(0, rows.exit(), rows.err());
        JsonNode list = JSON.readTree(rows.out());
        assertTrue(list.isArray() && list.size() > 0, rows.out());
        for (JsonNode row : list) {
            assertEquals("schemaVersion", fieldNames(row).get(0), row.toString());
            assertFalse(row.get("iommuGroupMembers").toString().contains("schemaVersion"), "not in nested objects");
        }
        CliRun vfs = CliRun.run("list-vfs", "-c", TestDriver.sriovHost(), "-o", "json");
        assertEquals(0, vfs.exit(), vfs.err());
        for (JsonNode pf : JSON.readTree(vfs.out())) {
            assertEquals(JsonOutput.SCHEMA_VERSION, pf.get("schemaVersion").intValue(), pf.toString());
            pf.get("vfs").forEach(vf -> assertFalse(vf.has("schemaVersion"), vf.toString()));
        }
        CliRun evacuate = CliRun.run("evacuate", "--from", TestDriver.sriovHost(), "--to", "test:///default", "-o",
                "json");
        assertEquals(0, evacuate.exit(), evacuate.err());
        assertEquals("schemaVersion", fieldNames(JSON.readTree(evacuate.out())).get(0), evacuate.out());
        CliRun mdevs = CliRun.run("mdev", "list", "-c", TestDriver.mdevHost(), "-o", "json");
        assertEquals(0, mdevs.exit(), mdevs.err());
        assertEquals(List.of("schemaVersion", "types", "mdevs"), fieldNames(JSON.readTree(mdevs.out())));
    }
}
