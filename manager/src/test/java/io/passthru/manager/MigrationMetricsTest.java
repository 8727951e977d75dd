package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.MigrationEngineTest.Case;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.migration.Side;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.passthru.manager.FakeLab.DST_VF;
import static io.passthru.manager.FakeLab.SRC_VF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MigrationMetrics}: the series of a migrated run, of a plain one, of a refused and a failed one, of an
 * evacuation (one series per guest), read back from the text the Prometheus client wrote; the phases found from the
 * engine's own step titles; the atomic write and the refusal of a path that could not be written.
 */
class MigrationMetricsTest {
    static final String FROM = "qemu+tcp://h1/system";
    static final String TO = "qemu+tcp://h2/system";
    static final Instant END = Instant.parse("2026-12-07T10:00:00.250Z");

    /** One sample line: {@code name{labels} value}. */
    record Sample(String name, Map<String, String> labels, double value) {
        String label(String key) {
            return labels.get(key);
        }
    }

    /** The sample lines of {@code text} (comments left out), labels unescaped. */
    static List<Sample> parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
            Map<String, String> labels = new TreeMap<>();
            if (brace >= 0) {
                int i = brace + 1;
                while (line.charAt(i) != '}') {
                    int eq = line.indexOf('=', i);
                    String key = line.substring(i, eq);
                    assertEquals('"', line.charAt(eq + 1), line);
                    StringBuilder v = new StringBuilder();
                    int j = eq + 2;
                    for (; line.charAt(j) != '"'; j++) {
                        char c = line.charAt(j);
                        if (c == '\\') {
                            char n = line.charAt(++j);
                            v.append(n == 'n' ? '\n' : n);
                        } else {
                            v.append(c);
                        }
                    }
                    labels.put(key, v.toString());
                    i = j + 1;
                    if (line.charAt(i) == ',') {
                        i++;
                    }
                }
            }
            out.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
        return out;
    }

    /** The samples of metric {@code name}, by the value of label {@code by}. */
    static Map<String, Double> byLabel(List<Sample> samples, String name, String by) {
        Map<String, Double> out = new LinkedHashMap<>();
        samples.stream().filter(s -> s.name().equals(name)).forEach(s -> assertEquals(null,
                out.put(s.label(by), s.value()), "one series per " + by + ": " + s));
        return out;
    }

    static List<Sample> named(List<Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    static Map<String, String> labels(String domain, String mode, String... more) {
        Map<String, String> m = new TreeMap<>(Map.of("domain", domain, "source", FROM, "destination", TO,
                "mode", mode));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    /** A bond run with a VF and a PCI device moved by hotplug, and an mdev whose state QEMU moved. */
    static MigrationFlow.Report bondReport(String domain) {
        List<Saga.Step> steps = List.of(
                Saga.Step.ok("pre-checks", 0, 180, false),
                Saga.Step.ok("switch the bond to eth0", 180, 40, false),
                Saga.Step.ok("hot-unplug VF 0000:01:10.0", 220, 310, false),
                Saga.Step.ok("hot-unplug PCI device 0000:05:00.0 (hostdev1)", 530, 90, false),
                Saga.Step.ok("live migrate to " + TO, 620, 2500, false),
                Saga.Step.ok("hot-plug VF on destination", 3120, 400, false),
                Saga.Step.ok("guest agent on destination", 3520, 30, false),
                Saga.Step.ok("hot-plug the equivalent of PCI device 0000:05:00.0 (hostdev1): 0000:06:00.0", 3550,
                        250, false),
                Saga.Step.ok("enslave VF", 3800, 20, false));
        Map<String, Long> stats = new LinkedHashMap<>();
        stats.put("time_elapsed", 2480L);
        stats.put("downtime", 42L);
        stats.put("data_total", 1073741824L);
        stats.put("data_processed", 1100000000L);
        stats.put("vfio_data_transferred", 524288L);
        Map<String, Long> gaps = new LinkedHashMap<>();
        gaps.put("0000:05:00.0", 2990L);
        gaps.put("b1ae8bf6-38b0-4c81-9d44-78ce3f520496", 0L);
        return new MigrationFlow.Report(domain, FROM, TO, PciAddress.parse("0000:01:10.0"),
                PciAddress.parse("0000:02:10.0"), "52:54:00:e0:00:01", "bond0", "eth0", steps, 4321, 2901, stats,
                "migrated", "op-" + domain, null, "bond", 12, Map.of("inventories", 120L), null, 15, null, gaps);
    }

    /** A plain run: no VF, no device, no unplug or plug step, no device state. */
    static MigrationFlow.Report plainReport(String domain) {
        return new MigrationFlow.Report(domain, FROM, TO, null, null, null, null, null,
                List.of(Saga.Step.ok("pre-checks", 0, 95, false), Saga.Step.ok("live migrate to " + TO, 95, 1805,
                        false)), 1900, 0, Map.of("downtime", 17L, "data_total", 268435456L, "data_processed", 268435456L), "migrated",
                "op-" + domain, null, "plain", 0, Map.of());
    }

    @Test
    void aMigratedRunWritesItsTotalEveryPhaseItMeasuredItsBytesAndDeviceGaps() {
        String text = MigrationMetrics.text(List.of(MigrationMetrics.Run.migrated(bondReport("web1"), END)));
        List<Sample> s = parse(text);
        Map<String, String> base = labels("web1", "bond");

        assertEquals(List.of(new Sample("passthru_migration_success", base, 1)),
                named(s, "passthru_migration_success"));
        assertEquals(List.of(new Sample("passthru_migration_last_run_timestamp_seconds", base, 1796637600.25)),
                named(s, "passthru_migration_last_run_timestamp_seconds"));
        assertEquals(List.of(new Sample("passthru_migration_duration_seconds", base, 4.321)),
                named(s, "passthru_migration_duration_seconds"));
        Map<String, Double> phases = byLabel(s, "passthru_migration_phase_seconds", "phase");
        assertEquals(Map.of("pre-checks", 0.18, "unplug", 0.4, "vf-gap", 2.901, "downtime", 0.042, "plug", 0.65),
                phases, text);
        named(s, "passthru_migration_phase_seconds").forEach(p -> assertEquals(labels("web1", "bond", "phase",
                p.label("phase")), p.labels()));
        assertEquals(List.of(new Sample("passthru_migration_transferred_bytes", base, 1100000000)),
                named(s, "passthru_migration_transferred_bytes"));
        assertEquals(List.of(new Sample("passthru_migration_device_state_bytes", base, 524288)),
                named(s, "passthru_migration_device_state_bytes"));
        assertEquals(Map.of("0000:05:00.0", 2.99, "b1ae8bf6-38b0-4c81-9d44-78ce3f520496", 0.0),
                byLabel(s, "passthru_migration_device_gap_seconds", "device"));
        assertEquals(List.of(), named(s, "passthru_migration_failure_info"), "no failure: " + text);
        assertEquals(12, s.size(), "every series listed above and no other: " + text);

        assertTrue(text.contains("# TYPE passthru_migration_phase_seconds gauge\n"), text);
        assertTrue(text.contains("# HELP passthru_migration_duration_seconds "), text);
        assertFalse(text.contains("_created"), text);
        assertFalse(text.contains("passthru_migration_failure_info"), "a metric without series is not written: "
                + text);
    }

    @Test
    void aPlainRunHasNoVfGapNoUnplugOrPlugAndNoDeviceSeries() {
        MigrationMetrics.Run run = MigrationMetrics.Run.migrated(plainReport("db1"), END);
        List<Sample> s = parse(MigrationMetrics.text(List.of(run)));
        assertEquals(Map.of("pre-checks", 0.095, "downtime", 0.017),
                byLabel(s, "passthru_migration_phase_seconds", "phase"));
        assertEquals(List.of(new Sample("passthru_migration_transferred_bytes", labels("db1", "plain"), 268435456)),
                named(s, "passthru_migration_transferred_bytes"));
        assertEquals(List.of(), named(s, "passthru_migration_device_state_bytes"));
        assertEquals(List.of(), named(s, "passthru_migration_device_gap_seconds"));

        List<Sample> measured = parse(MigrationMetrics.text(List.of(run.withTimeToTraffic(1234))));
        assertEquals(1.234, byLabel(measured, "passthru_migration_phase_seconds", "phase").get("time-to-traffic"),
                "time-to-traffic only when a caller measured it");
    }

    /** {@code plainReport} with {@code migrate --verify}'s traffic checks. */
    static MigrationFlow.Report verified(MigrationFlow.Report r, MigrationFlow.Traffic... traffic) {
        return new MigrationFlow.Report(r.domain(), r.source(), r.destination(), r.sourceVf(), r.destVf(), r.mac(),
                r.bond(), r.backupSlave(), r.steps(), r.totalMs(), r.vfGapMs(), r.migrationStats(), r.outcome(),
                r.operationId(), r.recovered(), r.mode(), r.destAttachLibvirtMs(), r.precheckParts(), r.p2pUri(),
                r.journalMs(), r.plan(), r.deviceGapsMs(), r.postcopyAfterMs(), List.of(), List.of(traffic));
    }

    @Test
    void timeToTrafficIsTheLastVerifiedAddresssFirstAnswerWhenEveryAddressAnswered() {
        MigrationFlow.Traffic gateway = new MigrationFlow.Traffic("198.51.100.1", true, 850, 900, 2, null);
        MigrationFlow.Traffic peer = new MigrationFlow.Traffic("198.51.100.9", true, 1200, 1250, 3, null);
        MigrationFlow.Traffic silent = new MigrationFlow.Traffic("198.51.100.7", false, -1, 30000, 30, "timeout");
        Map<String, Double> both = byLabel(parse(MigrationMetrics.text(List.of(MigrationMetrics.Run.migrated(
                verified(plainReport("db1"), gateway, peer), END)))), "passthru_migration_phase_seconds", "phase");
        assertEquals(Map.of("pre-checks", 0.095, "downtime", 0.017, "time-to-traffic", 1.2), both);
        Map<String, Double> oneSilent = byLabel(parse(MigrationMetrics.text(List.of(MigrationMetrics.Run.migrated(
                verified(plainReport("db1"), gateway, silent), END)))), "passthru_migration_phase_seconds", "phase");
        assertEquals(Map.of("pre-checks", 0.095, "downtime", 0.017), oneSilent, "the traffic was not seen back");
        assertEquals(List.of(new Sample("passthru_migration_verified", labels("db1", "plain"), 0)),
                named(parse(MigrationMetrics.text(List.of(MigrationMetrics.Run.migrated(verified(plainReport("db1"),
                        gateway, silent), END)))), "passthru_migration_verified"));
        assertEquals(List.of(new Sample("passthru_migration_verified", labels("db1", "plain"), 1)),
                named(parse(MigrationMetrics.text(List.of(MigrationMetrics.Run.migrated(verified(plainReport("db1"),
                        gateway, peer), END)))), "passthru_migration_verified"));
        assertEquals(List.of(), named(parse(MigrationMetrics.text(List.of(MigrationMetrics.Run.migrated(
                plainReport("db1"), END)))), "passthru_migration_verified"), "no --verify, no series");
    }

    @Test
    void aFailedOrRefusedRunWritesSuccessZeroWithTheFailedStepAndNoTimings() {
        MigrationFailedException failed = new MigrationFailedException("migration failed at step 'hot-unplug VF "
                + "0000:01:10.0': no DEVICE_REMOVED; rolled back", null, -1, "hot-unplug VF 0000:01:10.0", true, false,
                null, FROM, "op-1");
        List<Sample> s = parse(MigrationMetrics.text(List.of(MigrationMetrics.Run.notMigrated("web1", FROM, TO,
                MigrationFlow.Mode.BOND, failed, Duration.ofMillis(2345), END))));
        Map<String, String> base = labels("web1", "bond");
        assertEquals(List.of(new Sample("passthru_migration_success", base, 0)), named(s, "passthru_migration_success"));
        assertEquals(List.of(new Sample("passthru_migration_failure_info", labels("web1", "bond", "outcome", "failed",
                "step", "hot-unplug VF 0000:01:10.0"), 1)), named(s, "passthru_migration_failure_info"));
        assertEquals(List.of(new Sample("passthru_migration_duration_seconds", base, 2.345)),
                named(s, "passthru_migration_duration_seconds"), "the time the attempt took");
        assertEquals(1796637600.25, named(s, "passthru_migration_last_run_timestamp_seconds").get(0).value());
        assertEquals(4, s.size(), "nothing measured beyond: " + s);

        // refused before anything changed, --mode auto: no mode, the step is the pre-checks
        List<Sample> r = parse(MigrationMetrics.text(List.of(MigrationMetrics.Run.notMigrated("web1", FROM, TO,
                MigrationFlow.Mode.AUTO, new InvalidRequestException("the guest has no bond"), Duration.ofMillis(80),
                END))));
        assertEquals(List.of(new Sample("passthru_migration_failure_info", labels("web1", "", "outcome", "refused",
                "step", "pre-checks"), 1)), named(r, "passthru_migration_failure_info"));
        assertEquals(0, named(r, "passthru_migration_success").get(0).value());

        // anything else: failed, the step unknown
        List<Sample> bug = parse(MigrationMetrics.text(List.of(MigrationMetrics.Run.notMigrated("web1", FROM, TO,
                null, new IllegalStateException("bug"), Duration.ZERO, END))));
        assertEquals(labels("web1", "", "outcome", "failed", "step", ""),
                named(bug, "passthru_migration_failure_info").get(0).labels());
    }

    @Test
    void anEvacuationWritesOneSeriesPerGuest() {
        Evacuation ev = new Evacuation(TO, (from, to, name) -> switch (name) {
            case "a" -> bondReport("a");
            case "b" -> plainReport("b");
            case "c" -> throw new MigrationFailedException("migration failed at step 'live migrate': lost", null, -1,
                    "live migrate to " + TO, true, false, null, FROM, "op-c");
            default -> throw new InvalidRequestException("'" + name + "' has no bond");
        });
        Instant started = Instant.now();
        Evacuation.Result result = ev.evacuate(FROM, List.of("a", "b", "c", "d"), 2);
        List<Sample> s = parse(MigrationMetrics.text(MigrationMetrics.runs(result, started)));

        assertEquals(Map.of("a", 1.0, "b", 1.0, "c", 0.0, "d", 0.0),
                byLabel(s, "passthru_migration_success", "domain"));
        assertEquals(Map.of("a", 4.321, "b", 1.9, "c", result.guests().get(2).durationMs() / 1000.0,
                "d", result.guests().get(3).durationMs() / 1000.0),
                byLabel(s, "passthru_migration_duration_seconds", "domain"));
        assertEquals("bond", named(s, "passthru_migration_success").stream().filter(x -> x.label("domain")
                .equals("a")).findFirst().orElseThrow().label("mode"), "the mode that ran");
        List<Sample> phases = named(s, "passthru_migration_phase_seconds");
        assertEquals(5, phases.stream().filter(p -> p.label("domain").equals("a")).count(), phases.toString());
        assertEquals(2, phases.stream().filter(p -> p.label("domain").equals("b")).count(), phases.toString());
        assertEquals(Map.of("a", 0.042, "b", 0.017), phases.stream().filter(p -> p.label("phase")
                .equals("downtime")).collect(java.util.stream.Collectors.toMap(p -> p.label("domain"),
                Sample::value)));
        assertEquals(Map.of("c", "failed|live migrate to " + TO, "d", "refused|pre-checks"),
                named(s, "passthru_migration_failure_info").stream().collect(java.util.stream.Collectors.toMap(
                        p -> p.label("domain"), p -> p.label("outcome") + "|" + p.label("step"))));
        for (Evacuation.GuestResult g : result.guests()) {
            double ts = named(s, "passthru_migration_last_run_timestamp_seconds").stream()
                    .filter(x -> x.label("domain").equals(g.domain())).findFirst().orElseThrow().value();
            assertEquals(started.plusMillis(g.startMs() + g.durationMs()).toEpochMilli() / 1000.0, ts, 1e-6,
                    g.domain() + ": ended at the evacuation's start plus its own start and duration");
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule().addSerializer(
                        PciAddress.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance));
        assertFalse(json.valueToTree(result.guests().get(0)).has("report"), "evacuate's JSON rows stay as they were");
        assertEquals("a", result.guests().get(0).report().domain(), "a migrated guest's result holds its report");
        named(s, "passthru_migration_success").forEach(x -> {
            assertEquals(FROM, x.label("source"));
            assertEquals(TO, x.label("destination"));
        });
    }

    /**
     * The phases are found by the titles of the engine's steps: run the engine (bond with a hotplug device, failover,
     * unplug-replug, plain) and compare with the steps its listener saw by journal id: {@code unplug-vf} and
     * {@code unplug@DEVICE} make the unplug phase, {@code plug-vf} and {@code plug@DEVICE} the plug phase.
     */
    @Test
    void theUnplugAndPlugPhasesAreTheEnginesOwnUnplugAndPlugSteps() {
        for (Case c : List.of(new Case(GuestStrategy.BOND, false), new Case(GuestStrategy.FAILOVER, false),
                new Case(GuestStrategy.UNPLUG_REPLUG, false), new Case(GuestStrategy.PLAIN, false))) {
            boolean device = c.strategy() == GuestStrategy.BOND || c.strategy() == GuestStrategy.PLAIN;
            FakeLab lab = new FakeLab(c.strategy().hasVf());
            if (device) {
                lab.withDevice();
            }
            Map<String, String> idOfTitle = new LinkedHashMap<>();
            MigrationListener seen = new MigrationListener() {
                @Override
                public void stepStarted(String id, String title) {
                    idOfTitle.put(title, id);
                }
            };
            Operation op = MigrationEngineTest.record(c);
            if (device) {
                op.devices = new ArrayList<>(List.of(DeviceMoveEngineTest.device()));
            }
            Saga saga = new Saga();
            MigrationSide src = lab.side(Side.SOURCE);
            MigrationEngine.Result done;
            try (MigrationEngine engine = new MigrationEngine(op, saga, src, new MigrationControls(null, null, false,
                    null, null, seen, null), MigrationEngineTest.NO_HOOKS)) {
                done = engine.run(src, lab.transfer(), new MigrationEngine.Setup(c.strategy().hasVf() ? SRC_VF : null,
                        List.of(DST_VF), c.strategy() != GuestStrategy.PLAIN || device));
            }
            List<Saga.Step> steps = saga.timeline();
            long unplug = steps.stream().filter(st -> isUnplug(idOfTitle.get(st.name())))
                    .mapToLong(Saga.Step::durationMs).sum();
            long plug = steps.stream().filter(st -> isPlug(idOfTitle.get(st.name())))
                    .mapToLong(Saga.Step::durationMs).sum();
            boolean anyUnplug = steps.stream().anyMatch(st -> isUnplug(idOfTitle.get(st.name())));
            MigrationFlow.Report report = new MigrationFlow.Report("guest1", FROM, TO,
                    c.strategy().hasVf() ? SRC_VF : null, done.destVf(), null, null, null, steps, saga.now(),
                    done.vfGapMs(), Map.of(), "migrated", op.id, null, c.strategy().mode().id, 0, Map.of(), null, 0,
                    null, done.deviceGapsMs());
            Map<String, Double> phases = MigrationMetrics.phases(MigrationMetrics.Run.migrated(report, END));
            assertEquals(anyUnplug, c.strategy().hasVf() || device, c.toString());
            assertEquals(anyUnplug, phases.containsKey(MigrationMetrics.UNPLUG), c + ": " + steps);
            assertEquals(anyUnplug, phases.containsKey(MigrationMetrics.PLUG), c + ": " + steps);
            if (anyUnplug) {
                assertEquals(unplug / 1000.0, phases.get(MigrationMetrics.UNPLUG), 1e-9, c + ": " + steps);
                assertEquals(plug / 1000.0, phases.get(MigrationMetrics.PLUG), 1e-9, c + ": " + steps);
            }
            assertEquals(c.strategy().hasVf(), phases.containsKey(MigrationMetrics.VF_GAP), c.toString());
            for (Saga.Step st : steps) {
                String id = idOfTitle.get(st.name());
                boolean counted = st.name().startsWith(MigrationMetrics.UNPLUG_STEP)
                        || MigrationMetrics.PLUG_STEPS.stream().anyMatch(st.name()::startsWith);
                assertEquals(isUnplug(id) || isPlug(id), counted, c + ": step '" + st.name() + "' (" + id + ")");
            }
        }
    }

    private static boolean isUnplug(String id) {
        return id != null && (id.equals(MigrationFlow.Step.UNPLUG_VF.id) || id.startsWith(
                MigrationEngine.UNPLUG_DEVICE + "@"));
    }

    private static boolean isPlug(String id) {
        return id != null && (id.equals(MigrationFlow.Step.PLUG_VF.id) || id.startsWith(
                MigrationEngine.PLUG_DEVICE + "@"));
    }

    @Test
    void theFileIsReplacedAtomicallyReadableByAllAndNoTemporaryFileIsLeft(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("passthru.prom");
        Files.writeString(file, "old contents\n");
        List<MigrationMetrics.Run> runs = List.of(MigrationMetrics.Run.migrated(bondReport("web1"), END));
        MigrationMetrics.checkWritable(file);
        MigrationMetrics.write(file, runs);
        assertEquals(MigrationMetrics.text(runs), Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of(file), all.toList(), "the file alone: the check's probe and the temporary file are "
                    + "gone");
        }
        // a directory that vanished: the write fails, naming the file
        Path gone = dir.resolve("gone");
        Files.createDirectory(gone);
        Files.delete(gone);
        PassthruException e = assertThrows(PassthruException.class, () -> MigrationMetrics.write(gone.resolve(
                "passthru.prom"), runs));
        assertTrue(e.getMessage().startsWith("cannot write the metrics file " + gone.resolve("passthru.prom")),
                e.getMessage());
    }

    @Test
    void aPathThatCouldNotBeWrittenIsRefusedNamingItAndTheFix(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("passthru.prom");
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> MigrationMetrics.checkWritable(missing));
        assertEquals(missing + ": the directory " + missing.getParent() + " does not exist: create it (e.g. "
                + "node_exporter's --collector.textfile.directory) or give a file in an existing directory",
                e.getMessage());
        assertFalse(Files.exists(missing.getParent()), "nothing created");

        InvalidRequestException isDir = assertThrows(InvalidRequestException.class,
                () -> MigrationMetrics.checkWritable(dir));
        assertTrue(isDir.getMessage().startsWith(dir + " is a directory: give the path of a file in it, e.g. "
                + dir.resolve("passthru.prom")), isDir.getMessage());

        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        InvalidRequestException notDir = assertThrows(InvalidRequestException.class,
                () -> MigrationMetrics.checkWritable(file.resolve("passthru.prom")));
        assertTrue(notDir.getMessage().contains(file + " is not a directory"), notDir.getMessage());

        // root may write to a read-only directory, not to /proc
        boolean root = "root".equals(System.getProperty("user.name"));
        Path readOnly = root ? Path.of("/proc") : Files.createDirectory(dir.resolve("ro"));
        if (!root) {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            InvalidRequestException ro = assertThrows(InvalidRequestException.class,
                    () -> MigrationMetrics.checkWritable(readOnly.resolve("passthru.prom")));
            assertTrue(ro.getMessage().startsWith(readOnly.resolve("passthru.prom") + ": cannot create a file in "
                    + readOnly + " ("), ro.getMessage());
            assertTrue(ro.getMessage().endsWith("give a directory this user may write to, or let this user write to "
                    + readOnly), ro.getMessage());
        } finally {
            if (!root) {
                Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
