package io.passthru.manager.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The CLI run in-process, as a shell would run it: its exit code and what it wrote to standard output and error. */
record CliRun(int exit, String out, String err) {
    /** {@code passthru ARGS}. */
    static CliRun run(String... args) {
        return run(PassthruCli.commandLine(args), args);
    }

    /** {@code args} on a command line built already (e.g. with another default provider). */
    static CliRun run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The first line of standard output that starts with {@code start}. */
    String line(String start) {
        return out.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(start + " not listed: " + out));
    }
}
