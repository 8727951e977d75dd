package io.passthru.manager.cli;

import io.passthru.manager.Mdevs;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code passthru mdev list|create|remove}: mediated devices of a host through libvirt's node device API
 * ({@link Mdevs}; libvirt runs mdevctl, as {@code virsh nodedev-define}/{@code nodedev-start} and
 * {@code nodedev-destroy}/{@code nodedev-undefine} do).
 */
@Command(name = "mdev", description = "Mediated devices (mdevs): list the host's mdev parents, their types and its "
        + "mdevs; create one of a type (defined and started, through libvirt and mdevctl); remove one no domain holds.",
        subcommands = {MdevCommand.ListMdevs.class, MdevCommand.Create.class, MdevCommand.Remove.class})
final class MdevCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: list, create or remove");
    }

    @Command(name = "list", description = "The host's mdev parents with their types (free instances, device API) and "
            + "its mdevs (type, parent, started or only defined, the domain holding each).")
    static final class ListMdevs implements Callable<Integer> {
        @Mixin PassthruCli.Common common;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Hosts hosts = new Hosts()) {
                Host h = hosts.open(common.uri);
                print(spec.commandLine().getOut(), Mdevs.types(h), Mdevs.list(h), common.json());
                return 0;
            }
        }
    }

    /** The types and mdevs as a table (or JSON: {@code {"types": [...], "mdevs": [...]}}). */
    static void print(PrintWriter out, List<Mdevs.MdevType> types, List<Mdevs.Mdev> mdevs, boolean json) {
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("types", types);
            all.put("mdevs", mdevs);
            PassthruCli.printJson(out, all);
            return;
        }
        out.printf("%-20s %-14s %-14s %-10s %-10s %s%n", "MDEV PARENT", "ADDRESS", "TYPE", "API", "FREE", "NAME");
        if (types.isEmpty()) {
            out.println("(no mdev parent: no driver offering mediated devices is loaded)");
        }
        for (Mdevs.MdevType t : types) {
            out.printf("%-20s %-14s %-14s %-10s %-10d %s%n", t.parent(), t.parentAddress(), t.id(),
                    PassthruCli.ListVfs.dash(t.deviceApi()), t.available(), PassthruCli.ListVfs.dash(t.name()));
        }
        out.printf("%-38s %-14s %-20s %-10s %-16s %s%n", "MDEV", "TYPE", "PARENT", "STATE", "USED BY",
                "MIGRATES BY");
        for (Mdevs.Mdev m : mdevs) {
            out.printf("%-38s %-14s %-20s %-10s %-16s %s%n", m.uuid(), PassthruCli.ListVfs.dash(m.type()), m.parent(),
                    m.active() ? (m.persistent() ? "started" : "transient") : "defined",
                    PassthruCli.ListVfs.dash(m.usedBy()), io.passthru.manager.MigrationPlan.STATE);
        }
    }

    @Command(name = "create", description = "Create an mdev of a type: defined (mdevctl keeps it) and started, through "
            + "libvirt's node device API; waits until libvirt reports it started. Prints its UUID.")
    static final class Create implements Callable<Integer> {
        @Mixin PassthruCli.Common common;
        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "the mdev type, e.g. mtty-2 or "
                + "nvidia-63 (passthru mdev list shows the host's)") String type;
        @Option(names = "--parent", paramLabel = "PARENT", description = "the parent (node device name, e.g. "
                + "mtty_mtty, or its address, e.g. 0000:06:00.0); default: the first offering the type with an "
                + "instance free") String parent;
        @Option(names = "--uuid", paramLabel = "UUID", description = "the mdev's UUID (default: a random one)") String uuid;
        @Option(names = "--pool", defaultValue = "/etc/passthru/pool.json", paramLabel = "FILE", description = "device "
                + "pool: when its device_spec names mdev types (\"mdev_type\"), only those may be created, on the "
                + "parents its entries match (default: ${DEFAULT-VALUE} when it exists)") String pool;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            io.passthru.manager.pool.DevicePool rules = PassthruCli.optionalPool(PassthruCli.poolFile(
                    spec.commandLine(), "--pool", pool));
            try (Hosts hosts = new Hosts()) {
                Mdevs.Mdev m = Mdevs.create(hosts.open(common.uri), type, parent, uuid, rules);
                PrintWriter out = spec.commandLine().getOut();
                if (common.json()) {
                    PassthruCli.printJson(out, m);
                } else {
                    out.printf("created mdev %s (type %s on %s, node device %s) on %s%n", m.uuid(), m.type(),
                            m.parent(), m.nodeDevice(), common.uri);
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "Remove an mdev: stopped and undefined through libvirt; refused, with "
            + "nothing changed, while a domain's XML holds it.")
    static final class Remove implements Callable<Integer> {
        @Mixin PassthruCli.Common common;
        @Parameters(index = "0", paramLabel = "UUID") String uuid;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Hosts hosts = new Hosts()) {
                Mdevs.remove(hosts.open(common.uri), uuid);
                spec.commandLine().getOut().printf("removed mdev %s from %s%n", uuid, common.uri);
                return 0;
            }
        }
    }
}
