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
