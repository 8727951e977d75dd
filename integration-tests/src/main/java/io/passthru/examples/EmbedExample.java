package io.passthru.examples;

import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.PassthruException;
import io.passthru.manager.error.HostNotReadyException;
import io.passthru.manager.Hotplug;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.manager.MigrationFlow;
import io.passthru.manager.Saga;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;

import java.io.PrintStream;
import java.util.List;

/**
 * passthru embedded in a cloud stack's own Java process, without the CLI: hot-plug a VF into a running guest, bond it
 * with the guest's virtual NIC as the active slave, then live-migrate the guest to another host with the VF-aware
 * {@link MigrationFlow} (which unplugs the VF, migrates, plugs a free VF on the destination and makes it the active
 * slave again).
 *
 * <p>The API in three calls, all on one {@link Hosts} (one libvirt connection per URI and the libvirt event loop, for
 * the life of the process; close it at the end):
 * <pre>{@code
 * try (Hosts hosts = new Hosts()) {
 *     Hotplug hotplug = new Hotplug();
 *     Host source = hosts.open("qemu+tcp://host1/system");
 *     hotplug.attachVf(source, "guest1", PciAddress.parse("0000:01:10.0"), MacAddress.parse("52:54:00:a1:00:60"));
 *     hotplug.enslaveActive(source, "guest1", "52:54:00:a1:00:60", "bond0");
 *     MigrationFlow.Report report = new MigrationFlow(hosts, hotplug).migrate(new MigrationFlow.Request(
 *             "qemu+tcp://host1/system", "guest1", "qemu+tcp://host2/system", "tcp://198.51.100.2", null));
 * }
 * }</pre>
 * Every failure is an unchecked {@link PassthruException}; the typed ones a caller may handle are
 * {@link HostNotReadyException} (fix the host, see {@code passthru check-host}), {@link MigrationFailedException}
 * (which step, and whether the guest was rolled back to the source) and {@code DomainNotFoundException}.
 *
 * <p>Run it: {@code java -cp "integration-tests/target/classes:manager/target/passthru/lib/*"
 * io.passthru.examples.EmbedExample SOURCE_URI DEST_URI DOMAIN VF MAC BOND MIGRATE_URI}. The guest must run on the
 * source with the guest agent and an active-backup bond over its virtual NIC (as the lab's guests do).
 */
public final class EmbedExample {
    /** The arguments of {@link #main}, in order. */
    static final List<String> ARGS = List.of("SOURCE_URI", "DEST_URI", "DOMAIN", "VF", "MAC", "BOND", "MIGRATE_URI");

    private EmbedExample() {
    }

    /**
     * What {@link #attachAndMigrate} did.
     *
     * @param attach     the hot-plug on the source (VF, MAC, libvirt's and the guest's time in ms)
     * @param sourceLink the guest's name of the VF netdev on the source, made the bond's active slave
     * @param migration  the migration's timeline, destination VF, VF gap and libvirt's statistics
     */
    public record Result(Hotplug.AttachResult attach, String sourceLink, MigrationFlow.Report migration) {
    }

    /**
     * Attaches {@code vf} to {@code domain} on {@code sourceUri} with {@code mac}, enslaves it into {@code bond} as
     * the active slave, and migrates the domain to {@code destUri} (migration data over {@code migrateUri}, e.g.
     * {@code tcp://198.51.100.2}, or libvirt's choice when null), where the first free VF of the same
     * vendor and product is plugged and made the active slave.
     *
     * @param hosts the process's connections; left open
     * @return what was done, step by step
     * @throws HostNotReadyException     when a host is unreachable or cannot pass the VF through; nothing changed
     * @throws MigrationFailedException  naming the failed step; {@link MigrationFailedException#rolledBack()} says
     *                                   whether the guest runs on the source again with its VF
     * @throws PassthruException         for any other failure (unknown domain, VF in use, guest agent silent, ...)
     */
    public static Result attachAndMigrate(Hosts hosts, String sourceUri, String destUri, String domain, PciAddress vf,
                                          MacAddress mac, String bond, String migrateUri) {
        Hotplug hotplug = new Hotplug();
        Host source = hosts.open(sourceUri);
        Hotplug.AttachResult attach = hotplug.attachVf(source, domain, vf, mac);
        String link = hotplug.enslaveActive(source, domain, attach.mac(), bond);
        MigrationFlow.Report report = new MigrationFlow(hosts, hotplug).migrate(
                new MigrationFlow.Request(sourceUri, domain, destUri, migrateUri, null));
        return new Result(attach, link, report);
    }

    /**
     * Parses the seven arguments, runs {@link #attachAndMigrate} on a {@link Hosts} of its own and prints what
     * happened to {@code out}, or the error to {@code err}.
     *
     * @return the exit status: 0 done, 1 failed, 2 wrong arguments, 3 host not ready (as the {@code passthru} CLI)
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != ARGS.size()) {
            err.println("usage: EmbedExample " + String.join(" ", ARGS));
            err.println("  e.g. qemu+tcp://127.0.0.1:16509/system qemu+tcp://127.0.0.1:16510/system guest1 "
                    + "0000:01:10.0 52:54:00:a1:00:60 bond0 tcp://198.51.100.2");
            return 2;
        }
        PciAddress vf;
        MacAddress mac;
        try {
            vf = PciAddress.parse(args[3]);
            mac = MacAddress.parse(args[4]);
        } catch (PassthruException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try (Hosts hosts = new Hosts()) {
            Result r = attachAndMigrate(hosts, args[0], args[1], args[2], vf, mac, args[5], args[6]);
            out.printf("attached VF %s to %s as %s (MAC %s) in %d ms; %s is %s's active slave%n", r.attach().vf(),
                    r.attach().domain(), r.sourceLink(), r.attach().mac(), r.attach().libvirtMs()
                            + r.attach().guestMs(), r.sourceLink(), args[5]);
            MigrationFlow.Report m = r.migration();
            out.printf("migrated %s: %s -> %s, VF %s -> %s, VF gap %d ms, total %d ms%n", m.domain(), m.source(),
                    m.destination(), m.sourceVf(), m.destVf(), m.vfGapMs(), m.totalMs());
            for (Saga.Step s : m.steps()) {
                out.printf("  %-44s %6d ms  %s%n", s.name(), s.durationMs(), s.outcome());
            }
            return 0;
        } catch (MigrationFailedException e) {
            err.println("error: migration failed at step '" + e.step() + "' (" + (e.rolledBack()
                    ? "rolled back: the guest runs on the source with its VF" : "not rolled back") + "): "
                    + e.getMessage());
            return 1;
        } catch (HostNotReadyException e) {
            err.println("error: host not ready: " + e.getMessage());
            return 3;
        } catch (PassthruException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Entry point; exits with {@link #run}'s status.
     *
     * @param args SOURCE_URI DEST_URI DOMAIN VF MAC BOND MIGRATE_URI
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
