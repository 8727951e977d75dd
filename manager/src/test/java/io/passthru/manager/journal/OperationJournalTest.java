package io.passthru.manager.journal;

import io.passthru.PassthruException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationJournalTest {

    static Operation sample() {
        Operation op = new Operation();
        op.id = "0f9a";
        op.kind = OperationKind.MIGRATE;
        op.mode = "bond";
        op.domain = "g1";
        op.domainUuid = "5a5a5a5a-1111-4000-8000-000000000001";
        op.state = Operation.RUNNING;
        op.step = "unplug-vf";
        op.stepStatus = Operation.STARTED;
        op.source = new Operation.Endpoint("qemu+tcp://127.0.0.1:16509/system", null, "0000:01:10.0");
        op.destination = new Operation.Endpoint("qemu+tcp://127.0.0.1:16510/system", "tcp://198.51.100.2", null);
        op.guest = new Operation.Guest("52:54:00:a1:00:20", "bond0", "eth0", "eth1");
        op.done.add("switch-bond");
        op.done.add("unenslave-vf");
        op.lease = Leases.mine();
        return op;
    }

    @Test
    void recordRoundTripsInItsOwnNamespaceAsOneElement() {
        String xml = OperationJournal.toXml(sample());
        assertTrue(xml.startsWith("<passthru:operation"), xml);
        assertTrue(xml.contains("xmlns:passthru=\"" + Operation.NAMESPACE + "\""), xml);
        assertFalse(xml.startsWith("<?xml"), "libvirt wants the element alone: " + xml);
        Operation back = OperationJournal.fromXml(xml);
        assertEquals("unplug-vf", back.step);
        assertEquals(List.of("switch-bond", "unenslave-vf"), back.done);
        assertEquals("0000:01:10.0", back.source.vf);
        assertEquals("tcp://198.51.100.2", back.destination.migrateUri);
        assertEquals("bond0", back.guest.bond);
        assertEquals(ProcessHandle.current().pid(), back.lease.pid);
        assertTrue(back.isDone("switch-bond") && !back.isDone("unplug-vf"));
        assertNull(back.pending);
        assertNull(back.destination.p2pUri, "no p2pUri attribute unless the migration is peer-to-peer");
        assertFalse(xml.contains("p2pUri"), xml);
    }

    @Test
    void aPeerToPeerDestinationKeepsItsP2pUri() {
        Operation op = sample();
        op.destination.p2pUri = "qemu+tcp://198.51.100.2/system";
        String xml = OperationJournal.toXml(op);
        assertTrue(xml.contains("p2pUri=\"qemu+tcp://198.51.100.2/system\""), xml);
        assertEquals("qemu+tcp://198.51.100.2/system", OperationJournal.fromXml(xml).destination.p2pUri);
    }

    @Test
    void libvirtGetsTheElementWithoutNamespaceDeclarations() {
        String xml = OperationJournal.toLibvirtXml(sample());
        assertTrue(xml.startsWith("<operation "), xml);
        assertFalse(xml.contains("xmlns"), xml);
        assertTrue(xml.contains("<source ") && xml.contains("<done>switch-bond</done>"), xml);
        // libvirt 11.3's virDomainGetMetadata hands back the element as it was given, without namespace
        Operation op = OperationJournal.fromXml(xml);
        assertEquals("0000:01:10.0", op.source.vf);
        assertEquals(List.of("switch-bond", "unenslave-vf"), op.done);
    }

    @Test
    void readsTheRecordAsLibvirtReturnsItWithAnotherPrefix() {
        // virDomainGetMetadata returns the element under the prefix it was stored with; any prefix must do
        String xml = "<op:operation xmlns:op=\"" + Operation.NAMESPACE + "\" id=\"x\" kind=\"migrate\" step=\"migrate\""
                + " stepStatus=\"started\"><op:source uri=\"qemu:///system\" vf=\"0000:01:10.2\"/></op:operation>";
        Operation op = OperationJournal.fromXml(xml);
        assertEquals("migrate", op.step);
        assertEquals("0000:01:10.2", op.source.vf);
    }

    @Test
    void refusesForeignXmlNamingIt() {
        PassthruException e = assertThrows(PassthruException.class,
                () -> OperationJournal.fromXml("<other xmlns=\"urn:x\"/>"));
        assertTrue(e.getMessage().contains("passthru's operation record"), e.getMessage());
        assertThrows(PassthruException.class, () -> OperationJournal.fromXml("<!DOCTYPE x [<!ENTITY e 'x'>]><x/>"));
    }

    @Test
    void mirrorKeepsTheRecordByUuidAndFindsItByName(@TempDir Path dir) throws Exception {
        OperationJournal j = new OperationJournal(dir);
        Operation op = sample();
        j.writeMirror(op);
        assertTrue(Files.exists(dir.resolve(op.domainUuid + ".xml")));
        assertEquals("0f9a", j.readMirror(op.domainUuid).orElseThrow().id);
        assertEquals(1, j.mirrorsByName("g1").size());
        assertEquals(1, j.mirrorsByName(op.domainUuid).size());
        assertTrue(j.mirrorsByName("g2").isEmpty());
        Files.writeString(dir.resolve("junk.xml"), "not xml");
        assertEquals(1, j.mirrorsByName("g1").size(), "an unreadable file is skipped");
        j.clearMirror(op);
        assertTrue(j.readMirror(op.domainUuid).isEmpty());
    }

    @Test
    void leaseOfThisProcessIsLiveAndMine() {
        Operation.Lease l = Leases.mine();
        assertTrue(Leases.isMine(l));
        assertTrue(Leases.isLive(l));
    }

    @Test
    void leaseOfADeadLocalProcessIsStale() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Operation.Lease l = Leases.mine();
        l.pid = p.pid();
        assertFalse(Leases.isMine(l));
        assertFalse(Leases.isLive(l), "the owner is gone");
    }

    @Test
    void leaseOfARecycledPidIsStale() {
        Operation.Lease l = Leases.mine();
        l.processStart = Instant.now().minusSeconds(3600).toString(); // this pid, but started an hour before
        assertFalse(Leases.isLive(l));
    }

    /** A CLI in a container is pid 1 on a fixed host name every time: the start time tells the runs apart. */
    @Test
    void aLeaseWithThisPidAndHostButAnotherStartIsNotMine() {
        Operation.Lease l = Leases.mine();
        l.processStart = Instant.now().minusSeconds(3600).toString();
        assertFalse(Leases.isMine(l));
        l.processStart = null;
        assertFalse(Leases.isMine(l), "an unknown start time is not taken for this process");
    }

    @Test
    void aWriteIsACompareAndSetOnTheOperationAndItsGeneration() {
        Operation op = sample();
        op.generation = 0;
        // a new record needs the domain to hold none
        OperationJournal.requireUnmoved(null, op, java.util.Optional.empty());
        Operation other = sample();
        other.id = "another";
        other.generation = 3;
        io.passthru.manager.error.RecordMovedException e = assertThrows(io.passthru.manager.error.RecordMovedException.class,
                () -> OperationJournal.requireUnmoved(null, op, java.util.Optional.of(other)));
        assertTrue(e.getMessage().contains("expected none, found operation another"), e.getMessage());
        // an existing record: same id and generation, else refused
        op.generation = 4;
        Operation same = OperationJournal.fromXml(OperationJournal.toXml(op));
        assertEquals(4, same.generation, "the generation round-trips");
        OperationJournal.requireUnmoved(null, op, java.util.Optional.of(same));
        same.generation = 5;
        e = assertThrows(io.passthru.manager.error.RecordMovedException.class,
                () -> OperationJournal.requireUnmoved(null, op, java.util.Optional.of(same)));
        assertTrue(e.getMessage().contains("expected operation 0f9a at generation 4, found operation 0f9a"),
                e.getMessage());
        assertThrows(io.passthru.manager.error.RecordMovedException.class,
                () -> OperationJournal.requireUnmoved(null, op, java.util.Optional.empty()), "cleared meanwhile");
    }

    @Test
    void remoteLeaseLivesUntilItsHeartbeatIsOlderThanTheTtl() {
        Operation.Lease l = Leases.mine();
        l.host = "another-host.example";
        l.heartbeat = Instant.now().minusSeconds(60).toString();
        assertTrue(Leases.isLive(l));
        l.heartbeat = Instant.now().minus(Leases.REMOTE_TTL).minusSeconds(1).toString();
        assertFalse(Leases.isLive(l));
        l.heartbeat = "garbage";
        assertFalse(Leases.isLive(l));
        assertFalse(Leases.isLive(null));
    }

    /** attach and detach wait for the lock (bounded); a holder that keeps it makes the waiter give up, saying so. */
    @Test
    void awaitingTheLockGetsItOnceReleasedAndGivesUpAtItsLimit() throws Exception {
        String uuid = java.util.UUID.randomUUID().toString();
        OperationLock first = OperationLock.acquire(uuid, "g1");
        io.passthru.manager.error.OperationInProgressException e = assertThrows(
                io.passthru.manager.error.OperationInProgressException.class,
                () -> OperationLock.await(uuid, "g1", java.time.Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("waited 0 s") || e.getMessage().contains("waited"), e.getMessage());
        java.util.concurrent.CompletableFuture<OperationLock> waiter = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> OperationLock.await(uuid, "g1", java.time.Duration.ofSeconds(10)));
        Thread.sleep(300);
        assertFalse(waiter.isDone(), "waits while held");
        first.close();
        waiter.get(5, java.util.concurrent.TimeUnit.SECONDS).close();
    }

    @Test
    void operationLockIsExclusiveWithinTheMachine() {
        try (OperationLock a = OperationLock.acquire("test-" + ProcessHandle.current().pid(), "g1")) {
            assertThrows(io.passthru.manager.error.OperationInProgressException.class,
                    () -> OperationLock.acquire("test-" + ProcessHandle.current().pid(), "g1"));
        }
        OperationLock.acquire("test-" + ProcessHandle.current().pid(), "g1").close(); // free again
    }
}
