package io.passthru.manager.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The documents' commands cannot drift from the CLI: every {@code passthru} command line in a fenced block of
 * README.md and docs/**.md parses with the real picocli command tree, and those of {@code test-driver} blocks run on
 * libvirt's test driver (in-process, no daemon, no root, no network), exit 0 and print what the document shows
 * ({@link DocCommands}). The extractor and both checks are tested on documents made up here, with commands that are
 * wrong on purpose.
 */
class DocsCommandsTest {
    private static final Path ROOT = DocCommands.repositoryRoot();

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandParses() {
        return DocCommands.all(ROOT).stream().map(c -> DynamicTest.dynamicTest("parses: " + c, () -> {
            String problem = DocCommands.parseProblem(c);
            if (problem != null) {
                fail(problem);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> testDriverCommandsRunAndPrintWhatTheDocumentShows() {
        return DocCommands.all(ROOT).stream().filter(DocCommands.Command::run)
                .map(c -> DynamicTest.dynamicTest("runs: " + c, () -> {
                    String problem = DocCommands.runProblem(c);
                    if (problem != null) {
                        fail(problem);
                    }
                }));
    }

    /** A marker lost in an edit would leave the run check with nothing to do: every document keeps its share. */
    @Test
    void theDocumentsKeepTheirCommandsAndTheirTestDriverExamples() {
        List<DocCommands.Command> all = DocCommands.all(ROOT);
        String summary = all.stream().collect(Collectors.groupingBy(DocCommands.Command::file,
                Collectors.counting())).toString();
        System.out.println("docs commands: " + all.size() + " parsed, "
                + all.stream().filter(DocCommands.Command::run).count() + " run on the test driver; per file: "
                + summary);
        assertTrue(all.size() >= 40, "commands found: " + summary);
        assertTrue(count(all, "README.md", true) >= 3, "README's tour runs its test-driver examples: " + all);
        assertTrue(count(all, "docs/user-guide.md", true) >= 5, "the user guide's test-driver examples: " + all);
        for (String doc : List.of("README.md", "docs/user-guide.md", "docs/migration.md", "docs/recovery.md")) {
            assertTrue(count(all, doc, false) >= 3, doc + " keeps its commands: " + summary);
        }
        for (DocCommands.Command c : all) {
            assertTrue(!c.run() || !c.expected().isEmpty(), c + " shows no output to check");
        }
    }

    private static long count(List<DocCommands.Command> all, String file, boolean runOnly) {
        return all.stream().filter(c -> c.file().equals(Path.of(file).toString()) && (!runOnly || c.run())).count();
    }

    @Test
    void everyLinkBetweenTheDocumentsLeadsToAFileAndHeadingThatExist() {
        List<String> broken = DocCommands.brokenLinks(ROOT, DocCommands.documents(ROOT));
        assertEquals(List.of(), broken, String.join("\n", broken));
    }

    @Test
    void aLinkToAMissingHeadingOrFileIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("docs"));
        java.nio.file.Files.writeString(dir.resolve("docs/a.md"), "# A\n\n## Peer-to-peer migration (`--p2p-uri`)\n\n"
                + "[ok](#peer-to-peer-migration---p2p-uri) [ok](../README.md) [web](https://example.org/#x)\n"
                + "`[code](nowhere.md)`\n```\n[in a block](nowhere.md)\n```\n[gone](#peer-to-peer)\n"
                + "[lost](b.md#a)\n");
        java.nio.file.Files.writeString(dir.resolve("README.md"), "# R\n");
        assertEquals(List.of("a", "peer-to-peer-migration---p2p-uri"),
                DocCommands.anchors(java.nio.file.Files.readString(dir.resolve("docs/a.md"))));
        assertEquals(List.of("docs/a.md:10: #peer-to-peer: docs/a.md has no heading with that anchor",
                "docs/a.md:11: b.md#a: no such file docs/b.md"),
                DocCommands.brokenLinks(dir, List.of(dir.resolve("docs/a.md"))));
    }

    // ---- the extractor and the checks, on made-up documents ----

    private static final String PWD = "/repo";

    private static List<DocCommands.Command> extract(String markdown) {
        return DocCommands.extract("made-up.md", markdown, PWD);
    }

    private static DocCommands.Command only(String markdown) {
        List<DocCommands.Command> cs = extract(markdown);
        assertEquals(1, cs.size(), cs.toString());
        return cs.get(0);
    }

    @Test
    void aMisspelledOptionFailsTheParseCheckWithFileLineAndPicocliMessage() {
        DocCommands.Command c = only("text\n\n```\npassthru attach vm1 --vff 0000:01:10.0\n```\n");
        assertEquals(4, c.line());
        String problem = DocCommands.parseProblem(c);
        assertNotNull(problem, "a misspelled option must fail");
        assertTrue(problem.startsWith("made-up.md:4: passthru attach vm1 --vff 0000:01:10.0: "), problem);
        assertTrue(problem.contains("Unknown option") && problem.contains("'--vff'"), problem);

        DocCommands.Command right = only("```\npassthru attach vm1 --vf 0000:01:10.0\n```\n");
        assertNull(DocCommands.parseProblem(right), "the same line spelled right parses");
    }

    @Test
    void anUnknownSubcommandABadValueAndAMissingOptionFailTheParseCheck() {
        String unknown = DocCommands.parseProblem(only("```sh\n$ passthru atach vm1 --vf 0000:01:10.0\n```\n"));
        assertNotNull(unknown);
        assertTrue(unknown.contains("made-up.md:2") && unknown.contains("atach"), unknown);

        String badPci = DocCommands.parseProblem(only("```\npassthru detach vm1 --vf 0000:01:zz.0\n```\n"));
        assertNotNull(badPci);
        assertTrue(badPci.contains("--vf") && badPci.contains("0000:01:zz.0"), badPci);

        String badMode = DocCommands.parseProblem(only("```\npassthru migrate vm1 --to qemu+tcp://h2/system "
                + "--mode sideways\n```\n"));
        assertNotNull(badMode);
        assertTrue(badMode.contains("sideways"), badMode);

        String noTo = DocCommands.parseProblem(only("```\npassthru migrate vm1 --plan\n```\n"));
        assertNotNull(noTo);
        assertTrue(noTo.contains("--to"), noTo);

        String surplus = DocCommands.parseProblem(only("```\npassthru list-vfs vm1\n```\n"));
        assertNotNull(surplus, "list-vfs takes no domain");
        assertTrue(surplus.contains("vm1"), surplus);

        String none = DocCommands.parseProblem(only("```\npassthru -c qemu:///system\n```\n"));
        assertNotNull(none, "no subcommand");
    }

    @Test
    void continuationsPromptsQuotesCommentsAndPwdAreReadAsAShellReadsThem() {
        DocCommands.Command c = only("# t\n\n~~~console\n$ passthru define 'vm 1' -c test://$PWD/h.xml \\\n"
                + "    --cmdline \"console=ttyS0 \\\"x\\\"\" \\\n    --dry-run   # prints the XML\n~~~\n");
        assertEquals(4, c.line(), "the line the command starts on");
        assertEquals(List.of("define", "vm 1", "-c", "test:///repo/h.xml", "--cmdline", "console=ttyS0 \"x\"",
                "--dry-run"), c.args());
        assertTrue(!c.run() && c.expected().isEmpty(), c.toString());

        // only lines that start with the command count; prose, output and other programs do not
        List<DocCommands.Command> cs = extract("passthru attach outside a block\n```\nmigration plan for 'x'\n"
                + "integration-tests/lab/run-demo.sh\npassthru: interrupted\n  passthru list-vfs\n```\n"
                + "```json\n{\"alias\": []}\n```\n");
        assertEquals(1, cs.size(), cs.toString());
        assertEquals(List.of("list-vfs"), cs.get(0).args());
        assertEquals(6, cs.get(0).line());
    }

    @Test
    void whatTheExtractorRefuses() {
        assertThrows(DocCommands.DocException.class, () -> extract("```\npassthru list-vfs\n"), "unclosed block");
        assertThrows(DocCommands.DocException.class, () -> extract("```\npassthru list-vfs \\\n```\n"),
                "continued on no line");
        assertThrows(DocCommands.DocException.class, () -> extract("```\npassthru list-vfs | grep 03\n```\n"),
                "a pipe");
        assertThrows(DocCommands.DocException.class, () -> extract("```\npassthru list-vfs -c 'test:///x\n```\n"),
                "unclosed quote");
        DocCommands.DocException e = assertThrows(DocCommands.DocException.class, () -> extract(
                "```console test-driver\nls /\n```\n"));
        assertTrue(e.getMessage().startsWith("made-up.md:2: "), e.getMessage());
        assertThrows(DocCommands.DocException.class, () -> extract(
                "```console test-driver\npassthru list-vfs -c test:///default\nx\n```\n"), "a run command needs '$ '");
    }

    @Test
    void aTestDriverBlockRunsItsCommandsAndComparesTheOutputItShows() {
        String host = "test://$PWD/integration-tests/testdriver/sriov-host.xml";
        String doc = "```console test-driver\n$ passthru list-vfs -c " + host + "\n...\n0000:03:10.6    0000:03:00.0\n"
                + "$ passthru list-devices -c " + host + "\n0000:04:00.0 type-PCI\n```\n";
        List<DocCommands.Command> cs = DocCommands.extract("made-up.md", doc, ROOT.toString());
        assertEquals(2, cs.size(), cs.toString());
        assertTrue(cs.get(0).run(), cs.toString());
        assertEquals(List.of("0000:03:10.6    0000:03:00.0"), cs.get(0).expected(), "the '...' line is no output");
        assertEquals(List.of("0000:04:00.0 type-PCI"), cs.get(1).expected());
        assertEquals(List.of("list-vfs", "-c", "test://" + ROOT + "/integration-tests/testdriver/sriov-host.xml"),
                cs.get(0).args());
        assertNull(DocCommands.runProblem(cs.get(0)), "the VF is listed with its PF, blanks aside");

        // an output line the CLI does not print fails the run check
        DocCommands.Command drifted = DocCommands.extract("made-up.md", "```console test-driver\n$ passthru "
                + "list-vfs -c " + host + "\n0000:03:10.8    0000:03:00.0\n```\n", ROOT.toString()).get(0);
        String problem = DocCommands.runProblem(drifted);
        assertNotNull(problem, "a VF the host does not have must not be shown");
        assertTrue(problem.startsWith("made-up.md:2: ") && problem.contains("0000:03:10.8"), problem);

        // a command that fails fails the check, with its exit code
        DocCommands.Command failing = DocCommands.extract("made-up.md", "```console test-driver\n$ passthru "
                + "define vm1 -c " + host + " --pci 0000:03:00.0 --vf 0000:03:10.2 --dry-run\n<domain\n```\n",
                ROOT.toString()).get(0);
        String refused = DocCommands.runProblem(failing);
        assertNotNull(refused, "a PF with one of its VFs is refused");
        assertTrue(refused.contains("exit 1"), refused);
    }

    @Test
    void aTestDriverCommandMustUseTheTestDriverAndShowItsOutput() {
        String real = DocCommands.runProblem(DocCommands.extract("made-up.md", "```console test-driver\n$ passthru "
                + "list-vfs -c qemu:///system\nPF\n```\n", PWD).get(0));
        assertNotNull(real);
        assertTrue(real.contains("qemu:///system"), real);
        String defaulted = DocCommands.runProblem(DocCommands.extract("made-up.md", "```console test-driver\n"
                + "$ passthru list-vfs\nPF\n```\n", PWD).get(0));
        assertNotNull(defaulted, "no URI: qemu:///system by default");
        String silent = DocCommands.runProblem(DocCommands.extract("made-up.md", "```console test-driver\n"
                + "$ passthru list-vfs -c test:///default\n...\n```\n", PWD).get(0));
        assertNotNull(silent, "a run with nothing to compare asserts nothing");
        assertTrue(silent.contains("shows no output"), silent);
    }
}
