package io.passthru.agent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestNetworkManagerTest {
    @Test
    void parsesTerseDeviceLinesWithEscapes() {
        // what nmcli 1.42 prints on the lab's distro guest, plus an escaped ':' in a profile name
        List<GuestNetworkManager.Device> ds = GuestNetworkManager.parseDevices("""
                bond0:bond:connected:bond0
                enp1s0:ethernet:connected:bond0-virtio
                enp7s0:ethernet:unmanaged:
                enp8s0:ethernet:connecting (prepare):a\\:b
                lo:loopback:unmanaged:--
                """);
        assertEquals(5, ds.size());
        assertEquals(new GuestNetworkManager.Device("bond0", "bond", "connected", "bond0"), ds.get(0));
        assertTrue(ds.get(1).connected());
        assertFalse(ds.get(2).managed());
        assertNull(ds.get(2).connection());
        assertEquals("a:b", ds.get(3).connection());
        assertEquals("connecting (prepare)", ds.get(3).state());
        assertNull(ds.get(4).connection(), "'--' is nmcli's none");
    }

    @Test
    void aShortLineIsAnError() {
        AgentException e = assertThrows(AgentException.class, () -> GuestNetworkManager.parseDevices("eth0:ethernet\n"));
        assertTrue(e.getMessage().contains("2 fields"), e.getMessage());
    }
}
