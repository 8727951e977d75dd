package io.passthru.manager.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing only: bad input is refused before any libvirt connection is made. */
class PassthruCliTest {
    private static String[] run(String... args) {
        CommandLine cl = new CommandLine(new PassthruCli());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void attachWithoutVfIsAUsageError() {
        String[] r = run("attach", "guest1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--vf"), r[2]);
    }

    @Test
    void migrateNeedsDestination() {
        String[] r = run("migrate", "guest1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--to"), r[2]);
    }

    @Test
    void helpListsEverySubcommand() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        for (String c : new String[] {"attach", "detach", "migrate", "list-vfs", "check-host"}) {
            assertTrue(r[1].contains(c), c + " missing from help: " + r[1]);
        }
    }

    @Test
    void pciAddressOutOfRangeNamesTheLimit() {
        io.passthru.PassthruException e = org.junit.jupiter.api.Assertions.assertThrows(io.passthru.PassthruException.class,
                () -> PassthruCli.pci("0000:01:20.0"));
        assertTrue(e.getMessage().contains("slot"), e.getMessage());
    }
}
