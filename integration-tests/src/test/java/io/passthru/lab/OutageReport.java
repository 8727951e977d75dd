package io.passthru.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@link OutageBenchmark} measured, written as a CSV (one line per run) and a Markdown summary (per mode the
 * median and range over the runs that succeeded). Times are in ms; packets are counts. A value that was not
 * measured, or does not apply to the mode, is an empty CSV cell and "–" in the tables.
 */
final class OutageReport {
    static final String LABEL = "lab figures: nested, TCG L1 hosts with KVM inside, igb VFs emulated by QEMU 10.0";
    static final String CSV = "outage.csv";
    static final String MARKDOWN = "outage.md";
    private static final String NONE = "–";

    /** One migration of one mode and what was measured around it; {@code outcome} "ok" or the error message. */
    static final class Run {
        static final List<String> COLUMNS = List.of("mode", "run", "direction", "sent", "received", "lost",
                "longestGapMs", "totalMs", "vfGapMs", "downtimeMs", "primitivesMs", "precheckMs", "plugMs", "findMs",
                "migrateStepMs", "rawAttachMs", "rawGuestShowMs", "plugLibvirtMs", "journalMs", "precheckParts", "gaps",
                "outcome");

        final String mode;
        final int run;
        String direction;
        Long sent;
        Long received;
        Long lost;
        Long longestGapMs;
        Long totalMs;
        Long vfGapMs;
        Long downtimeMs;
        Long primitivesMs;
        Long precheckMs;
        Long plugMs;
        Long findMs;
        Long migrateStepMs;
        Long rawAttachMs;
        Long rawGuestShowMs;
        /** Within the plug step, libvirt's own attach call (the flow's report); 0 when the VF was found attached already. */
        Long plugLibvirtMs;
        /** The flow's own record writes (the report's journalMs: virDomainGetMetadata/SetMetadata), ms. */
        Long journalMs;
        /** What the pre-checks spent their time on (the flow's report; parts overlap), ms; empty for virtio-only. */
        Map<String, Long> precheckParts = Map.of();
        /** The ping's silences over 200 ms: {@code +S.Ss:MS;...} (s after the first reply, ms long). */
        String gaps;
        String outcome = "ok";

        Run(String mode, int run) {
            this.mode = mode;
            this.run = run;
        }

        boolean ok() {
            return "ok".equals(outcome);
        }

        /** The cells in {@link #COLUMNS} order. */
        List<Object> cells() {
            return Arrays.asList(mode, run, direction, sent, received, lost, longestGapMs, totalMs, vfGapMs,
                    downtimeMs, primitivesMs, precheckMs, plugMs, findMs, migrateStepMs, rawAttachMs, rawGuestShowMs,
                    plugLibvirtMs, journalMs, parts(), gaps, outcome);
        }

        /**
         * The slowest single read the pre-checks waited for: the longest of {@link #precheckParts} but the "waited
         * for" ones (which measure the wait, not a read), ms; null when there are none.
         */
        Long slowestReadMs() {
            return precheckParts.entrySet().stream().filter(e -> !e.getKey().startsWith("waited for"))
                    .map(Map.Entry::getValue).max(Long::compare).orElse(null);
        }

        /** {@link #precheckParts} as {@code name=ms;name=ms}, null when there are none. */
        String parts() {
            if (precheckParts.isEmpty()) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            precheckParts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(v));
            return b.toString();
        }

        /**
         * Every libvirt and guest-agent call of the flow: its steps (the pre-checks included) and its record writes,
         * ms (virtio-only: its one migrate call); null when a part is missing.
         */
        Long callsMs() {
            if (primitivesMs == null) {
                return null;
            }
            if (precheckMs == null && journalMs == null) {
                return primitivesMs;
            }
            return precheckMs == null || journalMs == null ? null : primitivesMs + precheckMs + journalMs;
        }

        /** plug step + find step of the flow against libvirt's own attach + the guest showing the VF. */
        Long plugAndFindMs() {
            return plugMs == null || findMs == null ? null : plugMs + findMs;
        }

        Long rawMs() {
            return rawAttachMs == null || rawGuestShowMs == null ? null : rawAttachMs + rawGuestShowMs;
        }

        /** The same run's libvirt attach (inside the plug step) + the find step: what the plug cannot go below. */
        Long inFlowFloorMs() {
            return plugLibvirtMs == null || plugLibvirtMs == 0 || findMs == null ? null : plugLibvirtMs + findMs;
        }
    }

    private final List<Run> runs;
    private final List<String> modes;
    private final int runsPerMode;

    /** @param modes the modes in table order */
    OutageReport(List<Run> runs, List<String> modes, int runsPerMode) {
        this.runs = List.copyOf(runs);
        this.modes = List.copyOf(modes);
        this.runsPerMode = runsPerMode;
    }

    /** Writes {@value #CSV} and {@value #MARKDOWN} into {@code dir} (created when missing). */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(CSV), csv());
        Files.writeString(dir.resolve(MARKDOWN), markdown());
    }

    String csv() {
        StringBuilder b = new StringBuilder(String.join(",", Run.COLUMNS)).append('\n');
        for (Run r : runs) {
            b.append(String.join(",", r.cells().stream().map(OutageReport::csvCell).toList())).append('\n');
        }
        return b.toString();
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled; null is empty. */
    static String csvCell(Object value) {
        String s = value == null ? "" : value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Both tables, each captioned with {@link #LABEL}; no heading, so it can be pasted under one. */
    String markdown() {
        return "Outage per mode (" + LABEL + "). " + runsPerMode + " runs per mode, alternately host 1 → host 2 "
                + "and back; host 2's peer (192.0.2.102) pinged each guest every 10 ms from 2 s before the migration "
                + "call until 2 s after it. Median (min–max) over the runs that succeeded; times in ms.\n\n"
                + outageTable() + "\n"
                + "lost: pings unanswered; longest gap: the longest time between two consecutive replies; total: "
                + "the migration call's wall time; VF gap: the time the guest had no working VF (passthru's report); "
                + "downtime: libvirt's (the guest paused); primitives: the sum of the flow's libvirt and guest-agent "
                + "calls (every step but the pre-checks; virtio-only: its one migrate call).\n\n"
                + "Lean flow, medians (" + LABEL + "). libvirt attach in the plug: the flow's own "
                + "virDomainAttachDeviceFlags call inside its plug step (passthru's overhead is the rest); raw: in "
                + "the same run, after the migration and the ping, libvirt's attach of the same VF again plus the "
                + "time until the guest agent shows its netdev; calls: every libvirt and guest-agent call of the "
                + "flow, i.e. its steps with the pre-checks and its journal record writes (virDomainGetMetadata, "
                + "virDomainSetMetadata), so total / calls is passthru's own time on top of them; the ratios are "
                + "medians of the per-run ratios.\n\n"
                + leanTable() + "\n"
                + "What the pre-checks spent their time on, medians in ms (they overlap: the inventories, the "
                + "destination's readiness and name check run while the guest is asked; \"waited for\" is what the "
                + "pre-checks still waited for them).\n\n"
                + precheckTable();
    }

    private String precheckTable() {
        StringBuilder b = new StringBuilder("| mode | parts |\n|---|---|\n");
        for (String mode : modes) {
            List<Run> ok = ok(mode);
            List<String> names = ok.stream().flatMap(r -> r.precheckParts.keySet().stream()).distinct().toList();
            if (names.isEmpty()) {
                continue;
            }
            b.append(row(mode, String.join(", ", names.stream().map(n -> n + " "
                    + number(median(ok, r -> r.precheckParts.get(n)))).toList())));
        }
        return b.toString();
    }

    private String outageTable() {
        StringBuilder b = new StringBuilder("| mode | runs ok | lost packets | longest gap ms | total ms | VF gap ms "
                + "| downtime ms | primitives ms |\n|---|---|---|---|---|---|---|---|\n");
        for (String mode : modes) {
            List<Run> ok = ok(mode);
            b.append(row(mode, ok.size() + "/" + of(mode).size(), spread(ok, r -> r.lost),
                    spread(ok, r -> r.longestGapMs), spread(ok, r -> r.totalMs), spread(ok, r -> r.vfGapMs),
                    spread(ok, r -> r.downtimeMs), spread(ok, r -> r.primitivesMs)));
        }
        return b.toString();
    }

    private String leanTable() {
        StringBuilder b = new StringBuilder("| mode | pre-checks ms | slowest read ms | pre-checks / slowest read "
                + "| plug + find ms | libvirt attach in the plug + find ms | ratio | raw attach + guest show ms (later) "
                + "| ratio | total / primitives | journal ms | total / calls |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String mode : modes) {
            List<Run> ok = ok(mode);
            b.append(row(mode, number(median(ok, r -> r.precheckMs)), number(median(ok, Run::slowestReadMs)),
                    ratio(medianRatio(ok, r -> r.precheckMs, Run::slowestReadMs)),
                    number(median(ok, Run::plugAndFindMs)),
                    number(median(ok, Run::inFlowFloorMs)),
                    ratio(medianRatio(ok, Run::plugAndFindMs, Run::inFlowFloorMs)),
                    number(median(ok, Run::rawMs)), ratio(medianRatio(ok, Run::plugAndFindMs, Run::rawMs)),
                    ratio(medianRatio(ok, r -> r.totalMs, r -> r.primitivesMs)),
                    number(median(ok, r -> r.journalMs)),
                    ratio(medianRatio(ok, r -> r.totalMs, Run::callsMs))));
        }
        return b.toString();
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private List<Run> of(String mode) {
        return runs.stream().filter(r -> r.mode.equals(mode)).toList();
    }

    private List<Run> ok(String mode) {
        return of(mode).stream().filter(Run::ok).toList();
    }

    /** "median (min–max)" of a field over runs, or "–" when no run has it. */
    static String spread(List<Run> runs, Function<Run, Long> field) {
        List<Long> xs = values(runs, field);
        if (xs.isEmpty()) {
            return NONE;
        }
        return number(median(xs)) + " (" + xs.get(0) + "–" + xs.get(xs.size() - 1) + ")";
    }

    static Optional<Double> median(List<Run> runs, Function<Run, Long> field) {
        return median(values(runs, field));
    }

    /** The median of the per-run ratios {@code num / den} (runs with both, and den above 0). */
    static Optional<Double> medianRatio(List<Run> runs, Function<Run, Long> num, Function<Run, Long> den) {
        List<Double> ratios = new ArrayList<>();
        for (Run r : runs) {
            Long n = num.apply(r);
            Long d = den.apply(r);
            if (n != null && d != null && d > 0) {
                ratios.add(n / (double) d);
            }
        }
        return medianOf(ratios);
    }

    /** The median of sorted values (the mean of the middle two for an even count); empty for none. */
    static Optional<Double> median(List<Long> sorted) {
        return medianOf(sorted.stream().map(Long::doubleValue).toList());
    }

    private static Optional<Double> medianOf(List<Double> xs) {
        if (xs.isEmpty()) {
            return Optional.empty();
        }
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return Optional.of(n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2);
    }

    /** A field's values over runs, sorted, without the runs lacking it. */
    private static List<Long> values(List<Run> runs, Function<Run, Long> field) {
        return runs.stream().map(field).filter(Objects::nonNull).sorted().toList();
    }

    static String number(Optional<Double> x) {
        return x.map(OutageReport::number).orElse(NONE);
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.1f", x);
    }

    static String ratio(Optional<Double> x) {
        return x.map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse(NONE);
    }
}
