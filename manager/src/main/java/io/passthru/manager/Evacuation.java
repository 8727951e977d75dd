package io.passthru.manager;

import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.MigrationFailedException;
import io.passthru.PassthruException;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.pool.DevicePool;
import io.passthru.xml.PciAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Evacuation of a host: every running domain of one libvirt host is live-migrated to another, {@code parallel} at a
 * time, each by a {@link Migrator} (normally {@link MigrationFlow#migrate} in {@link MigrationFlow.Mode#AUTO}, which
 * picks failover, bond or plain live migration per guest). A guest that fails does not stop the others: its
 * {@link GuestResult} says how it failed and where it runs. Destination VFs need no coordination here: each
 * migration lets libvirt arbitrate the VF it plugs (a VF another migration took is skipped and the next tried), as
 * {@code attach --alias} does, so concurrent migrations to one destination are safe.
 *
 * <p>Times are in ms: each guest's {@code startMs} is its offset from the start of {@link #evacuate}, the
 * {@linkplain Result#makespanMs() makespan} the time from that start until the last guest finished.
 */
public final class Evacuation {
    /** {@link GuestResult#outcome()}: the migrator returned a report; the guest runs on the destination. */
    public static final String MIGRATED = "migrated";
    /**
     * {@link GuestResult#outcome()}: the migrator threw a {@link PassthruException} other than
     * {@link MigrationFailedException} (a pre-check, no free VF on the destination, a name taken there, another
     * operation in progress): nothing was changed and the guest runs on the source.
     */
    public static final String REFUSED = "refused";
    /**
     * {@link GuestResult#outcome()}: the migrator threw a {@link MigrationFailedException} (a step failed after
     * something was changed; {@link GuestResult#rolledBack()} and {@link GuestResult#runningOn()} say how it ended)
     * or another {@link RuntimeException} (where the guest runs is then unknown).
     */
    public static final String FAILED = "failed";

    /** Migrates one guest; called on a thread of the evacuation's pool, up to {@code parallel} at once. */
    @FunctionalInterface
    public interface Migrator {
        /**
         * Live-migrates {@code domain} from {@code fromUri} to {@code toUri}.
         *
         * @return the migration's report (the guest runs on {@code toUri})
         * @throws RuntimeException when it did not migrate: a {@link MigrationFailedException} after a change, another
         *                          {@link PassthruException} when it was refused before any change
         */
        MigrationFlow.Report migrate(String fromUri, String toUri, String domain);
    }

    /**
     * One guest's result.
     *
     * @param domain     the domain's name, as given to {@link #evacuate}
     * @param mode       the migration mode that ran ({@link MigrationFlow.Report#mode()}: {@code bond},
     *                   {@code failover}, {@code plain}...), null when it did not migrate
     * @param outcome    {@link #MIGRATED}, {@link #REFUSED} or {@link #FAILED}
     * @param startMs    when its migration started, ms after the evacuation started
     * @param durationMs how long its migration took, ms
     * @param sourceVf   its VF on the source, null without one or when it did not migrate
     * @param destVf     its VF on the destination, null without one or when it did not migrate
     * @param vfGapMs    time its bond had no VF as active slave, ms ({@link MigrationFlow.Report#vfGapMs()}); null
     *                   when it did not migrate
     * @param downtimeMs libvirt's downtime of the live migration, ms ({@code downtime} of the completed job's
     *                   statistics), null when libvirt reported none or it did not migrate
     * @param error      the failure's message, null when migrated
     * @param step       the step that failed ({@link PassthruException#step()}), or null
     * @param rolledBack for {@link #FAILED} by a {@link MigrationFailedException}: its
     *                   {@link MigrationFailedException#rolledBack()}; else null
     * @param runningOn  libvirt URI where the guest runs: the destination when migrated, the source when refused,
     *                   {@link MigrationFailedException#runningOn()} when failed (null: unknown)
     * @param leftToDo   {@link MigrationFailedException#leftToDo()}: what an operator still has to do, or null
     * @param report     the migration's whole report when migrated, else null (for {@link MigrationMetrics}; not in
     *                   the JSON, whose rows stay as they are)
     */
    public record GuestResult(String domain, String mode, String outcome, long startMs, long durationMs,
                              PciAddress sourceVf, PciAddress destVf, Long vfGapMs, Long downtimeMs, String error,
                              String step, Boolean rolledBack, String runningOn, String leftToDo,
                              @com.fasterxml.jackson.annotation.JsonIgnore MigrationFlow.Report report) {
        /** Without the report. */
        public GuestResult(String domain, String mode, String outcome, long startMs, long durationMs,
                           PciAddress sourceVf, PciAddress destVf, Long vfGapMs, Long downtimeMs, String error,
                           String step, Boolean rolledBack, String runningOn, String leftToDo) {
            this(domain, mode, outcome, startMs, durationMs, sourceVf, destVf, vfGapMs, downtimeMs, error, step,
                    rolledBack, runningOn, leftToDo, null);
        }

        /** True when the guest was migrated. */
        public boolean migrated() {
            return MIGRATED.equals(outcome);
        }
    }

    /**
     * The whole evacuation.
     *
     * @param from       source libvirt URI
     * @param to         destination libvirt URI
     * @param parallel   how many guests were migrated at once at most (as asked)
     * @param makespanMs from the start of the evacuation until the last guest finished, ms
     * @param migrated   guests with outcome {@link #MIGRATED}
     * @param refused    guests with outcome {@link #REFUSED}
     * @param failed     guests with outcome {@link #FAILED}
     * @param guests     one result per domain, in the order the domains were given
     */
    public record Result(String from, String to, int parallel, long makespanMs, int migrated, int refused, int failed,
                         List<GuestResult> guests) {
        public Result {
            guests = List.copyOf(guests);
        }

        /** True when any guest was not migrated (refused or failed): {@code passthru evacuate} then exits 1. */
        public boolean anyFailed() {
            return refused + failed > 0;
        }
    }

    private final String toUri;
    private final Migrator migrator;

    /**
     * An evacuation to {@code toUri} that migrates each guest with {@code migrator}.
     *
     * @throws NullPointerException when either is null
     */
    public Evacuation(String toUri, Migrator migrator) {
        this.toUri = Objects.requireNonNull(toUri, "toUri");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
    }

    /**
     * An evacuation to {@code toUri} by {@link MigrationFlow} in {@link MigrationFlow.Mode#AUTO}: each guest gets
     * {@code new MigrationFlow.Request(from, name, toUri, migrateUri, null, pool, destPool, controls.apply(name),
     * Mode.AUTO)}.
     *
     * <p>Each guest's migration opens connections of its own to both hosts and closes them when it ends: libvirtd
     * serves at most {@code max_client_requests} calls of one connection at once (5 by default, libvirtd.conf), and
     * each migration holds one of them for its whole length (the source's {@code Perform} call), so migrations
     * sharing a connection would leave the rest of their calls (guest agent, device plug, XML reads) one slot.
     *
     * @param migrateUri migration data URI (e.g. {@code tcp://198.51.100.2}), or null for libvirt's choice
     * @param pool       the source host's device pool, or null
     * @param destPool   the destination host's device pool, or null
     * @param controls   the controls of each guest's migration, by domain name; called once per guest, so that each
     *                   gets its own {@link Cancellation} and listener (a {@link Cancellation} serves one migration
     *                   at a time); null: {@link MigrationControls#defaults()}
     */
    public static Evacuation withMigrationFlow(Hotplug hotplug, String toUri, String migrateUri, DevicePool pool,
                                               DevicePool destPool, Function<String, MigrationControls> controls) {
        return withMigrationFlow(hotplug, toUri, migrateUri, null, pool, destPool, controls);
    }

    /**
     * {@link #withMigrationFlow(Hotplug, String, String, DevicePool, DevicePool, Function)}, each guest migrated
     * peer-to-peer when {@code p2pUri} is given: the destination's libvirt URI as the source host's libvirtd reaches
     * it ({@link MigrationFlow.Request#p2pUri()}).
     */
    public static Evacuation withMigrationFlow(Hotplug hotplug, String toUri, String migrateUri, String p2pUri,
                                               DevicePool pool, DevicePool destPool,
                                               Function<String, MigrationControls> controls) {
        return new Evacuation(toUri, (from, to, name) -> {
            try (Hosts own = new Hosts()) {
                return new MigrationFlow(own, hotplug).migrate(new MigrationFlow.Request(from, name, to, migrateUri,
                        null, pool, destPool, controls == null ? null : controls.apply(name),
                        MigrationFlow.Mode.AUTO, p2pUri));
            }
        });
    }

    /**
     * Names of the domains running on {@code host}, sorted; a domain that stops or vanishes while the list is read
     * is left out.
     *
     * @throws PassthruException when libvirt cannot list the domains
     */
    public static List<String> runningDomains(Host host) {
        List<String> names = new ArrayList<>();
        for (org.libvirt.Domain dom : host.allDomains()) {
            try {
                if (Host.isActive(dom)) {
                    names.add(Host.name(dom));
                }
            } catch (DomainNotFoundException gone) {
                // undefined since the list was read: nothing to evacuate
            }
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /**
     * Checks an evacuation request before anything is changed.
     *
     * @throws InvalidRequestException when {@code parallel} is below 1 or {@code fromUri} equals {@code toUri},
     *                                 naming the fix
     */
    public static void validate(String fromUri, String toUri, int parallel) {
        if (parallel < 1) {
            throw new InvalidRequestException("--parallel must be 1 or more (how many guests migrate at once), not "
                    + parallel + ": give --parallel 1 to migrate one guest after the other");
        }
        if (Objects.equals(fromUri, toUri)) {
            throw new InvalidRequestException("source and destination are the same libvirt host (" + fromUri
                    + "): give --to the URI of another host");
        }
    }

    /**
     * Migrates {@code domains} from {@code fromUri} to this evacuation's destination, {@code parallel} at a time,
     * on a fixed pool of {@code parallel} threads, in the order given (the first {@code parallel} start at once,
     * each next one when a migration ends). Every domain gets a result, whatever happened to the others.
     *
     * @param domains names of the domains to migrate, normally {@link #runningDomains(Host)} of the source; empty:
     *                nothing is done and the result has no guests
     * @return the result, with the guests in the order of {@code domains}
     * @throws InvalidRequestException when {@code parallel} is below 1 or the source is the destination (nothing was
     *                                 changed)
     * @throws PassthruException       when the thread waiting for the migrations is interrupted (the migrations under
     *                                 way are not stopped)
     */
    public Result evacuate(String fromUri, List<String> domains, int parallel) {
        validate(fromUri, toUri, parallel);
        long t0 = System.nanoTime();
        List<GuestResult> results = new ArrayList<>(domains.size());
        if (!domains.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, domains.size()), threads());
            try {
                List<Future<GuestResult>> futures = new ArrayList<>(domains.size());
                for (String name : domains) {
                    futures.add(pool.submit(() -> migrateOne(fromUri, name, t0)));
                }
                for (Future<GuestResult> f : futures) {
                    results.add(await(f));
                }
            } finally {
                pool.shutdown();
            }
        }
        long makespan = ms(t0);
        int migrated = count(results, MIGRATED);
        int refused = count(results, REFUSED);
        int failed = count(results, FAILED);
        return new Result(fromUri, toUri, parallel, makespan, migrated, refused, failed, results);
    }

    private GuestResult migrateOne(String fromUri, String name, long t0) {
        long start = ms(t0);
        try {
            MigrationFlow.Report r = migrator.migrate(fromUri, toUri, name);
            Long downtime = r.migrationStats() == null ? null : r.migrationStats().get("downtime");
            return new GuestResult(name, r.mode(), MIGRATED, start, ms(t0) - start, r.sourceVf(), r.destVf(),
                    r.vfGapMs(), downtime, null, null, null, toUri, null, r);
        } catch (MigrationFailedException e) {
            return new GuestResult(name, null, FAILED, start, ms(t0) - start, null, null, null, null,
                    e.getMessage(), e.step(), e.rolledBack(), e.runningOn(), e.leftToDo());
        } catch (PassthruException e) {
            return new GuestResult(name, null, REFUSED, start, ms(t0) - start, null, null, null, null,
                    e.getMessage(), e.step() == null ? "pre-checks" : e.step(), null, fromUri, null);
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            return new GuestResult(name, null, FAILED, start, ms(t0) - start, null, null, null, null, msg, null,
                    null, null, null);
        }
    }

    private static GuestResult await(Future<GuestResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PassthruException("interrupted while waiting for the evacuation's migrations (those under "
                    + "way were not stopped)", e);
        } catch (ExecutionException e) {
            // migrateOne catches every RuntimeException: only an Error gets here
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "passthru-evacuate-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static int count(List<GuestResult> results, String outcome) {
        return (int) results.stream().filter(g -> outcome.equals(g.outcome())).count();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
