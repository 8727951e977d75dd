package io.passthru.manager;

import io.passthru.manager.error.DeviceNotAssignableException;
import io.passthru.manager.error.OperationInProgressException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.journal.Leases;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.journal.OperationKind;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** attach and detach as journaled operations, and recover of interrupted ones, on libvirt's test driver. */
class DeviceOperationsTestDriverTest {
    private static final PciAddress NIC = PciAddress.parse("0000:04:00.0");
    private static final PciAddress PF = PciAddress.parse("0000:03:00.0");

    @TempDir
    Path mirror;
    private Hosts hosts;
    private Host host;
    private OperationJournal journal;
    private final Hotplug hotplug = new Hotplug();

    @BeforeEach
    void open() {
        hosts = new Hosts();
        host = hosts.open(TestDriver.sriovHost());
        new DomainDefiner().define(host, new DomainDefiner.Command("g1").memoryMiB(256), false);
        journal = new OperationJournal(mirror);
    }

    @AfterEach
    void close() {
        hosts.close();
    }

    private int hostdevs() {
        Domain d = XmlCodec.unmarshal(Host.xml(host.domain("g1"), true), Domain.class);
        return d.getDevices() == null ? 0 : d.getDevices().hostdevs().size();
    }

    /** All or nothing: the second device fails, so the first is detached again and no record is left. */
    @Test
    void aFailedAttachDetachesWhatItAttachedAndLeavesNoRecord() {
        DeviceOperations ops = new DeviceOperations(hotplug, journal);
        assertThrows(DeviceNotAssignableException.class, () -> ops.attach(host, "g1", rec -> {
            for (PciAddress a : List.of(NIC, NIC)) {
                rec.beforeAttach(new PassthroughDevice.Hostdev(a, io.passthru.manager.pool.DeviceType.PCI));
                rec.afterAttach(hotplug.attachPci(host, "g1", a));
            }
            return List.of();
        }, null));
        assertEquals(0, hostdevs(), "the first device was detached again");
        assertTrue(journal.read(host.domain("g1")).isEmpty());
    }

    @Test
    void aJournaledDetachLeavesNoRecord() {
        hotplug.attachPci(host, "g1", NIC);
        new DeviceOperations(hotplug, journal).detach(host, "g1", NIC, false);
        assertEquals(0, hostdevs());
        assertTrue(journal.read(host.domain("g1")).isEmpty());
    }

    /** A VF interface without trust (the common case) is detached as well: its trust reads as "none". */
    @Test
    void aJournaledDetachOfAnUntrustedVf() {
        PciAddress vf = PciAddress.parse("0000:03:10.4");
        hotplug.attach(host, "g1", new PassthroughDevice.Vf(vf, null, null, false));
        new DeviceOperations(hotplug, journal).detach(host, "g1", vf, true);
        Domain d = XmlCodec.unmarshal(Host.xml(host.domain("g1"), true), Domain.class);
        assertTrue(d.getDevices().interfaces().stream().noneMatch(i -> i.sourcePciAddress().isPresent()));
        assertTrue(journal.read(host.domain("g1")).isEmpty());
    }

    /** The process was killed after the first of two devices: recover detaches it (an attach is all or nothing). */
    @Test
    void recoverUndoesAnAttachKilledBetweenItsDevices() throws Exception {
        hotplug.attachPci(host, "g1", NIC);
        Operation op = record(OperationKind.ATTACH, "attach-device");
        op.devices.add(new Operation.Device(NIC.toString(), false, null, Operation.DONE));
        op.devices.add(new Operation.Device(PF.toString(), false, null, Operation.STARTED)); // never attached
        journal.write(host.domain("g1"), op);
        Recovery.Result r = new Recovery(hosts, hotplug, journal).recover(host.uri(), "g1");
        assertEquals(Recovery.ROLLED_BACK, r.outcome(), r.summary());
        assertTrue(r.complete(), r.summary());
        assertEquals(0, hostdevs());
        assertTrue(journal.read(host.domain("g1")).isEmpty());
    }

    /** The guest released the device after the detach timeout: recover sees it gone and clears the record. */
    @Test
    void recoverFinishesADetachWhoseDeviceWentAfterTheTimeout() throws Exception {
        Operation op = record(OperationKind.DETACH, "unplug");
        op.devices.add(new Operation.Device(NIC.toString(), false, null, Operation.STARTED));
        op.lease = null;
        op.state = Operation.INCOMPLETE;
        op.pending = "unplug pending";
        journal.write(host.domain("g1"), op);
        Recovery.Result r = new Recovery(hosts, hotplug, journal).recover(host.uri(), "g1");
        assertEquals(Recovery.COMPLETED, r.outcome(), r.summary());
        assertTrue(journal.read(host.domain("g1")).isEmpty());
    }

    /**
     * detach asked again after one that timed out, whose guest released the device since: settling the pending
     * record finishes it, and the new request is done (not "not attached").
     */
    @Test
    void aDetachAskedAgainAfterAPendingOneTheGuestFinishedSucceeds() throws Exception {
        Operation op = record(OperationKind.DETACH, "unplug");
        op.devices.add(new Operation.Device(NIC.toString(), false, null, Operation.STARTED));
        op.lease = null;
        op.pending = "unplug pending";
        journal.write(host.domain("g1"), op);
        Hotplug.DetachResult r = new DeviceOperations(hotplug, journal, new Recovery(hosts, hotplug, journal))
                .detach(host, "g1", NIC, false);
        assertEquals(NIC, r.vf());
        assertTrue(journal.read(host.domain("g1")).isEmpty());
        assertThrows(InvalidRequestException.class, () -> new DeviceOperations(hotplug, journal)
                .detach(host, "g1", NIC, false), "without a pending record it is not attached");
    }

    /** A detach still pending with its owner alive is not touched by another command. */
    @Test
    void aLiveOwnersOperationIsRefused() throws Exception {
        hotplug.attachPci(host, "g1", NIC);
        Operation op = record(OperationKind.DETACH, "unplug");
        op.devices.add(new Operation.Device(NIC.toString(), false, null, Operation.STARTED));
        op.lease.host = "another-host.example"; // a fresh heartbeat from another machine
        journal.write(host.domain("g1"), op);
        OperationInProgressException e = assertThrows(OperationInProgressException.class,
                () -> new Recovery(hosts, hotplug, journal).recover(host.uri(), "g1"));
        assertTrue(e.getMessage().contains("--takeover"), e.getMessage());
        assertEquals(1, hostdevs(), "nothing was changed");
        // the operator knows that process is gone: --takeover finishes the detach
        Recovery.Result r = new Recovery(hosts, hotplug, journal).recover(host.uri(), "g1",
                new Recovery.Options(null, null, null, true));
        assertEquals(Recovery.COMPLETED, r.outcome(), r.summary());
        assertEquals(0, hostdevs());
        assertTrue(journal.read(host.domain("g1")).isEmpty());
    }

    private Operation record(OperationKind kind, String step) throws Exception {
        Operation op = new Operation();
        op.id = UUID.randomUUID().toString();
        op.kind = kind;
        op.state = Operation.RUNNING;
        op.domain = "g1";
        op.domainUuid = Host.call("uuid", host.domain("g1")::getUUIDString);
        op.started = Instant.now().toString();
        op.step = step;
        op.stepStatus = Operation.STARTED;
        op.source = new Operation.Endpoint(host.uri(), null, null);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        op.lease = Leases.mine();
        op.lease.pid = dead.pid(); // its owner was killed
        return op;
    }
}
