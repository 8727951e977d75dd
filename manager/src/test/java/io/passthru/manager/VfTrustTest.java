package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VfTrustTest {
    private static Inventory.Vf vf(String a) {
        return new Inventory.Vf(PciAddress.parse(a), PciAddress.parse("0000:01:00.0"), "8086", "10ca", "vfio-pci", 9,
                null, null);
    }

    private static final Inventory.Pf PF = new Inventory.Pf(PciAddress.parse("0000:01:00.0"), "eth4", "up", "8086",
            "10c9", "igb", 7, null, List.of(vf("0000:01:11.0"), vf("0000:01:10.0"), vf("0000:01:10.2"),
            vf("0000:01:10.4"), vf("0000:01:10.6"), vf("0000:01:11.2"), vf("0000:01:11.4")));

    @Test
    void indexIsThePositionByRoutingId() {
        // igb: First VF Offset 0x80, VF Stride 2 — VF 0 at 10.0, VF 1 at 10.2, ..., VF 4 at 11.0
        assertEquals(0, VfTrust.index(PF, PciAddress.parse("0000:01:10.0")));
        assertEquals(1, VfTrust.index(PF, PciAddress.parse("0000:01:10.2")));
        assertEquals(4, VfTrust.index(PF, PciAddress.parse("0000:01:11.0")));
        assertEquals(6, VfTrust.index(PF, PciAddress.parse("0000:01:11.4")));
        assertThrows(InvalidRequestException.class, () -> VfTrust.index(PF, PciAddress.parse("0000:02:10.0")));
    }

    @Test
    void commandIsIpLink() {
        assertEquals("ip link set dev eth4 vf 3 trust on", String.join(" ", VfTrust.command("eth4", 3, true)));
        assertEquals("ip link set dev eth4 vf 0 trust off", String.join(" ", VfTrust.command("eth4", 0, false)));
    }

    @Test
    void trustReadFromIpJson() {
        // the shape of iproute2's ip -j link show for a PF with VFs (vfinfo_list)
        String json = "[{\"ifindex\":5,\"ifname\":\"eth4\",\"vfinfo_list\":[{\"vf\":0,\"address\":\"52:54:00:a1:00:70\","
                + "\"spoofchk\":true,\"trust\":false},{\"vf\":1,\"address\":\"00:00:00:00:00:00\",\"trust\":true},"
                + "{\"vf\":2,\"address\":\"00:00:00:00:00:00\"}]}]";
        assertFalse(VfTrust.trustIn(json, 0));
        assertTrue(VfTrust.trustIn(json, 1));
        assertNull(VfTrust.trustIn(json, 2), "no trust key");
        assertNull(VfTrust.trustIn(json, 5), "no such VF");
        assertNull(VfTrust.trustIn("[{\"ifname\":\"eth0\"}]", 0), "a netdev without VFs");
    }

    @Test
    void aRemoteHostGetsTheCommandNotAChange() {
        Inventory inv = Inventory.of("qemu+tcp://192.0.2.1/system", List.of(PF), List.of());
        VfTrust.Setting s = VfTrust.set("qemu+tcp://192.0.2.1/system", inv, PciAddress.parse("0000:01:10.2"), true);
        assertFalse(s.applied());
        assertEquals("ip link set dev eth4 vf 1 trust on", s.command());
        assertTrue(s.describe().contains("on the host run: ip link set dev eth4 vf 1 trust on"), s.describe());
    }

    @Test
    void aCommandThatDoesNotEndIsKilledAtTheLimit() {
        long t0 = System.nanoTime();
        io.passthru.PassthruException e = assertThrows(io.passthru.PassthruException.class,
                () -> VfTrust.run(List.of("sleep", "30"), java.time.Duration.ofMillis(200)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 3000, "the limit must hold while the command keeps its output open: " + ms + " ms");
        assertTrue(e.getMessage().startsWith("'sleep 30' did not end within 200 ms; passthru killed it"),
                e.getMessage());
    }

    @Test
    void outputAndFailureOfACommand() {
        assertEquals("out\nerr\n", VfTrust.run(List.of("sh", "-c", "echo out; echo err >&2"),
                java.time.Duration.ofSeconds(10)));
        io.passthru.PassthruException e = assertThrows(io.passthru.PassthruException.class,
                () -> VfTrust.run(List.of("sh", "-c", "echo 'Operation not permitted'; exit 2"),
                        java.time.Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("failed (exit 2): Operation not permitted; setting VF trust needs root"),
                e.getMessage());
        assertEquals(java.time.Duration.ofSeconds(10), VfTrust.IP_LIMIT);
    }
}
