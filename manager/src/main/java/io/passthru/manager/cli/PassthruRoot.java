package io.passthru.manager.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * The top-level {@code passthru} command without its subcommands: name, version, help options and the exit codes, all
 * inherited by every subcommand ({@code scope = INHERIT}). {@link PassthruCli} adds the subcommands. Apart, it lets
 * {@link PassthruCli#commandLine(String...)} build only the subcommand a command line names: picocli reads every
 * option annotation of every subcommand it is given, and that is most of a cold start.
 */
@Command(name = "passthru", mixinStandardHelpOptions = true, version = "passthru 0.1.0",
        description = "Pass SR-IOV VFs through VFIO to libvirt guests and live-migrate them without losing network.",
        scope = CommandLine.ScopeType.INHERIT, // --help, --version and the exit codes on every subcommand
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (the message says which step and why; check-host: a check failed)",
                "2:bad usage: unknown command or option, missing or invalid value",
                "3:host not ready: libvirt unreachable, or the host cannot pass VFs through (run check-host)",
                "130:interrupted (Ctrl-C) before the migration completed: the job was aborted and rolled back"})
public class PassthruRoot implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec self;

    /** For picocli; {@link PassthruCli} is the command with subcommands. */
    public PassthruRoot() {
    }

    /** {@code passthru} without a subcommand is a usage error ({@link PassthruCli#EXIT_USAGE}). */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(self.commandLine(), "missing command: give one of "
                + String.join(", ", self.subcommands().keySet()));
    }
}
