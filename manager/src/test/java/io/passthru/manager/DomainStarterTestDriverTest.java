package io.passthru.manager;

import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.pool.Allocator;
import io.passthru.manager.pool.DevicePool;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code define} with a VF policy and {@code start} on libvirt's test driver (sriov-host.xml: PF enp3s0 at
 * 0000:03:00.0, VFs 03:10.0/.2/.4/.6). The test driver is not this machine, so the settings come back as the
 * commands for its operator: what is checked here is the record, the usage errors and the order of things. The test
 * driver keeps no PF driver name, so the refusal of a setting igb lacks is proven on the lab (VfPolicyLabIT).
 */
class DomainStarterTestDriverTest {
    private static final PciAddress VF0 = PciAddress.parse("0000:03:10.0");
    private static final PciAddress VF4 = PciAddress.parse("0000:03:10.4");
    private static final VfPolicy POLICY = new VfPolicy(false, null, 100, null, 42, 3);

    private Hosts hosts;
    private Host host;

    @BeforeEach
    void open() {
        hosts = new Hosts();
        host = hosts.open(TestDriver.sriovHost());
    }

    @AfterEach
    void close() {
        hosts.close();
    }

    private static Domain persistent(Host host, String name) {
        return XmlCodec.unmarshal(Host.xml(host.domain(name), true), Domain.class);
    }

    @Test
    void defineRecordsThePolicyByAMacItPicksAndStartGivesItToTheVf() {
        DomainDefiner.Result r = new DomainDefiner().define(host, new DomainDefiner.Command("pol").memoryMiB(256)
                .vf(new PassthroughDevice.Vf(VF4, null, 42, true)).vfPolicy(POLICY), false);
        DomainInterface vf = persistent(host, "pol").getDevices().interfaces().stream()
                .filter(DomainInterface::isHostdev).findFirst().orElseThrow();
        String mac = vf.macAddress().orElseThrow().toString();
        assertTrue(mac.startsWith("52:54:00:"), "a QEMU MAC picked for the record: " + mac);
        assertEquals(Map.of(mac, POLICY), r.vfPolicies());
        assertEquals(Map.of(mac, POLICY), VfPolicies.recorded(host.domain("pol")), "in the definition");

        DomainStarter.Result s = new DomainStarter().start(host, "pol", false);
        assertTrue(Host.isActive(host.domain("pol")));
        assertEquals(1, s.policies().size());
        VfPolicies.Applied a = s.policies().get(0);
        assertFalse(a.applied(), "the test driver is not this machine");
        assertEquals(List.of("ip link set dev enp3s0 vf 2 spoofchk off", "ip link set dev enp3s0 vf 2 max_tx_rate 100",
                "ip link set dev enp3s0 vf 2 vlan 42 qos 3"), a.commands());
        assertEquals(1, s.trust().size(), "--trusted: the trust flag libvirt does not set");
        assertEquals("ip link set dev enp3s0 vf 2 trust on", s.trust().get(0).command());

        InvalidRequestException again = assertThrows(InvalidRequestException.class,
                () -> new DomainStarter().start(host, "pol", false));
        assertTrue(again.getMessage().contains("already running"), again.getMessage());
        assertThrows(DomainNotFoundException.class, () -> new DomainStarter().start(host, "nope", false));
    }

    @Test
    void theQosGoesWithTheVfsVlanAndThePolicyWithAVf() {
        InvalidRequestException noVf = assertThrows(InvalidRequestException.class, () -> new DomainDefiner()
                .define(host, new DomainDefiner.Command("novf").vfPolicy(POLICY), true));
        assertTrue(noVf.getMessage().contains("give --vf too"), noVf.getMessage());
        InvalidRequestException otherVlan = assertThrows(InvalidRequestException.class, () -> new DomainDefiner()
                .define(host, new DomainDefiner.Command("vlan").vf(new PassthroughDevice.Vf(VF0, null, 7, false))
                        .vfPolicy(POLICY), true));
        assertTrue(otherVlan.getMessage().contains("--vlan 42:3"), otherVlan.getMessage());
    }

    @Test
    void anAliasVfTakesItsDeviceSpecTagsAndAVfWhoseDriverLacksOneIsNotOffered() {
        DevicePool pool = DevicePool.parse("""
                {"device_spec": [{"vendor_id": "8086", "product_id": "10ca", "vlan": "42", "vlan_qos": "3",
                                  "spoofchk": "off", "max_tx_rate": "100"}],
                 "alias": [{"name": "vf", "vendor_id": "8086", "product_id": "10ca", "device_type": "type-VF"}]}
                """);
        DomainDefiner.Result r = new DomainDefiner().define(host, new DomainDefiner.Command("tagged").memoryMiB(256)
                .alias("vf", 1).pool(pool, Allocator.GroupPolicy.NONE), false);
        DomainInterface vf = persistent(host, "tagged").getDevices().interfaces().stream()
                .filter(DomainInterface::isHostdev).findFirst().orElseThrow();
        assertTrue(Host.xml(host.domain("tagged"), true).contains("<tag id='42'/>")
                || Host.xml(host.domain("tagged"), true).contains("<tag id=\"42\"/>"), "libvirt's VLAN id");
        assertEquals(Map.of(vf.macAddress().orElseThrow().toString(), POLICY), r.vfPolicies());

        // attach --alias into a defined domain: the tags are recorded by the VF's MAC; start gives them
        new DomainDefiner().define(host, new DomainDefiner.Command("later").memoryMiB(256), false);
        AliasAttach aa = new AliasAttach(new Hotplug());
        List<Hotplug.AttachResult> got = aa.attach(host, "later", pool, "vf", 1, Allocator.GroupPolicy.NONE);
        assertEquals(List.of(), aa.policies(), "not running: recorded only");
        assertEquals(Map.of(got.get(0).mac().toLowerCase(), POLICY), VfPolicies.recorded(host.domain("later")));
        DomainStarter.Result s = new DomainStarter().start(host, "later", false);
        assertEquals(1, s.policies().size());
        assertEquals(POLICY, s.policies().get(0).policy());
        assertEquals(List.of(), s.trust(), "no --trusted, no trust tag");
    }
}
