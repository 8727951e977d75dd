package io.passthru.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OutageReport}: CSV, medians and the two tables. */
class OutageReportTest {
    static final List<String> MODES = List.of("bond", "virtio-only");

    @Test
    void csvHasOneLinePerRunAndQuotesTheErrors() {
        OutageReport.Run failed = new OutageReport.Run("bond", 2);
        failed.direction = "2->1";
        failed.outcome = "migration failed at step 'x': \"a\", b";
        String csv = new OutageReport(List.of(bond(1, 10, 300, 500), failed), MODES, 2).csv();
        String[] lines = csv.split("\n");
        assertEquals(3, lines.length);
        assertEquals(String.join(",", OutageReport.Run.COLUMNS), lines[0]);
        assertTrue(lines[0].endsWith(",rawAttachMs,rawGuestShowMs,plugLibvirtMs,journalMs,precheckParts,gaps,outcome"));
        assertEquals("bond,1,1->2,100,90,10,300,5000,500,40,4000,800,600,1200,2500,450,900,300,100,"
                + "guest links=350;source inventory=200,,ok", lines[1]);
        assertEquals("bond,2,2->1,,,,,,,,,,,,,,,,,,,\"migration failed at step 'x': \"\"a\"\", b\"", lines[2]);
    }

    @Test
    void medians() {
        assertEquals(Optional.of(2.0), OutageReport.median(List.of(1L, 2L, 9L)));
        assertEquals(Optional.of(2.5), OutageReport.median(List.of(1L, 2L, 3L, 9L)));
        assertEquals(Optional.empty(), OutageReport.median(List.of()));
    }

    @Test
    void outageTableShowsMedianAndRangeOfTheRunsThatSucceeded() {
        OutageReport.Run failed = new OutageReport.Run("bond", 4);
        failed.lost = 999L;
        failed.outcome = "boom";
        String md = new OutageReport(List.of(bond(1, 10, 300, 500), bond(2, 30, 200, 700), bond(3, 20, 250, 600),
                failed, virtio(1)), MODES, 4).markdown();
        assertTrue(md.contains(OutageReport.LABEL), md);
        assertTrue(md.contains(
                "| bond | 3/4 | 20 (10–30) | 250 (200–300) | 5000 (5000–5000) | 600 (500–700) |"), md);
        assertTrue(md.contains("| virtio-only | 1/1 | 0 (0–0) |"), md);
    }

    @Test
    void leanTableRatiosAreMediansOfTheRunsRatios() {
        String md = new OutageReport(List.of(bond(1, 10, 300, 500), virtio(1)), MODES, 1).markdown();
        // plug + find 600 + 1200 = 1800 against the flow's own attach 300 + 1200 = 1500 and raw 450 + 900 = 1350;
        // total 5000 / primitives 4000; pre-checks 800 against their slowest read, the guest's links (350 ms);
        // total 5000 / calls (4000 + 800 + journal 100)
        assertTrue(md.contains("| bond | 800 | 350 | 2.29 | 1800 | 1500 | 1.20 | 1350 | 1.33 | 1.25 | 100 | 1.02 |"),
                md);
        assertTrue(md.contains("| virtio-only | – | – | – | – | – | – | – | – | 1.00 | – | 1.00 |"), md);
    }

    @Test
    void theSlowestReadLeavesOutTheWaits() {
        OutageReport.Run r = bond(1, 10, 300, 500);
        r.precheckParts.put("waited for destination", 900L);
        r.precheckParts.put("destination inventory", 700L);
        assertEquals(700L, r.slowestReadMs());
        r.precheckParts = Map.of();
        assertEquals(null, r.slowestReadMs());
    }

    @Test
    void precheckPartsAreMediansPerPart() {
        OutageReport.Run b2 = bond(2, 10, 300, 500);
        b2.precheckParts = new java.util.LinkedHashMap<>(Map.of("guest links", 450L, "source inventory", 100L));
        OutageReport.Run b3 = bond(3, 10, 300, 500);
        b3.precheckParts = Map.of("guest links", 900L);
        String md = new OutageReport(List.of(bond(1, 10, 300, 500), b2, b3, virtio(1)), MODES, 3).markdown();
        assertTrue(md.contains("| bond | guest links 450, source inventory 150 |"), md);
        assertTrue(!md.contains("| virtio-only | guest"), "no parts for a mode without pre-checks: " + md);
    }

    @Test
    void writesBothFiles() throws Exception {
        Path dir = Files.createTempDirectory("bench").resolve("out");
        new OutageReport(List.of(virtio(1)), MODES, 1).write(dir);
        assertTrue(Files.readString(dir.resolve(OutageReport.CSV)).startsWith("mode,run,"));
        assertTrue(Files.readString(dir.resolve(OutageReport.MARKDOWN)).contains("| virtio-only |"));
    }

    private static OutageReport.Run bond(int run, long lost, long gap, long vfGap) {
        OutageReport.Run r = new OutageReport.Run("bond", run);
        r.direction = run % 2 == 1 ? "1->2" : "2->1";
        r.sent = 100L;
        r.received = 100L - lost;
        r.lost = lost;
        r.longestGapMs = gap;
        r.totalMs = 5000L;
        r.vfGapMs = vfGap;
        r.downtimeMs = 40L;
        r.primitivesMs = 4000L;
        r.precheckMs = 800L;
        r.plugMs = 600L;
        r.findMs = 1200L;
        r.plugLibvirtMs = 300L;
        r.journalMs = 100L;
        r.migrateStepMs = 2500L;
        r.rawAttachMs = 450L;
        r.rawGuestShowMs = 900L;
        r.precheckParts = new java.util.LinkedHashMap<>();
        r.precheckParts.put("guest links", 350L);
        r.precheckParts.put("source inventory", 200L);
        return r;
    }

    private static OutageReport.Run virtio(int run) {
        OutageReport.Run r = new OutageReport.Run("virtio-only", run);
        r.direction = "1->2";
        r.sent = 100L;
        r.received = 100L;
        r.lost = 0L;
        r.longestGapMs = 30L;
        r.totalMs = 3000L;
        r.migrateStepMs = 3000L;
        r.primitivesMs = 3000L;
        r.vfGapMs = 0L;
        r.downtimeMs = 35L;
        return r;
    }
}
