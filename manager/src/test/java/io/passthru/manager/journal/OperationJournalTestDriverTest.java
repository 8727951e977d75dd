package io.passthru.manager.journal;

import io.passthru.manager.error.RecordMovedException;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.HostIdentity;
import io.passthru.manager.libvirt.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record's compare-and-set and the host identity against libvirt's own metadata API (test driver). */
class OperationJournalTestDriverTest {
    @Test
    void aSecondWriterIsRefusedOnceTheFirstMovedTheRecord(@TempDir Path dir) {
        try (Hosts hosts = new Hosts()) {
            Host h = hosts.open("test:///default");
            org.libvirt.Domain dom = h.domain("test");
            OperationJournal journal = new OperationJournal(dir);
            Operation mine = OperationJournalTest.sample();
            mine.domainUuid = Host.uuid(dom);
            journal.write(dom, mine);
            assertEquals(1, mine.generation);
            Operation theirs = journal.read(dom).orElseThrow();
            assertEquals(1, theirs.generation, "libvirt keeps the generation");
            journal.write(dom, theirs); // another process takes over: generation 2
            RecordMovedException e = assertThrows(RecordMovedException.class, () -> journal.write(dom, mine));
            assertTrue(e.getMessage().contains("at generation 1, found operation 0f9a"), e.getMessage());
            assertEquals(2, journal.read(dom).orElseThrow().generation, "nothing was written");
            assertThrows(RecordMovedException.class, () -> journal.clear(dom, mine));
            journal.clear(dom, theirs);
            assertTrue(journal.read(dom).isEmpty());
            Operation fresh = OperationJournalTest.sample();
            fresh.id = "another";
            journal.write(dom, fresh);
            Operation late = OperationJournalTest.sample();
            assertThrows(RecordMovedException.class, () -> journal.write(dom, late), "a new record needs none");
            // test:///default is one per process: a record left here was read by the next test class using it
            journal.clear(dom, fresh);
            assertTrue(journal.read(dom).isEmpty());
        }
    }

    /**
     * The record goes on every definition the domain has, and only there: running and persistent (live and config
     * in one call), defined but shut off (config), running and transient (live).
     */
    @Test
    void theRecordGoesOnTheDefinitionsTheDomainHas(@TempDir Path dir) throws org.libvirt.LibvirtException {
        try (Hosts hosts = new Hosts()) {
            Host h = hosts.open("test:///default");
            OperationJournal journal = new OperationJournal(dir);
            String xml = Host.xml(h.domain("test"), true).replaceAll("<uuid>[^<]*</uuid>", "");
            org.libvirt.Domain inactive = h.define(xml.replace("<name>test</name>", "<name>off</name>"), "define");
            org.libvirt.Domain transientDom = h.connect().domainCreateXML(
                    xml.replace("<name>test</name>", "<name>transient</name>"), 0);
            try {
                recordOnEach(journal, h.domain("test"), inactive, transientDom);
            } finally {
                // test:///default is one per process: the next test class using it expects its one domain, "test"
                transientDom.destroy();
                inactive.undefine();
            }
        }
    }

    private static void recordOnEach(OperationJournal journal, org.libvirt.Domain... doms) {
        for (org.libvirt.Domain dom : doms) {
            boolean live = Host.isActive(dom);
            boolean config = Host.isPersistent(dom);
            Operation op = OperationJournalTest.sample();
            op.domainUuid = Host.uuid(dom);
            journal.write(dom, op);
            assertEquals(op.id, journal.read(dom).orElseThrow().id);
            if (live) {
                assertTrue(Host.xml(dom, false).contains(Operation.NAMESPACE), "live definition");
            }
            if (config) {
                assertTrue(Host.xml(dom, true).contains(Operation.NAMESPACE), "persistent definition");
            }
            journal.clear(dom, op);
            assertTrue(journal.read(dom).isEmpty());
            assertTrue(!Host.xml(dom, false).contains(Operation.NAMESPACE), "removed");
            assertTrue(!config || !Host.xml(dom, true).contains(Operation.NAMESPACE), "removed from config");
        }
    }

    /** The test driver's capabilities carry no host UUID (a real libvirtd's do): the host name then decides. */
    @Test
    void theHostIdentityComesFromLibvirt() {
        try (Hosts hosts = new Hosts()) {
            HostIdentity id = hosts.open("test:///default").identity();
            assertNotNull(id.hostname(), id.toString());
            assertEquals(null, id.uuid(), id.toString());
            assertTrue(id.sameMachine(new HostIdentity(null, id.hostname())));
            assertTrue(!id.sameMachine(new HostIdentity(null, id.hostname() + "-other")));
            assertTrue(!new HostIdentity(null, null).sameMachine(new HostIdentity(null, null)), "unknown is not same");
        }
    }
}
