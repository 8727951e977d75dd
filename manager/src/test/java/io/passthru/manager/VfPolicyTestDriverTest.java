package io.passthru.manager;

import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A VF policy on libvirt's test driver (sriov-host.xml: igb PF enp3s0 at 0000:03:00.0, VFs at 03:10.0/.2/.4/.6): the
 * record in the domain's metadata, the commands for a host that is not this machine, and the detach that gives the
 * VF's defaults back and names the MAC whose record the CLI then forgets.
 */
class VfPolicyTestDriverTest {
    private static final PciAddress VF4 = PciAddress.parse("0000:03:10.4");
    private static final String MAC = "52:54:00:0c:04:04";

    private Hosts hosts;
    private Host host;

    @BeforeEach
    void open() {
        hosts = new Hosts();
        host = hosts.open(TestDriver.sriovHost());
        new DomainDefiner().define(host, new DomainDefiner.Command("p1").memoryMiB(256), false);
    }

    @AfterEach
    void close() {
        hosts.close();
    }

    @Test
    void thePolicyIsRecordedWithTheDomainGivenAsCommandsForAnotherHostAndClearedOnDetach() {
        VfPolicy policy = new VfPolicy(false, null, 100, null, 42, 3);
        new Hotplug().attach(host, "p1", new PassthroughDevice.Vf(VF4, MacAddress.parse(MAC), 42, false));
        VfPolicies.record(host.domain("p1"), MAC.toUpperCase(), policy);
        assertEquals(Map.of(MAC, policy), VfPolicies.recorded(host.domain("p1")), "recorded by MAC, lower case");
        assertTrue(Host.xml(host.domain("p1"), true).contains(VfPolicies.NAMESPACE), "in the persistent XML");

        // the test driver is not this machine: the commands for its operator, VF index 2 (third VF of the PF)
        VfPolicies.Applied a = VfPolicies.apply(host.uri(), Inventory.scan(host), VF4, policy);
        assertFalse(a.applied());
        assertEquals("enp3s0", a.pf());
        assertEquals(2, a.index());
        assertEquals(List.of("ip link set dev enp3s0 vf 2 spoofchk off", "ip link set dev enp3s0 vf 2 max_tx_rate 100",
                "ip link set dev enp3s0 vf 2 vlan 42 qos 3"), a.commands());
        assertTrue(a.describe("set").startsWith("VF policy not set: the host is not this machine; on the host run: "
                + "ip link set dev enp3s0 vf 2 spoofchk off && "), a.describe("set"));

        Hotplug.DetachResult d = new Hotplug().detachVf(host, "p1", VF4);
        assertEquals(MAC, d.vfPolicyMac());
        assertEquals(List.of("ip link set dev enp3s0 vf 2 spoofchk on", "ip link set dev enp3s0 vf 2 max_tx_rate 0"),
                d.vfPolicy().commands());
        // the record stays until the caller forgets it (a migration's source detach keeps it for the destination)
        assertEquals(Map.of(MAC, policy), VfPolicies.recorded(host.domain("p1")));
        VfPolicies.forget(host.domain("p1"), MAC);
        assertEquals(Map.of(), VfPolicies.recorded(host.domain("p1")));
        assertFalse(Host.xml(host.domain("p1"), true).contains(VfPolicies.NAMESPACE), "the element is gone");
    }

    @Test
    void aVfWithoutAPolicyDetachesAsBefore() {
        new Hotplug().attach(host, "p1", new PassthroughDevice.Vf(VF4, MacAddress.parse(MAC), null, false));
        Hotplug.DetachResult d = new Hotplug().detachVf(host, "p1", VF4);
        assertNull(d.vfPolicy());
        assertNull(d.vfPolicyMac());
    }
}
