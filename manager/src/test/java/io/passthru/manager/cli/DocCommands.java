package io.passthru.manager.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code passthru} command lines of the project's Markdown documents (README.md and docs/**.md), as
 * {@link DocsCommandsTest} checks them: every line of a fenced code block that starts with {@code passthru } or
 * {@code $ passthru } (joined with the lines after it while it ends in {@code \}), split into words as a shell would
 * (quotes, backslashes, {@code #} comments; {@code $PWD} is the repository root), then parsed with the real picocli
 * command tree. A block whose info string holds the word {@value #RUN_MARK} is also run on libvirt's test driver: the
 * lines after each command, up to the next one, are what the command prints ({@code ...}: lines left out).
 */
final class DocCommands {
    /** The word of a fenced block's info string that makes its commands run (e.g. {@code ```console test-driver}). */
    static final String RUN_MARK = "test-driver";
    /** An output line that stands for lines left out. */
    static final String ELISION = "...";

    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})(.*)$");
    private static final Pattern COMMAND = Pattern.compile("^(\\$ +)?passthru(\\s.*)?$");

    private DocCommands() {
    }

    /**
     * One command line of a document.
     *
     * @param file     the document, relative to the repository root (for messages)
     * @param line     the 1-based line the command starts on
     * @param text     the command as written, continuation lines joined
     * @param args     its words after {@code passthru}, {@code $PWD} expanded
     * @param run      whether it stands in a {@value #RUN_MARK} block
     * @param expected the output lines shown after it in such a block, without {@value #ELISION} lines
     */
    record Command(String file, int line, String text, List<String> args, boolean run, List<String> expected) {
        String where() {
            return file + ":" + line;
        }

        @Override
        public String toString() {
            return where() + " " + text;
        }
    }

    /** A document that cannot be read as this class reads it (an unterminated block, a word it cannot split). */
    static final class DocException extends IllegalArgumentException {
        DocException(String file, int line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    /**
     * The repository root: the nearest directory from the working directory up that holds {@code docs/},
     * {@code pom.xml} and {@code README.md} (surefire runs the manager's tests in {@code manager/}).
     */
    static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("docs")) && Files.isRegularFile(d.resolve("pom.xml"))
                    && Files.isRegularFile(d.resolve("README.md"))) {
                return d;
            }
        }
        throw new AssertionError("no directory holding docs/, pom.xml and README.md above "
                + Path.of("").toAbsolutePath());
    }

    /** README.md, then every {@code .md} file under docs/, in name order. */
    static List<Path> documents(Path root) {
        List<Path> out = new ArrayList<>();
        out.add(root.resolve("README.md"));
        try (Stream<Path> s = Files.walk(root.resolve("docs"))) {
            out.addAll(s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every command of every document under {@code root}. */
    static List<Command> all(Path root) {
        List<Command> out = new ArrayList<>();
        for (Path doc : documents(root)) {
            try {
                out.addAll(extract(root.relativize(doc).toString(), Files.readString(doc), root.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * The commands of one Markdown document.
     *
     * @param file     its name, for the commands and messages
     * @param markdown its text
     * @param pwd      what {@code $PWD} stands for (the repository root)
     * @throws DocException when a fenced block is not closed, a command's last line ends in {@code \}, a word cannot
     *                      be split or uses shell syntax other than a simple command, or a {@value #RUN_MARK} block
     *                      holds anything but {@code $ passthru} commands and their output
     */
    static List<Command> extract(String file, String markdown, String pwd) {
        List<Command> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                i++;
                continue;
            }
            String fence = open.group(1);
            String info = open.group(2).trim();
            boolean run = List.of(info.split("\\s+")).contains(RUN_MARK);
            int start = i;
            i++;
            List<Integer> body = new ArrayList<>();
            while (i < lines.length && !closes(lines[i], fence)) {
                body.add(i);
                i++;
            }
            if (i == lines.length) {
                throw new DocException(file, start + 1, "fenced block not closed");
            }
            i++; // the closing fence
            block(file, lines, body, run, pwd, out);
        }
        return out;
    }

    private static boolean closes(String line, String fence) {
        String t = line.strip();
        return t.length() >= fence.length() && t.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static void block(String file, String[] lines, List<Integer> body, boolean run, String pwd,
                              List<Command> out) {
        int k = 0;
        while (k < body.size()) {
            int at = body.get(k);
            String first = lines[at].strip();
            if (!COMMAND.matcher(first).matches()) {
                if (run && !first.isEmpty()) {
                    throw new DocException(file, at + 1, "a " + RUN_MARK + " block shows '$ passthru ...' commands "
                            + "and their output only; this line is neither: " + first);
                }
                k++;
                continue;
            }
            if (run && !first.startsWith("$")) {
                throw new DocException(file, at + 1, "in a " + RUN_MARK + " block a command starts with '$ ', so "
                        + "that it stands apart from its output: " + first);
            }
            StringBuilder text = new StringBuilder(first.replaceFirst("^\\$ +", ""));
            while (text.toString().endsWith("\\")) {
                text.setLength(text.length() - 1);
                k++;
                if (k == body.size()) {
                    throw new DocException(file, at + 1, "the command's last line ends in '\\' (continued on no "
                            + "line)");
                }
                text.append(' ').append(lines[body.get(k)].strip());
            }
            k++;
            String joined = text.toString().replaceAll("\\s+", " ").strip();
            List<String> words = words(file, at + 1, joined, pwd);
            List<String> expected = new ArrayList<>();
            if (run) {
                while (k < body.size() && !COMMAND.matcher(lines[body.get(k)].strip()).matches()) {
                    String o = lines[body.get(k)].strip();
                    if (!o.isEmpty() && !o.equals(ELISION)) {
                        expected.add(o.replace("$PWD", pwd).replace("${PWD}", pwd));
                    }
                    k++;
                }
            }
            out.add(new Command(file, at + 1, joined, words.subList(1, words.size()), run, expected));
        }
    }

    /**
     * {@code line} split into words as a POSIX shell splits a simple command: blanks separate words; {@code '...'}
     * is literal; in {@code "..."} a backslash escapes {@code " \ $}; elsewhere a backslash escapes the next character;
     * a word starting with {@code #} starts a comment; {@code $PWD} and {@code ${PWD}} outside single quotes are
     * {@code pwd}. Other {@code $NAME}s stay as written (placeholders of commands that are parsed only).
     *
     * @throws DocException on an unclosed quote, or on {@code | & ; < > ( ) `} or {@code $(} outside quotes: these
     *                      documents show simple commands only
     */
    static List<String> words(String file, int lineNo, String line, String pwd) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
                continue;
            }
            if (w == null) {
                if (c == '#') {
                    break; // a comment, to the end of the line
                }
                w = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new DocException(file, lineNo, "unclosed ' in: " + line);
                }
                w.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder q = new StringBuilder();
                while (j < n && line.charAt(j) != '"') {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < n && "\"\\$".indexOf(line.charAt(j + 1)) >= 0) {
                        q.append(line.charAt(j + 1));
                        j += 2;
                    } else {
                        q.append(d);
                        j++;
                    }
                }
                if (j >= n) {
                    throw new DocException(file, lineNo, "unclosed \" in: " + line);
                }
                w.append(expand(q.toString(), pwd));
                i = j;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    w.append(line.charAt(++i));
                }
            } else if ("|&;<>()`".indexOf(c) >= 0 || (c == '$' && i + 1 < n && line.charAt(i + 1) == '(')) {
                throw new DocException(file, lineNo, "'" + c + "' outside quotes: only simple commands can be "
                        + "checked, not pipes, lists, redirections or substitutions: " + line);
            } else {
                int j = i;
                while (j < n && " \t'\"\\|&;<>()`".indexOf(line.charAt(j)) < 0
                        && !(line.charAt(j) == '$' && j + 1 < n && line.charAt(j + 1) == '(')) {
                    j++;
                }
                w.append(expand(line.substring(i, j), pwd));
                i = j - 1;
            }
        }
        if (w != null) {
            words.add(w.toString());
        }
        if (words.isEmpty() || !words.get(0).equals("passthru")) {
            throw new DocException(file, lineNo, "not a passthru command: " + line);
        }
        return words;
    }

    private static String expand(String s, String pwd) {
        return s.replace("${PWD}", pwd).replace("$PWD", pwd);
    }

    /**
     * What picocli says of {@code c} when the full command tree ({@link PassthruCli#commandLine()}) parses it: an
     * unknown subcommand or option, a missing or surplus parameter, a value that does not convert. Null when it
     * parses.
     */
    static String parseProblem(Command c) {
        CommandLine cl = PassthruCli.commandLine();
        try {
            CommandLine.ParseResult pr = cl.parseArgs(c.args().toArray(new String[0]));
            for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
                if (!p.unmatched().isEmpty()) {
                    return c.where() + ": " + c.text() + ": unmatched arguments " + p.unmatched();
                }
            }
            if (!pr.hasSubcommand() && !pr.isUsageHelpRequested() && !pr.isVersionHelpRequested()) {
                return c.where() + ": " + c.text() + ": no subcommand";
            }
            return null;
        } catch (CommandLine.ParameterException e) {
            return c.where() + ": " + c.text() + ": " + e.getMessage();
        }
    }

    /**
     * Runs {@code c} in-process ({@link CliRun}, as a shell runs passthru) and says what is wrong: a URI that is not
     * libvirt's test driver (these commands must not touch a real host), an exit code other than 0, no output line
     * shown to compare, or a shown line that is not in what it printed (compared with runs of blanks as one). Null
     * when none.
     */
    static String runProblem(Command c) {
        String where = c.where() + ": " + c.text() + ": ";
        boolean testUri = false;
        for (String a : c.args()) {
            if (a.contains(":/")) {
                if (!a.startsWith("test:")) {
                    return where + "runs against " + a + "; a " + RUN_MARK + " command may only use libvirt's test "
                            + "driver (test://...)";
                }
                testUri = true;
            }
        }
        if (!testUri) {
            return where + "names no test:// URI, so it would use qemu:///system; give -c test://...";
        }
        if (c.expected().isEmpty()) {
            return where + "shows no output to compare with what it prints: show at least one line of it";
        }
        CliRun r = CliRun.run(c.args().toArray(new String[0]));
        if (r.exit() != 0) {
            return where + "exit " + r.exit() + ", not 0\nstdout:\n" + r.out() + "stderr:\n" + r.err();
        }
        List<String> printed = r.out().lines().map(DocCommands::blanks).collect(Collectors.toList());
        List<String> missing = new ArrayList<>();
        for (String e : c.expected()) {
            String want = blanks(e);
            if (printed.stream().noneMatch(l -> l.contains(want))) {
                missing.add(e);
            }
        }
        if (!missing.isEmpty()) {
            return where + "the document shows " + missing + ", which it did not print; it printed:\n" + r.out();
        }
        return null;
    }

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    /**
     * The links between the documents that lead nowhere: a relative link (outside code) to a file that does not
     * exist, or to a heading ({@code #anchor}, as GitHub makes them) that a Markdown file does not have. Links with a
     * scheme ({@code https:}) are not followed.
     *
     * @param root the repository root
     * @param docs the documents to check (relative links resolve against each one's directory)
     */
    static List<String> brokenLinks(Path root, List<Path> docs) {
        List<String> out = new ArrayList<>();
        for (Path doc : docs) {
            List<String> lines = prose(read(doc));
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(lines.get(i).replaceAll("`[^`]*`", ""));
                while (m.find()) {
                    String link = m.group(1);
                    if (link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        continue;
                    }
                    int hash = link.indexOf('#');
                    String file = hash < 0 ? link : link.substring(0, hash);
                    Path target = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                    String where = root.relativize(doc) + ":" + (i + 1) + ": " + link;
                    if (!Files.exists(target)) {
                        out.add(where + ": no such file " + root.relativize(target));
                    } else if (hash >= 0 && target.toString().endsWith(".md")
                            && !anchors(read(target)).contains(link.substring(hash + 1))) {
                        out.add(where + ": " + root.relativize(target) + " has no heading with that anchor");
                    }
                }
            }
        }
        return out;
    }

    /** The anchors GitHub gives the headings of {@code markdown}: lower case, punctuation dropped, blanks as '-'. */
    static List<String> anchors(String markdown) {
        List<String> out = new ArrayList<>();
        for (String l : prose(markdown)) {
            Matcher h = HEADING.matcher(l);
            if (h.matches()) {
                out.add(h.group(1).toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        }
        return out;
    }

    /** {@code markdown}'s lines with those of fenced blocks blanked (their line numbers kept). */
    private static List<String> prose(String markdown) {
        List<String> out = new ArrayList<>();
        String fence = null;
        for (String l : markdown.split("\n", -1)) {
            Matcher f = FENCE.matcher(l);
            if (fence == null && f.matches()) {
                fence = f.group(1);
                out.add("");
            } else if (fence != null) {
                if (closes(l, fence)) {
                    fence = null;
                }
                out.add("");
            } else {
                out.add(l);
            }
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blanks(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
