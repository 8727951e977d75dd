package io.passthru.manager.libvirt;

import io.passthru.PassthruException;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.DomainJobStats;
import org.libvirt.LibvirtException;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.libvirt.TypedUlongParameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The per-domain libvirt calls passthru makes beyond {@link Host}'s reads ({@link Host#xml}, {@link Host#name},
 * {@link Host#uuid}, {@link Host#isActive}, {@link Host#isPersistent}): device attach and detach, the metadata
 * element of the operation journal, the persistent XML for a redefinition, undefine, a QMP command, the job
 * statistics and its abort, the state (active, paused, persistent), resume and destroy, and live migration; and their
 * flags, with libvirt's numbers (libvirt-domain.h, libvirt-qemu.h). Each call maps a
 * {@link LibvirtException} to a typed {@link PassthruException} ({@link LibvirtErrors#wrap}) whose message is
 * {@code what} followed by " failed: " and libvirt's message. Live migration ({@link #migrate}, {@link #migrateToUri})
 * lets its caller say what a failure means first ({@link MigrationFailure}). None of these calls is bounded in time;
 * a caller that must not hang on a daemon wraps them in {@link Host#bounded}.
 */
public final class Domains {
    /** {@code VIR_DOMAIN_AFFECT_CURRENT}: the live definition when the domain runs, else the persistent one. */
    public static final int AFFECT_CURRENT = 0;
    /** {@code VIR_DOMAIN_AFFECT_LIVE}: the running domain. */
    public static final int AFFECT_LIVE = 1;
    /** {@code VIR_DOMAIN_AFFECT_CONFIG}: the persistent definition. */
    public static final int AFFECT_CONFIG = 2;
    /** {@code VIR_DOMAIN_XML_SECURE}: the XML with secrets (e.g. passwords of graphics). */
    public static final int XML_SECURE = 1;
    /** {@code VIR_DOMAIN_XML_INACTIVE}: the persistent definition instead of the live one. */
    public static final int XML_INACTIVE = 2;
    /** {@code VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE}: the persistent XML with secrets, for redefining. */
    public static final int XML_FOR_DEFINE = XML_SECURE | XML_INACTIVE;
    /** {@code VIR_DOMAIN_METADATA_ELEMENT}: metadata type of an element of its own namespace in {@code <metadata>}. */
    public static final int METADATA_ELEMENT = 2;
    /** {@code VIR_DOMAIN_JOB_STATS_COMPLETED}: the statistics of the domain's last completed job. */
    public static final int JOB_STATS_COMPLETED = 1;
    /** {@code VIR_DOMAIN_QEMU_MONITOR_COMMAND_DEFAULT} (libvirt-qemu.h): the command is QMP (JSON). */
    public static final int QEMU_MONITOR_COMMAND_DEFAULT = 0;
    /** {@code VIR_MIGRATE_LIVE}: the guest runs on while its memory is copied. */
    public static final long MIGRATE_LIVE = 1;
    /** {@code VIR_MIGRATE_PEER2PEER}: the source libvirtd drives every phase of the migration itself. */
    public static final long MIGRATE_PEER2PEER = 2;
    /** {@code VIR_MIGRATE_PERSIST_DEST}: the guest is defined (persistent) on the destination. */
    public static final long MIGRATE_PERSIST_DEST = 8;
    /** {@code VIR_MIGRATE_UNDEFINE_SOURCE}: the source's definition is removed once the migration is done. */
    public static final long MIGRATE_UNDEFINE_SOURCE = 16;
    /** {@code VIR_MIGRATE_AUTO_CONVERGE}: QEMU throttles the guest's vCPUs when its memory changes faster than sent. */
    public static final long MIGRATE_AUTO_CONVERGE = 1 << 13;
    /**
     * {@code VIR_MIGRATE_POSTCOPY}: the migration may switch to post-copy ({@link #startPostCopy}): the guest then
     * runs on the destination, which pulls the pages not yet sent from the source.
     */
    public static final long MIGRATE_POSTCOPY = 1 << 15;
    /** {@code VIR_DOMAIN_RUNNING_POSTCOPY}: running on the destination of a post-copy migration (libvirt 1.3.3). */
    public static final int RUNNING_POSTCOPY = 10;
    /** {@code VIR_DOMAIN_RUNNING_POSTCOPY_FAILED}: running after a post-copy migration failed (libvirt 8.5). */
    public static final int RUNNING_POSTCOPY_FAILED = 11;
    /** {@code VIR_DOMAIN_PAUSED_POSTCOPY}: the source of a post-copy migration (libvirt 1.3.3). */
    public static final int PAUSED_POSTCOPY = 12;
    /** {@code VIR_DOMAIN_PAUSED_POSTCOPY_FAILED}: paused after a post-copy migration failed (libvirt 1.3.3). */
    public static final int PAUSED_POSTCOPY_FAILED = 13;
    /** {@code VIR_DOMAIN_RUNNING} and {@code VIR_DOMAIN_PAUSED} of {@code virDomainState}. */
    public static final int STATE_RUNNING = 1;
    public static final int STATE_PAUSED = 3;

    /**
     * {@code VIR_MIGRATE_LIVE | VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE}: the guest moves, running,
     * and is defined on the destination only.
     */
    public static final long MIGRATE_MOVE = MIGRATE_LIVE | MIGRATE_PERSIST_DEST | MIGRATE_UNDEFINE_SOURCE;

    private Domains() {
    }

    /**
     * Adds the device {@code deviceXml} (a {@code <hostdev>} or {@code <interface>} element) to {@code dom}:
     * {@code virDomainAttachDeviceFlags}. With {@link #AFFECT_LIVE} it is a hot-plug and returns once QEMU added the
     * device (the guest may not see it yet); with {@link #AFFECT_CONFIG} the persistent definition gets it too.
     *
     * @param flags {@link #AFFECT_LIVE} and/or {@link #AFFECT_CONFIG}
     * @param what  what passthru was doing, for the message (e.g. "hot-plug VF 0000:03:10.0 into domain 'g1' on URI")
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap}) when libvirt refuses, e.g. the device is in use
     */
    public static void attachDevice(Domain dom, String deviceXml, int flags, String what) {
        try {
            dom.attachDeviceFlags(deviceXml, flags);
        } catch (LibvirtException e) {
            throw LibvirtErrors.wrap(what, e);
        }
    }

    /**
     * Adds ({@code attach}) or removes the device {@code deviceXml} in the persistent definition only:
     * {@code virDomainAttachDeviceFlags} / {@code virDomainDetachDeviceFlags} with {@link #AFFECT_CONFIG}.
     *
     * @return false, and nothing changed, when the driver cannot edit a definition in place: it answers
     *         {@code VIR_ERR_NO_SUPPORT}, or {@code VIR_ERR_INVALID_ARG} with "unsupported flags" (libvirt's test
     *         driver); the caller redefines the domain instead
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt refuses otherwise
     */
    public static boolean editConfigInPlace(Domain dom, String deviceXml, boolean attach, String what) {
        try {
            if (attach) {
                dom.attachDeviceFlags(deviceXml, AFFECT_CONFIG);
            } else {
                dom.detachDeviceFlags(deviceXml, AFFECT_CONFIG);
            }
            return true;
        } catch (LibvirtException e) {
            int code = LibvirtErrors.code(e);
            boolean unsupported = code == LibvirtErrors.VIR_ERR_NO_SUPPORT
                    || code == LibvirtErrors.VIR_ERR_INVALID_ARG
                    && LibvirtErrors.message(e).contains("unsupported flags");
            if (!unsupported) {
                throw LibvirtErrors.wrap(what, e);
            }
            return false;
        }
    }

    /**
     * One request to unplug the device {@code deviceXml} from the running domain: {@code virDomainDetachDeviceFlags}.
     * It returns once QEMU asked the guest to release the device; the removal is done when libvirt emits
     * {@code DEVICE_REMOVED} ({@link DeviceEventWatch}), which the caller waits for. A refusal is not an error when
     * an earlier unplug of the device is still pending (libvirt's message names it: "already in the process of
     * unplug"), nor for a {@code repeated} request: the wait for the event decides.
     *
     * @param flags    {@link #AFFECT_LIVE}
     * @param repeated true for the second and later requests for the same device
     * @param what     what passthru was doing, for the message (e.g. "hot-unplug VF 0000:03:10.0 from domain 'g1'")
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap}) when libvirt refuses a first request otherwise
     */
    public static void requestDetach(Domain dom, String deviceXml, int flags, boolean repeated, String what) {
        try {
            dom.detachDeviceFlags(deviceXml, flags);
        } catch (LibvirtException e) {
            if (!repeated && !LibvirtErrors.message(e).contains("unplug")) {
                throw LibvirtErrors.wrap(what, e);
            }
        }
    }

    /**
     * The persistent definition of {@code dom} with its secrets, as a redefinition needs it:
     * {@code virDomainGetXMLDesc} with {@link #XML_FOR_DEFINE}.
     *
     * @param what what passthru was doing, for the message (e.g. "read persistent XML of 'g1'")
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap}) when libvirt fails
     */
    public static String xmlForDefine(Domain dom, String what) {
        return Host.call(what, () -> dom.getXMLDesc(XML_FOR_DEFINE));
    }

    /**
     * Removes the persistent definition of {@code dom} ({@code virDomainUndefine}); a running domain goes on as a
     * transient one.
     *
     * @param what what passthru was doing, for the message
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap}) when libvirt fails
     */
    public static void undefine(Domain dom, String what) {
        Host.call(what, () -> {
            dom.undefine();
            return null;
        });
    }

    /**
     * The metadata element of namespace {@code namespaceUri} in {@code dom}'s {@code <metadata>}, as libvirt stores
     * it (without its namespace declaration): {@code virDomainGetMetadata} with {@link #METADATA_ELEMENT}.
     *
     * @param flags {@link #AFFECT_CURRENT}, {@link #AFFECT_LIVE} or {@link #AFFECT_CONFIG}: which definition is read
     * @return empty when the domain has no such element ({@code VIR_ERR_NO_DOMAIN_METADATA}, or a message saying
     *         "metadata not found"), or libvirt returned none
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt fails otherwise
     */
    public static Optional<String> elementMetadata(Domain dom, String namespaceUri, int flags, String what) {
        try {
            return Optional.ofNullable(dom.getMetadata(METADATA_ELEMENT, namespaceUri, flags));
        } catch (LibvirtException e) {
            if (LibvirtErrors.code(e) == LibvirtErrors.VIR_ERR_NO_DOMAIN_METADATA
                    || LibvirtErrors.message(e).contains("metadata not found")) {
                return Optional.empty();
            }
            throw LibvirtErrors.wrap(what, e);
        }
    }

    /**
     * Sets the metadata element of namespace {@code namespaceUri} in {@code dom}'s {@code <metadata>} to
     * {@code xml}, under {@code prefix}; removes it when {@code xml} is null: {@code virDomainSetMetadata} with
     * {@link #METADATA_ELEMENT}. libvirt replaces an element of the same namespace.
     *
     * @param xml   the element without namespace declarations (libvirt puts it into the namespace), or null
     * @param flags {@link #AFFECT_LIVE} and/or {@link #AFFECT_CONFIG} ({@link #AFFECT_CURRENT}: the current one)
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt refuses
     */
    public static void setElementMetadata(Domain dom, String xml, String prefix, String namespaceUri, int flags,
                                          String what) {
        try {
            dom.setMetadata(METADATA_ELEMENT, xml, prefix, namespaceUri, flags);
        } catch (LibvirtException e) {
            throw LibvirtErrors.wrap(what, e);
        }
    }

    /**
     * Runs the QMP command {@code json} on the domain's QEMU monitor: {@code virDomainQemuMonitorCommand}
     * (libvirt-qemu.h), which marks the domain tainted ("custom-monitor") in libvirt's log.
     *
     * @param flags {@link #QEMU_MONITOR_COMMAND_DEFAULT}
     * @return QEMU's JSON reply
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt or QEMU refuses
     *                           (e.g. a driver without QMP passthrough, or a QEMU without the command)
     */
    public static String monitorCommand(Domain dom, String json, int flags, String what) {
        return Host.call(what, () -> dom.qemuMonitorCommand(json, flags));
    }

    /**
     * Statistics of the domain's current or last job ({@code virDomainGetJobStats}), as libvirt-java's typed
     * parameters (times in ms, sizes in bytes, e.g. {@code time_elapsed}, {@code downtime}, {@code data_total}).
     *
     * @param flags {@link #JOB_STATS_COMPLETED} for the last completed job
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}; its
     *                           {@link PassthruException#libvirtErrorCode()} is libvirt's) when libvirt fails
     */
    public static DomainJobStats jobStats(Domain dom, int flags, String what) {
        return Host.call(what, () -> dom.getJobStats(flags));
    }

    /**
     * The numeric statistics of the domain's current or last job ({@code virDomainGetJobStats}) by libvirt's field
     * name, in libvirt's order (times in ms, sizes in bytes, rates in bytes/s, e.g. {@code time_elapsed},
     * {@code downtime}, {@code data_total}, {@code data_processed}, {@code data_remaining}, {@code memory_bps});
     * fields that are not numbers are left out. Empty when there is no job (type {@code VIR_DOMAIN_JOB_NONE}).
     *
     * @param flags 0 for the current job, {@link #JOB_STATS_COMPLETED} for the last completed one
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}; its
     *                           {@link PassthruException#libvirtErrorCode()} is libvirt's) when libvirt fails
     */
    public static Map<String, Long> jobNumbers(Domain dom, int flags, String what) {
        Map<String, Long> out = new LinkedHashMap<>();
        TypedParameter[] stats = jobStats(dom, flags, what).stats;
        for (TypedParameter p : stats == null ? new TypedParameter[0] : stats) {
            try {
                out.put(p.field, Long.parseLong(p.getValueAsString()));
            } catch (NumberFormatException ignored) {
                // not a number: skip
            }
        }
        return out;
    }

    /**
     * The tunables of one live migration, as {@code virDomainMigrate3}'s and {@code virDomainMigrateToURI3}'s typed
     * parameters; a null one is not passed (libvirt's default).
     *
     * @param migrateUri    {@code VIR_MIGRATE_PARAM_URI} ("migrate_uri"): where QEMU sends the memory, e.g.
     *                      {@code tcp://10.0.0.2:49152}
     * @param bandwidthMiBs {@code VIR_MIGRATE_PARAM_BANDWIDTH} ("bandwidth"): the cap, in MiB/s
     * @param destXml       {@code VIR_MIGRATE_PARAM_DEST_XML} ("destination_xml"): the domain XML the destination
     *                      starts (host-side details only may differ, e.g. a hostdev's source address)
     */
    public record MigrationParams(String migrateUri, Long bandwidthMiBs, String destXml) {
        /** Without a destination XML (the guest's own XML goes to the destination). */
        public MigrationParams(String migrateUri, Long bandwidthMiBs) {
            this(migrateUri, bandwidthMiBs, null);
        }

        TypedParameter[] typed() {
            List<TypedParameter> params = new ArrayList<>();
            if (destXml != null) {
                params.add(new TypedStringParameter("destination_xml", destXml));
            }
            if (migrateUri != null) {
                params.add(new TypedStringParameter("migrate_uri", migrateUri));
            }
            if (bandwidthMiBs != null) {
                params.add(new TypedUlongParameter("bandwidth", bandwidthMiBs));
            }
            return params.toArray(new TypedParameter[0]);
        }
    }

    /**
     * How a migration call failed, for the caller to tell what it means (e.g. its own abort at a timeout).
     *
     * @param code    libvirt's error number ({@link LibvirtErrors#code}), e.g.
     *                {@link LibvirtErrors#VIR_ERR_OPERATION_ABORTED}
     * @param message libvirt's own message ({@link LibvirtErrors#message})
     * @param cause   libvirt-java's exception, as the cause of the exception the caller throws
     */
    public record MigrationFailure(int code, String message, Exception cause) {
    }

    /**
     * Live-migrates {@code dom} to {@code dst}, this process driving the phases over both connections:
     * {@code virDomainMigrate3}. It returns when the migration is done or failed; nothing bounds it here (the caller
     * aborts the job, {@link #abortJob}, at its timeout).
     *
     * @param flags    {@code VIR_MIGRATE_*}, e.g. {@link #MIGRATE_MOVE} with {@link #MIGRATE_AUTO_CONVERGE}
     * @param what     what passthru was doing, for the message (e.g. "live migration of 'g1' to URI")
     * @param classify what a failure means: the exception to throw, or null for the typed
     *                 {@link LibvirtErrors#wrap} with {@code what}
     * @return the domain on {@code dst}
     * @throws RuntimeException the one {@code classify} returns when libvirt fails, else the typed
     *                          {@link PassthruException} of {@link LibvirtErrors#wrap}
     */
    public static Domain migrate(Domain dom, Host dst, MigrationParams params, long flags, String what,
                                 Function<MigrationFailure, RuntimeException> classify) {
        try {
            return dom.migrate(dst.connect(), params.typed(), flags);
        } catch (LibvirtException e) {
            throw migrationFailure(what, e, classify);
        }
    }

    /**
     * Migrates {@code dom} to the libvirt at {@code dconnUri}: {@code virDomainMigrateToURI3}. With
     * {@link #MIGRATE_PEER2PEER} the source libvirtd connects to {@code dconnUri} (as the source host reaches it) and
     * drives Prepare, Perform, Finish and Confirm itself, so the migration goes on when this process dies. It returns
     * when the migration is done or failed; nothing bounds it here (the caller aborts the job, {@link #abortJob}, at
     * its timeout).
     *
     * @param flags    {@code VIR_MIGRATE_*}, e.g. {@link #MIGRATE_MOVE} | {@link #MIGRATE_PEER2PEER} (libvirt-java
     *                 0.5.4 passes them as an int: every flag passthru uses fits)
     * @param what     what passthru was doing, for the message (e.g. "live migration of 'g1' to URI")
     * @param classify what a failure means: the exception to throw, or null for the typed
     *                 {@link LibvirtErrors#wrap} with {@code what}
     * @throws RuntimeException the one {@code classify} returns when libvirt fails, else the typed
     *                          {@link PassthruException} of {@link LibvirtErrors#wrap}
     */
    public static void migrateToUri(Domain dom, String dconnUri, MigrationParams params, long flags, String what,
                                    Function<MigrationFailure, RuntimeException> classify) {
        try {
            dom.migrateToURI(dconnUri, params.typed(), (int) flags);
        } catch (LibvirtException e) {
            throw migrationFailure(what, e, classify);
        }
    }

    private static RuntimeException migrationFailure(String what, LibvirtException e,
                                                     Function<MigrationFailure, RuntimeException> classify) {
        RuntimeException mapped = classify.apply(new MigrationFailure(LibvirtErrors.code(e),
                LibvirtErrors.message(e), e));
        return mapped != null ? mapped : LibvirtErrors.wrap(what, e);
    }

    /**
     * Sets the longest pause, in ms, the coming (or running) migration of {@code dom} may impose on the guest at its
     * switch-over: {@code virDomainMigrateSetMaxDowntime}.
     *
     * @param downtimeMs the maximum downtime in milliseconds
     * @param what       what passthru was doing, for the message
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt refuses
     */
    public static void setMaxDowntime(Domain dom, long downtimeMs, String what) {
        Host.call(what, () -> dom.migrateSetMaxDowntime(downtimeMs));
    }

    /**
     * Aborts the job running on {@code dom}, e.g. a migration (whose call then fails with
     * {@link LibvirtErrors#VIR_ERR_OPERATION_ABORTED}): {@code virDomainAbortJob}.
     *
     * @param what what passthru was doing, for the message
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt fails, e.g. no job
     *                           runs ({@code VIR_ERR_OPERATION_INVALID})
     */
    public static void abortJob(Domain dom, String what) {
        Host.call(what, dom::abortJob);
    }

    /**
     * Whether {@code dom} runs (running, paused or in any other active state): {@code virDomainIsActive}.
     *
     * @param what what passthru was doing, for the message (e.g. "read the state of domain UUID on URI")
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt fails
     */
    public static boolean isActive(Domain dom, String what) {
        return Host.call(what, () -> dom.isActive() == 1);
    }

    /**
     * Whether {@code dom} has a persistent definition (else it is transient: gone once it stops):
     * {@code virDomainIsPersistent}.
     *
     * @param what what passthru was doing, for the message
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt fails
     */
    public static boolean isPersistent(Domain dom, String what) {
        return Host.call(what, () -> dom.isPersistent() == 1);
    }

    /** {@code VIR_DOMAIN_XML_MIGRATABLE}: the XML as a migration's destination gets it. */
    public static final int XML_MIGRATABLE = 8;

    /**
     * The domain's XML for a migration ({@code virDomainGetXMLDesc} with {@code VIR_DOMAIN_XML_MIGRATABLE}): what
     * {@code VIR_MIGRATE_PARAM_DEST_XML} is built from.
     *
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt fails
     */
    public static String migratableXml(Domain dom, String what) {
        return Host.call(what, () -> dom.getXMLDesc(XML_MIGRATABLE));
    }

    /**
     * Whether {@code dom} is in a post-copy migration, or left by one that failed: libvirt's state reason (from
     * {@code virDomainGetState}) is running or paused post-copy, or post-copy failed. Its memory is then split between
     * two hosts: neither copy may be resumed or destroyed on its own.
     *
     * @throws PassthruException (typed) when libvirt fails
     */
    public static boolean inPostCopy(Domain dom, String what) {
        int[] st = LibvirtNative.domainState(dom);
        if (st == null) {
            throw LibvirtErrors.lastNativeFailure(what);
        }
        return st[0] == STATE_RUNNING && (st[1] == RUNNING_POSTCOPY || st[1] == RUNNING_POSTCOPY_FAILED)
                || st[0] == STATE_PAUSED && (st[1] == PAUSED_POSTCOPY || st[1] == PAUSED_POSTCOPY_FAILED);
    }

    /**
     * Switches the running migration job of {@code dom} (started with {@link #MIGRATE_POSTCOPY}) to post-copy:
     * {@code virDomainMigrateStartPostCopy}. The guest is paused on the source and resumed on the destination, which
     * fetches the pages not yet copied on demand.
     *
     * @throws PassthruException (typed) when libvirt refuses (e.g. no migration job, or post-copy not enabled)
     */
    public static void startPostCopy(Domain dom, String what) {
        if (LibvirtNative.migrateStartPostCopy(dom) < 0) {
            throw LibvirtErrors.lastNativeFailure(what);
        }
    }

    /**
     * Whether {@code dom} is paused ({@code VIR_DOMAIN_PAUSED}: suspended, or stopped by a migration's last phase or
     * an I/O error): the state of {@code virDomainGetInfo}. A domain that does not run is not paused.
     *
     * @param what what passthru was doing, for the message
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt fails
     */
    public static boolean isPaused(Domain dom, String what) {
        return Host.call(what, () -> dom.getInfo().state == DomainInfo.DomainState.VIR_DOMAIN_PAUSED);
    }

    /**
     * The domain's UUID in its 36-character form ({@code virDomainGetUUIDString}).
     *
     * @param what what passthru was doing, for the message (e.g. "read domain UUID")
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt fails
     */
    public static String uuid(Domain dom, String what) {
        return Host.call(what, dom::getUUIDString);
    }

    /**
     * Lets the paused {@code dom} run again ({@code virDomainResume}).
     *
     * @param what what passthru was doing, for the message (e.g. "resume domain UUID on the source")
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt refuses, e.g. the
     *                           domain does not run ({@code VIR_ERR_OPERATION_INVALID})
     */
    public static void resume(Domain dom, String what) {
        Host.call(what, () -> {
            dom.resume();
            return null;
        });
    }

    /**
     * Stops the running {@code dom} at once, as pulling its power cord would ({@code virDomainDestroy}); a transient
     * domain is gone after it, a persistent one stays defined and shut off.
     *
     * @param what what passthru was doing, for the message (e.g. "destroy domain UUID on the destination")
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt refuses, e.g. the
     *                           domain does not run ({@code VIR_ERR_OPERATION_INVALID})
     */
    public static void destroy(Domain dom, String what) {
        Host.call(what, () -> {
            dom.destroy();
            return null;
        });
    }
}
