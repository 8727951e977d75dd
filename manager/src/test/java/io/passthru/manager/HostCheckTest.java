package io.passthru.manager;

import io.passthru.manager.check.Check;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostCheckTest {
    @Test
    void libvirtVersionIsShownAsLibvirtWritesIt() {
        Check ok = HostCheck.libvirt(11_003_000);
        assertEquals(Check.Status.PASS, ok.status());
        assertEquals("libvirt 11.3.0", ok.detail());
        Check old = HostCheck.libvirt(6_010_000);
        assertEquals(Check.Status.FAIL, old.status());
        assertEquals("libvirt 6.10.0", old.detail());
        assertTrue(old.remedy().contains("7.0"), old.remedy());
    }

    @Test
    void localUrisHaveNoHost() {
        assertTrue(HostCheck.isLocal("qemu:///system"));
        assertTrue(!HostCheck.isLocal("qemu+tcp://127.0.0.1:16509/system"));
    }
}
