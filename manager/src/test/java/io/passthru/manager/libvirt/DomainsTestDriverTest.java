package io.passthru.manager.libvirt;

import io.passthru.PassthruException;
import io.passthru.manager.error.LibvirtCallException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Domains}' and {@link Host}'s wrapped calls against libvirt's test driver ({@code test:///default}). */
class DomainsTestDriverTest {
    private static final String NS = "https://passthru.io/xmlns/test/1";

    @Test
    void theFlagsKeepLibvirtsNumbers() {
        assertEquals(0, Domains.AFFECT_CURRENT);
        assertEquals(1, Domains.AFFECT_LIVE);
        assertEquals(2, Domains.AFFECT_CONFIG);
        assertEquals(3, Domains.XML_FOR_DEFINE);
        assertEquals(2, Domains.METADATA_ELEMENT);
        assertEquals(1, Domains.JOB_STATS_COMPLETED);
        assertEquals(0, Domains.QEMU_MONITOR_COMMAND_DEFAULT);
        assertEquals(1, Domains.MIGRATE_LIVE);
        assertEquals(2, Domains.MIGRATE_PEER2PEER);
        assertEquals(8, Domains.MIGRATE_PERSIST_DEST);
        assertEquals(16, Domains.MIGRATE_UNDEFINE_SOURCE);
        assertEquals(8192, Domains.MIGRATE_AUTO_CONVERGE);
        assertEquals(1 | 8 | 16, Domains.MIGRATE_MOVE);
    }

    /** A persistent domain of the test driver named {@code name}, started. */
    private static org.libvirt.Domain started(Host h, String name) throws Exception {
        org.libvirt.Domain dom = h.define("<domain type='test'><name>" + name + "</name><memory>8192</memory>"
                + "<os><type>hvm</type></os></domain>", "define " + name);
        dom.create();
        return dom;
    }

    @Test
    void aSuspendedDomainReadsAsPausedAndResumes() throws Exception {
        try (Hosts hosts = new Hosts()) {
            Host h = hosts.open("test:///default");
            org.libvirt.Domain dom = started(h, "passthru-t-paused");
            try {
                assertTrue(Domains.isActive(dom, "read"));
                assertFalse(Domains.isPaused(dom, "read"), "a started domain runs");
                dom.suspend();
                assertTrue(Domains.isActive(dom, "read"), "a paused domain is active");
                assertTrue(Domains.isPaused(dom, "read"));
                Domains.resume(dom, "resume it");
                assertFalse(Domains.isPaused(dom, "read"), "resumed");
                assertTrue(Domains.isActive(dom, "read"));
                PassthruException again = assertThrows(PassthruException.class, () -> Domains.resume(dom,
                        "resume it again"));
                assertTrue(again.getMessage().startsWith("resume it again failed: "), again.getMessage());
            } finally {
                dom.destroy();
                dom.undefine();
            }
        }
    }

    @Test
    void destroyThenUndefineRemovesIt() throws Exception {
        try (Hosts hosts = new Hosts()) {
            Host h = hosts.open("test:///default");
            org.libvirt.Domain dom = started(h, "passthru-t-gone");
            assertTrue(Domains.isPersistent(dom, "read"));
            assertEquals(Host.uuid(dom), Domains.uuid(dom, "read the UUID"));
            Domains.destroy(dom, "destroy it");
            assertFalse(Domains.isActive(dom, "read"), "destroyed: shut off");
            assertFalse(Domains.isPaused(dom, "read"));
            assertTrue(h.hasDomainNamed("passthru-t-gone"), "a persistent domain stays defined");
            PassthruException twice = assertThrows(PassthruException.class, () -> Domains.destroy(dom,
                    "destroy it again"));
            assertTrue(twice.getMessage().startsWith("destroy it again failed: "), twice.getMessage());
            assertNotEquals(PassthruException.NO_LIBVIRT_ERROR, twice.libvirtErrorCode());
            Domains.undefine(dom, "undefine it");
            assertFalse(h.hasDomainNamed("passthru-t-gone"));
        }
    }

    @Test
    void aDestroyedTransientDomainIsGone() throws Exception {
        try (Hosts hosts = new Hosts()) {
            Host h = hosts.open("test:///default");
            org.libvirt.Domain dom = started(h, "passthru-t-transient");
            Domains.undefine(dom, "undefine it");
            assertTrue(Domains.isActive(dom, "read"), "undefined while running: it runs on, transient");
            assertFalse(Domains.isPersistent(dom, "read"));
            Domains.destroy(dom, "destroy it");
            assertFalse(h.hasDomainNamed("passthru-t-transient"));
        }
    }

    @Test
    void migrationFailuresAreClassifiedByTheCallerElseTyped() {
        try (Hosts hosts = new Hosts()) {
            Host h = hosts.open("test:///default");
            org.libvirt.Domain dom = h.domain("test");
            Domains.MigrationParams params = new Domains.MigrationParams("tcp://127.0.0.1:49152", 100L);
            PassthruException typed = assertThrows(PassthruException.class, () -> Domains.migrate(dom, h, params,
                    Domains.MIGRATE_MOVE, "live migration of 'test'", f -> null));
            assertTrue(typed.getMessage().startsWith("live migration of 'test' failed: "), typed.getMessage());
            Domains.MigrationFailure[] seen = new Domains.MigrationFailure[1];
            IllegalStateException mine = assertThrows(IllegalStateException.class, () -> Domains.migrateToUri(dom,
                    "test:///default", params, Domains.MIGRATE_MOVE | Domains.MIGRATE_PEER2PEER, "p2p", f -> {
                        seen[0] = f;
                        return new IllegalStateException(f.message());
                    }));
            assertEquals(seen[0].message(), mine.getMessage());
            assertFalse(seen[0].message().isBlank());
            assertNotEquals(PassthruException.NO_LIBVIRT_ERROR, seen[0].code());
            assertTrue(seen[0].cause() != null);
        }
    }

    @Test
    void jobCallsAreTyped() {
        try (Hosts hosts = new Hosts()) {
            org.libvirt.Domain dom = hosts.open("test:///default").domain("test");
            PassthruException stats = assertThrows(PassthruException.class,
                    () -> Domains.jobNumbers(dom, 0, "read job stats"));
            assertEquals(LibvirtErrors.VIR_ERR_NO_SUPPORT, stats.libvirtErrorCode(), stats.getMessage());
            assertTrue(stats.getMessage().startsWith("read job stats failed: "), stats.getMessage());
            PassthruException abort = assertThrows(PassthruException.class, () -> Domains.abortJob(dom, "abort"));
            assertTrue(abort.getMessage().startsWith("abort failed: "), abort.getMessage());
            PassthruException downtime = assertThrows(PassthruException.class,
                    () -> Domains.setMaxDowntime(dom, 300, "set downtime"));
            assertTrue(downtime.getMessage().startsWith("set downtime failed: "), downtime.getMessage());
        }
    }

    @Test
    void lookupsUuidAndCapabilities() {
        try (Hosts hosts = new Hosts()) {
            Host h = hosts.open("test:///default");
            assertTrue(h.hasDomainNamed("test"));
            assertFalse(h.hasDomainNamed("no-such-domain"));
            assertEquals(36, Host.uuid(h.domain("test")).length());
            assertTrue(h.capabilities().contains("<capabilities>"));
            assertTrue(Domains.xmlForDefine(h.domain("test"), "read").contains("<name>test</name>"));
        }
    }

    @Test
    void theMetadataElementIsSetReadAndRemoved() {
        try (Hosts hosts = new Hosts()) {
            org.libvirt.Domain dom = hosts.open("test:///default").domain("test");
            assertTrue(Domains.elementMetadata(dom, NS, Domains.AFFECT_CURRENT, "read").isEmpty(), "none yet");
            Domains.setElementMetadata(dom, "<mark n='1'/>", "t", NS, Domains.AFFECT_LIVE | Domains.AFFECT_CONFIG,
                    "write");
            assertTrue(Domains.elementMetadata(dom, NS, Domains.AFFECT_CURRENT, "read").orElseThrow()
                    .contains("mark"));
            Domains.setElementMetadata(dom, null, null, NS, Domains.AFFECT_LIVE | Domains.AFFECT_CONFIG, "remove");
            assertTrue(Domains.elementMetadata(dom, NS, Domains.AFFECT_CURRENT, "read").isEmpty());
        }
    }

    @Test
    void refusalsAreTypedAndSayWhatPassthruWasDoing() {
        try (Hosts hosts = new Hosts()) {
            Host h = hosts.open("test:///default");
            org.libvirt.Domain dom = h.domain("test");
            PassthruException e = assertThrows(LibvirtCallException.class,
                    () -> h.define("<domain type='test'><name>broken</name>", "define domain 'broken'"));
            assertTrue(e.getMessage().startsWith("define domain 'broken' failed: "), e.getMessage());
            String absent = "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' "
                    + "bus='0x7f' slot='0x1f' function='0x7'/></source></hostdev>";
            PassthruException first = assertThrows(PassthruException.class,
                    () -> Domains.requestDetach(dom, absent, Domains.AFFECT_LIVE, false, "hot-unplug it"));
            assertTrue(first.getMessage().startsWith("hot-unplug it failed: "), first.getMessage());
            Domains.requestDetach(dom, absent, Domains.AFFECT_LIVE, true, "hot-unplug it"); // a repeat: not thrown
            PassthruException stats = assertThrows(PassthruException.class,
                    () -> Domains.jobStats(dom, Domains.JOB_STATS_COMPLETED, "read job stats"));
            assertNotEquals(PassthruException.NO_LIBVIRT_ERROR, stats.libvirtErrorCode(), stats.getMessage());
            assertThrows(PassthruException.class, () -> Domains.monitorCommand(dom,
                    "{\"execute\":\"query-status\"}", Domains.QEMU_MONITOR_COMMAND_DEFAULT, "query-status"));
        }
    }
}
