package io.passthru.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example's argument handling, before any libvirt connection (its lab run is EmbedExampleLabIT). */
class EmbedExampleTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EmbedExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void wrongNumberOfArgumentsPrintsTheUsage() {
        Run r = run("qemu:///system", "qemu+tcp://h2/system");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("usage: EmbedExample SOURCE_URI DEST_URI DOMAIN VF MAC BOND MIGRATE_URI"),
                r.err());
    }

    @Test
    void badVfIsNamedBeforeAnyConnection() {
        Run r = run("qemu+tcp://127.0.0.1:1/system", "qemu+tcp://127.0.0.1:2/system", "g", "0000:01:20.0",
                "52:54:00:a1:00:60", "bond0", "tcp://198.51.100.2");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("'0000:01:20.0'") && r.err().contains("slot"), r.err());
    }

    @Test
    void badMacIsNamedBeforeAnyConnection() {
        Run r = run("qemu+tcp://127.0.0.1:1/system", "qemu+tcp://127.0.0.1:2/system", "g", "0000:01:10.0",
                "52:54:00:a1:00", "bond0", "tcp://198.51.100.2");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("'52:54:00:a1:00'"), r.err());
    }
}
