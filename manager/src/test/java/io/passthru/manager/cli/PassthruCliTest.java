package io.passthru.manager.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parsing only, in-process: bad input is refused with exit 2 and the usage of the subcommand it was given to, before
 * any libvirt connection is made (a command that got as far as libvirt would exit 1 or 3 here, or hang).
 */
class PassthruCliTest {
    /** Exit code, stdout and stderr of one in-process run of the configured CLI. */

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private static CliRun run(CommandLine cl, String... args) {
        return CliRun.run(cl, args);
    }

    /** Exit 2, nothing on stdout, the message names {@code bad}, and the usage shown is {@code command}'s. */
    private static void assertUsageError(CliRun r, String command, String bad) {
        assertEquals(PassthruCli.EXIT_USAGE, r.exit(), r.out() + r.err());
        assertEquals("", r.out(), "usage errors go to stderr only");
        String firstLine = r.err().lines().findFirst().orElse("");
        assertTrue(firstLine.contains(bad), "message should name '" + bad + "': " + r.err());
        assertTrue(r.err().contains("Usage: " + command + " "), "usage of '" + command + "' expected: " + r.err());
    }

    @Test
    void attachWithoutVfIsAUsageError() {
        CliRun r = run("attach", "guest1");
        assertUsageError(r, "passthru attach", "--vf");
    }

    @Test
    void vfPolicyOptionsAreCheckedBeforeConnecting() {
        // the host does not exist: a command that got as far as libvirt would exit 3
        String[] base = {"attach", "guest1", "-c", "qemu+tcp://nowhere.invalid/system"};
        assertUsageError(run(cat(base, "--pci", "0000:04:00.0", "--spoofchk", "off")), "passthru attach",
                "--spoofchk, --link-state, --max-tx-rate, --min-tx-rate and a VLAN QoS set a VF's policy");
        assertUsageError(run(cat(base, "--vf", "0000:01:10.0", "--link-state", "up")), "passthru attach",
                "'up' is none of auto, enable, disable");
        assertUsageError(run(cat(base, "--vf", "0000:01:10.0", "--vlan", "42:8")), "passthru attach",
                "the VLAN QoS (802.1p priority) is a whole number 0-7, not '8'");
        assertUsageError(run(cat(base, "--vf", "0000:01:10.0", "--vlan", "4096")), "passthru attach",
                "the VLAN id is a whole number 0-4095");
        assertUsageError(run(cat(base, "--vf", "0000:01:10.0", "--spoofchk", "maybe")), "passthru attach",
                "'maybe' is neither on nor off");
        CliRun minAboveMax = run(cat(base, "--vf", "0000:01:10.0", "--max-tx-rate", "10", "--min-tx-rate", "20"));
        assertEquals(PassthruCli.EXIT_USAGE, minAboveMax.exit(), minAboveMax.err());
        assertTrue(minAboveMax.err().contains("--min-tx-rate 20 is above --max-tx-rate 10"), minAboveMax.err());
    }

    @Test
    void verifyTakesOnlyIpAddressesAndIsCheckedBeforeConnecting() {
        String[] base = {"migrate", "guest1", "-c", "qemu+tcp://nowhere.invalid/system", "--to",
                "qemu+tcp://nowhere-either.invalid/system"};
        assertUsageError(run(cat(base, "--verify", "peer.example")), "passthru migrate",
                "not an IP address: 'peer.example'");
        assertUsageError(run(cat(base, "--verify", "-c")), "passthru migrate", "--verify");
        assertUsageError(run(cat(base, "--verify", "192.0.2.1", "--verify-timeout", "0")), "passthru migrate",
                "--verify-timeout");
    }

    private static String[] cat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void migrateNeedsDestination() {
        CliRun r = run("migrate", "guest1");
        assertUsageError(r, "passthru migrate", "--to");
    }

    @Test
    void evacuateNeedsDestination() {
        CliRun r = run("evacuate", "--from", "qemu+tcp://h1/system");
        assertUsageError(r, "passthru evacuate", "--to");
    }

    @Test
    void evacuateRefusesParallelBelowOneAndTheSameHostBeforeConnecting() {
        // the hosts do not exist: a command that got as far as libvirt would exit 3
        CliRun zero = run("evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h2/system", "--parallel",
                "0");
        assertUsageError(zero, "passthru evacuate", "--parallel must be 1 or more");
        assertTrue(zero.err().contains("not 0"), zero.err());
        assertUsageError(run("evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h1/system"),
                "passthru evacuate", "same libvirt host");
        assertUsageError(run("evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h2/system",
                "--timeout", "0"), "passthru evacuate", "--timeout");
        assertUsageError(run("evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h2/system",
                "--parallel", "two"), "passthru evacuate", "'two'");
    }

    @Test
    void helpListsEverySubcommandAndTheExitCodes() {
        CliRun r = run("--help");
        assertEquals(0, r.exit());
        for (String c : new String[] {"define", "attach", "detach", "migrate", "list-devices", "list-vfs",
                "check-host", "set-viommu", "recover", "evacuate"}) {
            assertTrue(r.out().contains(c), c + " missing from help: " + r.out());
        }
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().matches("(?s).*\\b3 +host not ready.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\b130 +interrupted.*"), r.out());
    }

    @Test
    void everySubcommandHasHelpAndTheExitCodes() {
        CliRun r = run("detach", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: passthru detach "), r.out());
        assertTrue(r.out().matches("(?s).*\\b2 +bad usage.*"), r.out());
    }

    @Test
    void pciAddressOutOfRangeNamesTheLimit() {
        io.passthru.PassthruException e = assertThrows(io.passthru.PassthruException.class,
                () -> PassthruCli.pci("0000:01:20.0"));
        assertTrue(e.getMessage().contains("slot"), e.getMessage());
    }

    @Test
    void badVfIsRefusedByTheSubcommand() {
        CliRun r = run("attach", "guest1", "--vf", "0000:01:20.0");
        assertUsageError(r, "passthru attach", "'0000:01:20.0'");
        assertTrue(r.err().contains("--vf") && r.err().contains("slot 0x20 is out of range 0x0-0x1f"), r.err());
    }

    @Test
    void badVfOnDetachAndDestVfOnMigrate() {
        assertUsageError(run("detach", "guest1", "--vf", "not-a-pci"), "passthru detach", "'not-a-pci'");
        assertUsageError(run("migrate", "guest1", "--to", "qemu+tcp://h2/system", "--dest-vf", "0000:01:10.9"),
                "passthru migrate", "'0000:01:10.9'");
    }

    @Test
    void badMac() {
        CliRun r = run("attach", "guest1", "--vf", "0000:01:10.0", "--mac", "52:54:00:zz:00:01");
        assertUsageError(r, "passthru attach", "'52:54:00:zz:00:01'");
    }

    @Test
    void aliasCountMustBeAPositiveNumber() {
        CliRun r = run("attach", "guest1", "--alias", "a:abc");
        assertUsageError(r, "passthru attach", "'abc'");
        assertFalse(r.err().contains("For input string"), r.err());
        assertUsageError(run("attach", "guest1", "--alias", "a:0"), "passthru attach", "COUNT 0");
        assertUsageError(run("attach", "guest1", "--alias", ":2"), "passthru attach", "no alias name");
    }

    @Test
    void aliasParses() {
        assertEquals(new CliTypes.AliasCount("fast-vf", 1), CliTypes.AliasCount.parse("fast-vf"));
        assertEquals(new CliTypes.AliasCount("fast-vf", 3), CliTypes.AliasCount.parse("fast-vf:3"));
    }

    @Test
    void badGroupPolicyNamesTheAllowedValues() {
        CliRun r = run("attach", "guest1", "--alias", "a", "--group-policy", "spread");
        assertUsageError(r, "passthru attach", "'spread'");
        assertTrue(r.err().contains("none, isolate"), r.err());
    }

    @Test
    void badOutputIsRefusedWithTheSubcommandsUsage() {
        CliRun r = run("list-vfs", "--output", "yaml");
        assertUsageError(r, "passthru list-vfs", "'yaml'");
        assertTrue(r.err().contains("text, json"), r.err());
    }

    @Test
    void badViommuIsRefusedBeforeTheDomainIsLookedUp() {
        CliRun r = run("set-viommu", "no-such-domain", "--viommu", "foo", "--connect", "test:///default");
        assertUsageError(r, "passthru set-viommu", "'foo'");
        assertTrue(r.err().contains("auto, intel, smmuv3, virtio, amd, none"), r.err());
        assertFalse(r.err().contains("no-such-domain"), "the domain must not be looked up: " + r.err());
    }

    @Test
    void detachTimeoutMustBePositive() {
        assertUsageError(run("detach", "guest1", "--vf", "0000:01:10.0", "--timeout", "0"), "passthru detach",
                "--timeout");
    }

    @Test
    void unknownCommandFailsEvenWithHelp() {
        CliRun r = run("no-such-command", "--help");
        assertUsageError(r, "passthru", "'no-such-command'");
        assertTrue(r.err().contains("Commands:"), "the top-level usage lists the commands: " + r.err());
    }

    @Test
    void extraArgumentsToASubcommandFailEvenWithHelp() {
        CliRun r = run("list-vfs", "surplus", "--help");
        assertUsageError(r, "passthru list-vfs", "'surplus'");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = run();
        assertUsageError(r, "passthru", "missing command");
    }

    @Test
    void oneSubcommandAloneBehavesAsWithAllOfThem() {
        // PassthruCli.commandLine(args) builds only the subcommand args[0] names; help and errors must not change
        String[][] cases = {{"attach", "--help"}, {"attach", "g", "--vf", "01:20.0"}, {"migrate", "g"},
                {"set-viommu", "g", "--viommu", "foo"}, {"list-vfs", "--version"}, {"--version"},
                {"evacuate", "--from", "qemu+tcp://h1/system"}};
        for (String[] args : cases) {
            CliRun lean = run(args);
            CliRun full = run(PassthruCli.commandLine(), args);
            assertEquals(full, lean, String.join(" ", args));
        }
        assertEquals(1, PassthruCli.commandLine("attach", "--help").getSubcommands().size());
        assertEquals(0, PassthruCli.commandLine("--version").getSubcommands().size());
        int all = PassthruCli.class.getAnnotation(CommandLine.Command.class).subcommands().length;
        assertEquals(all, PassthruCli.commandLine("--help").getSubcommands().size());
        assertEquals(all, PassthruCli.commandLine("atach").getSubcommands().size(), "typos get the suggestions");
    }

    @Test
    void valuesAreCaseInsensitiveAndCompletionCandidatesLowerCase() {
        CliTypes.OutputFormats f = new CliTypes.OutputFormats();
        assertEquals(CliTypes.OutputFormat.JSON, f.convert("JSON"));
        assertEquals(java.util.List.of("text", "json"), f.names());
    }

    @Test
    void everyTimeoutAndLimitOfMigrateAndEvacuateMustBePositive() {
        String[][] commands = {{"migrate", "guest1", "--to", "qemu+tcp://h2/system"},
                {"evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h2/system"}};
        String[] options = {"--timeout", "--agent-timeout", "--detach-timeout", "--guest-timeout", "--max-downtime",
                "--bandwidth"};
        for (String[] command : commands) {
            for (String option : options) {
                for (String bad : new String[] {"0", "-5", "ten", "99999999999"}) {
                    String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                            java.util.stream.Stream.of(option, bad)).toArray(String[]::new);
                    CliRun r = run(args);
                    // the hosts do not exist: a command that got as far as libvirt would exit 3
                    assertUsageError(r, "passthru " + command[0], option);
                    assertTrue(r.err().lines().findFirst().orElse("").contains("'" + bad + "'"), r.err());
                }
            }
        }
    }

    @Test
    void detachTimeoutNamesTheValue() {
        CliRun r = run("detach", "guest1", "--vf", "0000:01:10.0", "--timeout", "-1");
        assertUsageError(r, "passthru detach", "--timeout");
        assertTrue(r.err().contains("'-1' is out of range: give a whole number from 1 to"), r.err());
    }

    @Test
    void aPoolFileGivenThatDoesNotExistIsAUsageError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String missing = dir.resolve("no-such-pool.json").toString();
        assertUsageError(run("migrate", "guest1", "--to", "qemu+tcp://h2/system", "--pool", missing),
                "passthru migrate", "--pool " + missing + ": no such file");
        assertUsageError(run("evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h2/system",
                "--pool", missing), "passthru evacuate", "--pool " + missing + ": no such file");
        assertUsageError(run("attach", "guest1", "--alias", "fast-vf", "--pool", missing), "passthru attach",
                "--pool " + missing + ": no such file");
        assertUsageError(run("define", "guest1", "--pool", missing), "passthru define",
                "--pool " + missing + ": no such file");
        java.nio.file.Path pool = dir.resolve("pool.json");
        java.nio.file.Files.writeString(pool, "{\"device_spec\": []}");
        assertUsageError(run("migrate", "guest1", "--to", "qemu+tcp://h2/system", "--pool", pool.toString(),
                "--dest-pool", missing), "passthru migrate", "--dest-pool " + missing + ": no such file");
        assertUsageError(run("evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h2/system",
                "--dest-pool", missing), "passthru evacuate", "--dest-pool " + missing + ": no such file");
    }

    @Test
    void theDefaultPoolMayBeAbsentAnExplicitOneNot() {
        CommandLine cl = PassthruCli.commandLine("migrate");
        cl.parseArgs("migrate", "g", "--to", "qemu+tcp://h2/system");
        CommandLine migrate = cl.getSubcommands().get("migrate");
        assertEquals(null, PassthruCli.poolFile(migrate, "--pool", "/nonexistent/passthru/pool.json"),
                "the default: no pool");
        cl.parseArgs("migrate", "g", "--to", "qemu+tcp://h2/system", "--pool", "/nonexistent/passthru/pool.json");
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> PassthruCli.poolFile(migrate, "--pool", "/nonexistent/passthru/pool.json"));
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
    }

    @Test
    void aBondMustBeAValidInterfaceName() {
        for (String bad : new String[] {"bond/0", "bond 0", "bond:1", ".", "..", "bond0123456789ab", "b\u00e4nd0123456789"}) {
            CliRun r = run("attach", "guest1", "--vf", "0000:01:10.0", "--bond=" + bad);
            assertUsageError(r, "passthru attach", "--bond");
            assertTrue(r.err().lines().findFirst().orElse("").contains("'" + bad + "'"), r.err());
        }
        CliRun empty = run("attach", "guest1", "--vf", "0000:01:10.0", "--bond=");
        assertUsageError(empty, "passthru attach", "--bond");
        assertTrue(empty.err().contains("the kernel takes 1 to 15"), empty.err());
        CliRun dash = run("attach", "guest1", "--vf", "0000:01:10.0", "--bond=-b");
        assertUsageError(dash, "passthru attach", "'-b'");
        assertTrue(dash.err().contains("does not start with '-'"), dash.err());
        CliTypes.InterfaceNameConverter c = new CliTypes.InterfaceNameConverter();
        assertEquals("bond0", c.convert("bond0"));
        assertEquals("bond0123456789a", c.convert("bond0123456789a"), "15 bytes");
        assertEquals("br-lan.10", c.convert("br-lan.10"));
    }

    @Test
    void p2pUriIsParsedForMigrateAndEvacuate() {
        String p2p = "qemu+tcp://198.51.100.2/system";
        CommandLine cl = PassthruCli.commandLine("migrate");
        cl.parseArgs("migrate", "g", "--to", "qemu+tcp://127.0.0.1:16510/system", "--p2p-uri", p2p);
        PassthruCli.Migrate m = cl.getSubcommands().get("migrate").getCommand();
        assertEquals(p2p, m.migration.p2pUri);
        cl.parseArgs("migrate", "g", "--to", "qemu+tcp://127.0.0.1:16510/system");
        assertEquals(null, m.migration.p2pUri, "without --p2p-uri passthru drives the migration");

        CommandLine ev = PassthruCli.commandLine("evacuate");
        String ssh = "qemu+ssh://root@h2.example.com:2222/system?keyfile=/root/.ssh/id_ed25519";
        ev.parseArgs("evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h2/system", "--p2p-uri", ssh);
        EvacuateCommand e = ev.getSubcommands().get("evacuate").getCommand();
        assertEquals(ssh, e.migration.p2pUri);
        assertTrue(run("migrate", "--help").out().contains("--p2p-uri=URI"));
    }

    @Test
    void badP2pUrisAreRefusedBeforeAnyConnection() {
        // the hosts do not exist: a command that got as far as libvirt would exit 3
        String[][] bad = {
                {"qemu+ext:///system?command=/tmp/evil", "ext transport"},
                {"qemu+ext://h2/system", "ext transport"},
                {"qemu+ssh://h2/system?command=/tmp/evil", "'command='"},
                {"qemu+ssh://h2/system?socket=/tmp/evil.sock", "'socket='"},
                {"qemu+ssh://h2/system?netcat=/tmp/nc", "'netcat='"},
                {"qemu+ssh://h2/system?keyfile=/k&Proxy=/tmp/p", "'proxy='"},
                {"qemu+tcp://h2 /system", "is not a URI"},
                {"h2", "is not a libvirt URI"},
                {"/system", "is not a libvirt URI"},
                {"qemu:///system", "names no host"},
                {"qemu+unix:///system", "names no host"},
        };
        for (String[] b : bad) {
            for (String[] command : new String[][] {{"migrate", "guest1", "--to", "qemu+tcp://h2/system"},
                    {"evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h2/system"}}) {
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                        java.util.stream.Stream.of("--p2p-uri", b[0])).toArray(String[]::new);
                CliRun r = run(args);
                assertUsageError(r, "passthru " + command[0], "--p2p-uri");
                String first = r.err().lines().findFirst().orElse("");
                assertTrue(first.contains("'" + b[0] + "'") && first.contains(b[1]), b[0] + ": " + r.err());
            }
        }
    }

    @Test
    void aMetricsFileThatCouldNotBeWrittenIsAUsageErrorBeforeConnecting(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path dir) {
        String missing = dir.resolve("no-such-dir").resolve("passthru.prom").toString();
        // the hosts do not exist: a command that got as far as libvirt would exit 3
        for (String[] command : new String[][] {{"migrate", "guest1", "--to", "qemu+tcp://h2/system"},
                {"evacuate", "--from", "qemu+tcp://h1/system", "--to", "qemu+tcp://h2/system"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--metrics-file", missing)).toArray(String[]::new);
            CliRun r = run(args);
            assertUsageError(r, "passthru " + command[0], "--metrics-file " + missing + ": the directory "
                    + dir.resolve("no-such-dir") + " does not exist: create it");
            assertTrue(r.err().lines().findFirst().orElse("").endsWith("; nothing was changed"), r.err());
            String[] isDir = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--metrics-file", dir.toString())).toArray(String[]::new);
            assertUsageError(run(isDir), "passthru " + command[0], "--metrics-file " + dir + " is a directory");
        }
        assertFalse(java.nio.file.Files.exists(dir.resolve("no-such-dir")), "nothing was created");
    }
}
