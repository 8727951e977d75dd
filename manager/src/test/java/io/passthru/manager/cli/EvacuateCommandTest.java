package io.passthru.manager.cli;

import io.passthru.manager.Evacuation;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text output of {@code passthru evacuate}: a header, one row per guest, the summary with the makespan. */
class EvacuateCommandTest {
    @Test
    void oneRowPerGuestThenTheMakespan() {
        Evacuation.Result r = new Evacuation.Result("qemu+tcp://h1/system", "qemu+tcp://h2/system", 2, 9876, 1, 1, 1,
                List.of(new Evacuation.GuestResult("evac-1", "bond", Evacuation.MIGRATED, 0, 4321,
                                PciAddress.parse("0000:01:10.0"), PciAddress.parse("0000:01:10.2"), 812L, 41L, null,
                                null, null, "qemu+tcp://h2/system", null),
                        new Evacuation.GuestResult("evac-2", null, Evacuation.REFUSED, 3, 120, null, null, null, null,
                                "a domain named 'evac-2' already exists on qemu+tcp://h2/system", "pre-checks", null,
                                "qemu+tcp://h1/system", null),
                        new Evacuation.GuestResult("evac-3", null, Evacuation.FAILED, 4321, 5555, null, null, null,
                                null, "migration failed at step 'live migrate'", "live migrate", true,
                                "qemu+tcp://h1/system", null)));
        StringWriter s = new StringWriter();
        EvacuateCommand.printResult(new PrintWriter(s, true), r);
        String out = s.toString();
        List<String> lines = out.lines().toList();
        assertEquals(6, lines.size(), out);
        assertTrue(lines.get(0).contains("3 guests, 2 at a time"), lines.get(0));
        assertTrue(lines.get(1).startsWith("DOMAIN") && lines.get(1).contains("DOWNTIME MS"), lines.get(1));
        String row1 = lines.get(2);
        assertTrue(row1.startsWith("evac-1") && row1.contains("bond") && row1.contains("migrated")
                && row1.contains("0000:01:10.0 -> 0000:01:10.2") && row1.contains(" 812 ") && row1.contains(" 41 "),
                row1);
        assertTrue(lines.get(3).contains("refused") && lines.get(3).endsWith("already exists on qemu+tcp://h2/system"),
                lines.get(3));
        assertTrue(lines.get(4).contains("[rolled back; runs on qemu+tcp://h1/system] migration failed"),
                lines.get(4));
        assertEquals("makespan 9876 ms: 1 migrated, 1 refused, 1 failed of 3 (parallel 2)", lines.get(5));
    }
}
