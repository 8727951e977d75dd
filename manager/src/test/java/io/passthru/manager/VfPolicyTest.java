package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VF policy's commands, its driver checks and its reading of ip's JSON (no host needed). */
class VfPolicyTest {
    private static final PciAddress PF = PciAddress.parse("0000:01:00.0");
    /** {@code ip -j -d link show eth4} on a lab host (QEMU's igb, iproute2 6.1) after vf 6 got spoofchk off,
     * max_tx_rate 100 and vlan 42 qos 3; vf 0 as the PF's VFs start. */
    static final String IP_JSON = """
            [{"ifindex":6,"ifname":"eth4","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,\
            "parentbus":"pci","parentdev":"0000:01:00.0","vfinfo_list":[\
            {"vf":0,"link_type":"ether","address":"00:00:00:00:00:00","broadcast":"ff:ff:ff:ff:ff:ff",\
            "vlan_list":[{}],"rate":{"max_tx":0,"min_tx":0},"spoofchk":true,"link_state":"auto","trust":false},\
            {"vf":6,"link_type":"ether","address":"00:00:00:00:00:00","broadcast":"ff:ff:ff:ff:ff:ff",\
            "vlan_list":[{"vlan":42,"qos":3}],"tx_rate":100,"rate":{"max_tx":100,"min_tx":0},"spoofchk":false,\
            "link_state":"auto","trust":false}]}]
            """;

    @Test
    void oneIpLinkCommandPerSettingInAFixedOrder() {
        VfPolicy p = new VfPolicy(false, VfPolicy.LinkState.DISABLE, 100, 10, 42, 3);
        assertEquals(List.of(
                List.of("ip", "link", "set", "dev", "eth4", "vf", "6", "spoofchk", "off"),
                List.of("ip", "link", "set", "dev", "eth4", "vf", "6", "state", "disable"),
                List.of("ip", "link", "set", "dev", "eth4", "vf", "6", "max_tx_rate", "100"),
                List.of("ip", "link", "set", "dev", "eth4", "vf", "6", "min_tx_rate", "10"),
                List.of("ip", "link", "set", "dev", "eth4", "vf", "6", "vlan", "42", "qos", "3")),
                p.commands("eth4", 6));
    }

    @Test
    void clearingGivesBackTheDefaultsOfWhatWasSetAndLeavesTheVlanToLibvirt() {
        VfPolicy p = new VfPolicy(false, null, 100, null, 42, 3);
        assertEquals(List.of(
                List.of("ip", "link", "set", "dev", "eth4", "vf", "2", "spoofchk", "on"),
                List.of("ip", "link", "set", "dev", "eth4", "vf", "2", "max_tx_rate", "0")),
                p.clearCommands("eth4", 2));
        assertEquals(List.of(List.of("ip", "link", "set", "dev", "eth4", "vf", "2", "state", "auto"),
                        List.of("ip", "link", "set", "dev", "eth4", "vf", "2", "min_tx_rate", "0")),
                new VfPolicy(null, VfPolicy.LinkState.ENABLE, null, 5, null, null).clearCommands("eth4", 2));
    }

    @Test
    void igbHasNoLinkStateAndNoMinimumRateAndTheRefusalNamesBoth() {
        VfPolicy p = new VfPolicy(false, VfPolicy.LinkState.ENABLE, 100, 10, null, null);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> p.requireSupportedBy("igb", PF));
        assertTrue(e.getMessage().contains("driver igb cannot set link state (ndo_set_vf_link_state) [--link-state]"
                + ", a minimum transmit rate"), e.getMessage());
        assertTrue(e.getMessage().contains("[--min-tx-rate]") && e.getMessage().endsWith("Nothing was changed"),
                e.getMessage());
        // what igb has passes, and so does all of it on ice and mlx5_core
        new VfPolicy(false, null, 100, null, 42, 3).requireSupportedBy("igb", PF);
        p.requireSupportedBy("ice", PF);
        p.requireSupportedBy("mlx5_core", PF);
        assertThrows(InvalidRequestException.class, () -> p.requireSupportedBy("ixgbe", PF)); // min_tx_rate
        // a driver passthru does not know is not refused up front: the kernel's answer decides
        p.requireSupportedBy("sfc", PF);
        p.requireSupportedBy(null, PF);
    }

    @Test
    void theVfIsReadFromIpJsonAndComparedSettingBySetting() {
        VfPolicy six = VfPolicy.readFrom(IP_JSON, 6).orElseThrow();
        assertEquals(new VfPolicy(false, VfPolicy.LinkState.AUTO, 100, 0, 42, 3), six);
        VfPolicy zero = VfPolicy.readFrom(IP_JSON, 0).orElseThrow();
        assertEquals(new VfPolicy(true, VfPolicy.LinkState.AUTO, 0, 0, null, null), zero);
        assertTrue(VfPolicy.readFrom(IP_JSON, 3).isEmpty());

        VfPolicy wanted = new VfPolicy(false, null, 100, null, 42, 3);
        assertEquals(List.of(), wanted.notShownBy(six));
        assertEquals(List.of(VfPolicy.Setting.SPOOFCHK, VfPolicy.Setting.MAX_TX_RATE, VfPolicy.Setting.VLAN_QOS),
                wanted.notShownBy(zero));
        assertEquals("spoofchk off, link-state auto, max_tx_rate 100 Mbit/s, min_tx_rate 0 Mbit/s, vlan 42 qos 3",
                six.describe());
    }

    @Test
    void badValuesAreRefusedWithTheFix() {
        assertTrue(assertThrows(InvalidRequestException.class, () -> new VfPolicy(null, null, 10, 20, null, null))
                .getMessage().contains("cannot exceed the limit"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> new VfPolicy(null, null, -1, null, null, null))
                .getMessage().contains("from 0 (no limit)"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> new VfPolicy(null, null, null, null, 5, 8))
                .getMessage().contains("0-7"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> new VfPolicy(null, null, null, null, null, 3))
                .getMessage().contains("--vlan ID:QOS"));
        assertTrue(VfPolicy.NONE.isEmpty());
        assertTrue(new VfPolicy(null, null, null, 0, null, null).isEmpty(), "a minimum rate of 0 sets nothing");
    }

    @Test
    void theMetadataRecordRoundTrips() {
        Map<String, VfPolicy> all = new java.util.LinkedHashMap<>();
        all.put("52:54:00:a1:00:70", new VfPolicy(false, null, 100, null, 42, 3));
        all.put("52:54:00:a1:00:71", new VfPolicy(null, VfPolicy.LinkState.DISABLE, null, 10, null, null));
        String xml = VfPolicies.format(all);
        assertEquals("<vfs><vf mac='52:54:00:a1:00:70' spoofchk='off' max-tx-rate='100' vlan='42' qos='3'/>"
                + "<vf mac='52:54:00:a1:00:71' link-state='disable' min-tx-rate='10'/></vfs>", xml);
        assertEquals(all, VfPolicies.parse(xml));
        // as libvirt gives it back: in its namespace with a prefix
        assertEquals(all, VfPolicies.parse(xml.replace("<vfs>", "<passthru-vf:vfs xmlns:passthru-vf=\""
                + VfPolicies.NAMESPACE + "\">").replace("<vf ", "<passthru-vf:vf ")
                .replace("</vfs>", "</passthru-vf:vfs>")));
    }
}
