package io.passthru.manager;

import io.passthru.manager.error.DetachTimeoutException;
import io.passthru.manager.error.OperationInProgressException;
import io.passthru.manager.journal.Leases;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.journal.OperationKind;
import io.passthru.manager.journal.OperationLock;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.HostIdentity;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code attach} and {@code detach} as journaled operations: they hold the domain's {@link OperationLock} (so a
 * migration of the domain waits for them, or is refused) and keep an {@link Operation} record (kind {@code attach}
 * or {@code detach}) in the domain's metadata, each device recorded before libvirt is asked to change it. A process
 * killed midway leaves what {@code passthru recover} needs ({@link Recovery}):
 * <ul>
 *   <li>an attach is all or nothing: an interrupted one is undone (every recorded device still in the domain is
 *       detached), as a failed one is undone in the process;</li>
 *   <li>a detach whose {@code DEVICE_REMOVED} did not come within the timeout stays recorded as "unplug pending":
 *       the guest may still release the device; recover finishes it once it has (the VF's trust flag cleared, the
 *       persistent definition cleaned) or asks once more.</li>
 * </ul>
 */
public final class DeviceOperations {
    /** Step ids ({@code PASSTHRU_TEST_KILL_AFTER}): a device attached, the bond steps, a device unplugged. */
    public static final String STEP_ATTACH_DEVICE = "attach-device";
    public static final String STEP_ENSLAVE = "enslave";
    public static final String STEP_UNPLUG = "unplug";

    private final Hotplug hotplug;
    private final OperationJournal journal;
    private final Recovery recovery;

    /** Without a recovery: a record left by another operation makes the attach or detach refuse. */
    public DeviceOperations(Hotplug hotplug, OperationJournal journal) {
        this(hotplug, journal, null);
    }

    /**
     * With {@code recovery}: a record left by an operation whose owner is gone is recovered first, under the lock
     * (the CLI's behaviour: every command settles the domain's record first).
     */
    public DeviceOperations(Hotplug hotplug, OperationJournal journal, Recovery recovery) {
        this.hotplug = hotplug;
        this.journal = journal;
        this.recovery = recovery;
    }

    /**
     * The domain's lock, waited for (attach and detach of one domain run one after the other, as libvirt runs its
     * device jobs), then the record of an earlier operation settled under it.
     */
    private OperationLock lock(Host host, String domain, String uuid) {
        OperationLock lock = OperationLock.await(uuid, domain, OperationLock.DEFAULT_WAIT);
        try {
            if (recovery != null) {
                Recovery.Result r = recovery.settle(host, domain);
                if (r != null) {
                    System.err.println("passthru: recovered an interrupted operation first: " + r.summary());
                }
            }
            return lock;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A running journaled operation, handed to the attach code so it records each device first. */
    public final class Recorder implements AliasAttach.Listener {
        private final org.libvirt.Domain dom;
        private final Operation op;

        Recorder(org.libvirt.Domain dom, Operation op) {
            this.dom = dom;
            this.op = op;
        }

        @Override
        public void beforeAttach(PassthroughDevice device) {
            op.devices.add(new Operation.Device(device.address().toString(), device instanceof PassthroughDevice.Vf,
                    device instanceof PassthroughDevice.Vf v && v.trusted() ? Boolean.TRUE : null,
                    Operation.STARTED));
            op.step = STEP_ATTACH_DEVICE;
            op.stepStatus = Operation.STARTED;
            journal.write(dom, op);
        }

        @Override
        public void afterAttach(Hotplug.AttachResult result) {
            for (Operation.Device d : op.devices) {
                if (d.address.equals(result.vf().toString())) {
                    d.status = Operation.DONE;
                }
            }
            op.stepStatus = Operation.DONE;
            journal.write(dom, op);
            TestHooks.afterStep(STEP_ATTACH_DEVICE);
        }
    }

    /**
     * Runs {@code attach} (which attaches the devices, telling the {@link Recorder} about each) and then, with
     * {@code bond} non-null, enslaves each attached VF into the guest's bond as its active slave, as one journaled
     * operation. When anything fails, the devices attached so far are detached again and the failure rethrown; when
     * that undo fails too, the record stays for {@code passthru recover} (the failure says so).
     *
     * @return the attach results and, with a bond, the slaves' names in the guest (same order)
     * @throws OperationInProgressException when another process runs an operation on the domain
     */
    public Attached attach(Host host, String domain, Function<Recorder, List<Hotplug.AttachResult>> attach,
                           String bond) {
        org.libvirt.Domain dom = host.domain(domain);
        String uuid = Host.uuid(dom);
        try (OperationLock lock = lock(host, domain, uuid)) {
            Operation op = newOperation(OperationKind.ATTACH, domain, uuid, host);
            journal.write(dom, op);
            Recorder rec = new Recorder(dom, op);
            List<Hotplug.AttachResult> results = new ArrayList<>();
            try {
                results.addAll(attach.apply(rec));
                List<String> enslaved = new ArrayList<>();
                if (bond != null) {
                    op.step = STEP_ENSLAVE;
                    op.stepStatus = Operation.STARTED;
                    journal.write(dom, op);
                    for (Hotplug.AttachResult r : results) {
                        enslaved.add(hotplug.enslaveActive(host, domain, r.mac(), bond));
                    }
                    op.stepStatus = Operation.DONE;
                    journal.write(dom, op);
                    TestHooks.afterStep(STEP_ENSLAVE);
                }
                journal.clear(dom, op);
                return new Attached(results, enslaved);
            } catch (RuntimeException e) {
                throw undoAttach(host, domain, dom, op, e);
            }
        }
    }

    /** What {@link #attach} attached, and the bond slaves' names in the guest (empty without a bond). */
    public record Attached(List<Hotplug.AttachResult> results, List<String> enslaved) {
    }

    private RuntimeException undoAttach(Host host, String domain, org.libvirt.Domain dom, Operation op,
                                        RuntimeException e) {
        List<String> left = detachRecorded(host, domain, dom, op, e);
        if (left.isEmpty()) {
            try {
                journal.clear(dom, op);
            } catch (RuntimeException clear) {
                e.addSuppressed(clear);
            }
            return e;
        }
        op.lease = null;
        op.state = Operation.INCOMPLETE;
        op.stepStatus = Operation.FAILED;
        op.pending = "detach " + left + " from '" + domain + "' (the attach failed: " + e.getMessage() + ")";
        try {
            journal.write(dom, op);
        } catch (RuntimeException w) {
            e.addSuppressed(w);
        }
        return new io.passthru.PassthruException("attach to '" + domain + "' failed (" + e.getMessage() + ") and "
                + left + " could not be detached again: run passthru recover " + domain + " --connect "
                + host.uri(), e);
    }

    /**
     * Detaches every device of {@code op} still in the domain (live or persistent), newest first.
     *
     * @return the addresses that could not be detached (their failures are suppressed in {@code cause})
     */
    List<String> detachRecorded(Host host, String domain, org.libvirt.Domain dom, Operation op,
                                RuntimeException cause) {
        List<String> left = new ArrayList<>();
        List<Operation.Device> devices = new ArrayList<>(op.devices);
        java.util.Collections.reverse(devices);
        for (Operation.Device d : devices) {
            PciAddress a = PciAddress.parse(d.address);
            if (!holds(dom, a)) {
                continue;
            }
            try {
                if (d.vf) {
                    hotplug.detachVf(host, domain, a);
                } else {
                    hotplug.detachPci(host, domain, a);
                }
            } catch (RuntimeException undo) {
                cause.addSuppressed(undo);
                left.add(d.address);
            }
        }
        return left;
    }

    /** Whether the domain's live or persistent definition holds the device at {@code address}. */
    static boolean holds(org.libvirt.Domain dom, PciAddress address) {
        for (boolean inactive : Host.isActive(dom) ? new boolean[] {false, true} : new boolean[] {true}) {
            if (inactive && !Host.isPersistent(dom)) {
                continue;
            }
            Domain d = XmlCodec.unmarshal(Host.xml(dom, inactive), Domain.class);
            if (d.getDevices() != null && d.getDevices().findBySourcePci(address).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Detaches the VF ({@code vf} true) or PCI device at {@code address} as a journaled operation. When the guest does
     * not release it within the detach timeout, the record stays as "unplug pending" (no owner), and the
     * {@link DetachTimeoutException} says that {@code passthru recover} finishes it once the guest released it.
     *
     * @throws OperationInProgressException when another process runs an operation on the domain
     * @throws DetachTimeoutException       when the guest did not release the device in time (recorded)
     */
    public Hotplug.DetachResult detach(Host host, String domain, PciAddress address, boolean vf) {
        org.libvirt.Domain dom = host.domain(domain);
        String uuid = Host.uuid(dom);
        // an earlier detach of this device whose guest released it after the timeout: settling its record (under
        // the lock) finishes it, and this request is then done
        boolean pendingBefore = journal.read(dom).filter(o -> o.kind == OperationKind.DETACH)
                .map(o -> o.devices.stream().anyMatch(d -> address.toString().equals(d.address))).orElse(false);
        try (OperationLock lock = lock(host, domain, uuid)) {
            if (pendingBefore && !holds(dom, address)) {
                return new Hotplug.DetachResult(domain, host.uri(), address, null, 0, 0, null);
            }
            Operation op = newOperation(OperationKind.DETACH, domain, uuid, host);
            op.devices.add(new Operation.Device(address.toString(), vf, trusted(dom, address), Operation.STARTED));
            op.step = STEP_UNPLUG;
            op.stepStatus = Operation.STARTED;
            journal.write(dom, op);
            TestHooks.beforeStep(STEP_UNPLUG);
            Hotplug.DetachResult r;
            try {
                r = vf ? hotplug.detachVf(host, domain, address) : hotplug.detachPci(host, domain, address);
            } catch (DetachTimeoutException late) {
                op.lease = null;
                op.state = Operation.INCOMPLETE;
                op.stepStatus = Operation.FAILED;
                op.pending = "unplug pending: the guest has not released " + address + " yet";
                try {
                    journal.write(dom, op);
                } catch (RuntimeException w) {
                    late.addSuppressed(w);
                }
                throw new DetachTimeoutException(late.getMessage() + ". The unplug request stays with the guest, "
                        + "and the record with the domain: passthru recover " + domain + " --connect " + host.uri()
                        + " finishes the detach once the guest released it", late);
            } catch (RuntimeException e) {
                try {
                    journal.clear(dom, op); // refused before any change (not attached, libvirt refused)
                } catch (RuntimeException clear) {
                    e.addSuppressed(clear);
                }
                throw e;
            }
            op.devices.get(0).status = Operation.DONE;
            op.stepStatus = Operation.DONE;
            TestHooks.afterStep(STEP_UNPLUG);
            journal.clear(dom, op);
            return r;
        }
    }

    /** trustGuestRxFilters of the VF interface at {@code address} in the live XML, or null. */
    private static Boolean trusted(org.libvirt.Domain dom, PciAddress address) {
        Domain live = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
        if (live.getDevices() == null) {
            return null;
        }
        return live.devices().interfaces().stream()
                .filter(i -> i.sourcePciAddress().map(address::equals).orElse(false))
                .anyMatch(i -> Boolean.TRUE.equals(i.getTrustGuestRxFilters())) ? Boolean.TRUE : null;
    }

    /** A new record of {@code kind} on {@code host}: state running, step start done, this process's lease. */
    static Operation newOperation(OperationKind kind, String domain, String uuid, Host host) {
        Operation op = new Operation();
        op.id = UUID.randomUUID().toString();
        op.kind = kind;
        op.state = Operation.RUNNING;
        op.domain = domain;
        op.domainUuid = uuid;
        op.started = Instant.now().toString();
        op.step = "start";
        op.stepStatus = Operation.DONE;
        op.source = new Operation.Endpoint(host.uri(), null, null);
        HostIdentity id = host.identity();
        op.source.hostUuid = id.uuid();
        op.source.hostname = id.hostname();
        op.lease = Leases.mine();
        return op;
    }
}
