package io.passthru.manager;

import io.passthru.manager.error.DeviceNotAssignableException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.RelaxNg;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Config-only attach and detach of hostdevs and VFs to inactive domains of libvirt's test driver (sriov-host.xml). */
class HotplugTestDriverTest {
    private static final PciAddress PF = PciAddress.parse("0000:03:00.0");
    private static final PciAddress VF4 = PciAddress.parse("0000:03:10.4");
    private static final PciAddress NIC = PciAddress.parse("0000:04:00.0");

    private Hosts hosts;
    private Host host;
    private final Hotplug hotplug = new Hotplug();

    @BeforeEach
    void open() {
        hosts = new Hosts();
        host = hosts.open(TestDriver.sriovHost());
        new DomainDefiner().define(host, new DomainDefiner.Command("g1").memoryMiB(256), false);
        new DomainDefiner().define(host, new DomainDefiner.Command("g2").memoryMiB(256), false);
    }

    @AfterEach
    void close() {
        hosts.close();
    }

    private Domain persistent(String name) {
        return XmlCodec.unmarshal(Host.xml(host.domain(name), true), Domain.class);
    }

    @Test
    void attachPciConfigOnlyToAnInactiveDomainThenDetach() {
        assertFalse(Host.isActive(host.domain("g1")));
        Hotplug.AttachResult r = hotplug.attachPci(host, "g1", NIC);
        assertEquals(NIC, r.vf());
        assertNull(r.guestInterface(), "not running: nothing to wait for in a guest");
        String xml = Host.xml(host.domain("g1"), true);
        assertEquals(List.of(), RelaxNg.errors("domain.rng", xml), xml);
        List<DomainHostdev> hds = persistent("g1").getDevices().hostdevs();
        assertEquals(1, hds.size());
        assertEquals(NIC, hds.get(0).sourcePciAddress().orElseThrow());
        assertEquals(Boolean.TRUE, hds.get(0).getManaged());
        assertEquals("vfio", hds.get(0).getDriver().getName());

        DeviceNotAssignableException taken = assertThrows(DeviceNotAssignableException.class,
                () -> hotplug.attachPci(host, "g2", NIC));
        assertTrue(taken.getMessage().contains("already used by domain 'g1'"), taken.getMessage());
        assertTrue(persistent("g2").getDevices().hostdevs().isEmpty(), "a refusal changes nothing");
        assertThrows(DeviceNotAssignableException.class, () -> hotplug.attachPci(host, "g1", NIC));

        Hotplug.DetachResult d = hotplug.detachPci(host, "g1", NIC);
        assertEquals(NIC, d.vf());
        assertTrue(persistent("g1").getDevices().hostdevs().isEmpty());
        InvalidRequestException again = assertThrows(InvalidRequestException.class,
                () -> hotplug.detachPci(host, "g1", NIC));
        assertTrue(again.getMessage().contains("not attached"), again.getMessage());
    }

    @Test
    void pfVfExclusivityOnAttach() {
        hotplug.attachPci(host, "g1", PF);
        assertEquals("g1", Inventory.scan(host).function(PF).orElseThrow().usedBy());
        DeviceNotAssignableException e = assertThrows(DeviceNotAssignableException.class,
                () -> hotplug.attach(host, "g2", new PassthroughDevice.Vf(VF4, null, null, false)));
        assertTrue(e.getMessage().contains("its PF " + PF + " is passed through to domain 'g1'"), e.getMessage());
        assertTrue(persistent("g2").getDevices().interfaces().isEmpty());

        hotplug.detachPci(host, "g1", PF);
        hotplug.attach(host, "g2", new PassthroughDevice.Vf(VF4, null, null, false));
        DeviceNotAssignableException pf = assertThrows(DeviceNotAssignableException.class,
                () -> hotplug.attachPci(host, "g1", PF));
        assertTrue(pf.getMessage().contains("VF " + VF4 + " (used by domain 'g2')"), pf.getMessage());
        DeviceNotAssignableException vfAsPci = assertThrows(DeviceNotAssignableException.class,
                () -> hotplug.attachPci(host, "g1", VF4));
        assertTrue(vfAsPci.getMessage().contains("--vf"), vfAsPci.getMessage());
    }

    @Test
    void aliasesOfTypePciAndPfAttachHostdevs() {
        io.passthru.manager.pool.DevicePool pool = io.passthru.manager.pool.DevicePool.parse("""
                {"device_spec": [{"vendor_id": "8086", "product_id": "10d3"},
                                 {"vendor_id": "8086", "product_id": "10c9"}],
                 "alias": [{"name": "nic", "vendor_id": "8086", "product_id": "10d3", "device_type": "type-PCI"},
                           {"name": "pf", "vendor_id": "8086", "product_id": "10c9", "device_type": "type-PF"}]}
                """);
        AliasAttach alias = new AliasAttach(hotplug);
        List<Hotplug.AttachResult> nic = alias.attach(host, "g1", pool, "nic", 1,
                io.passthru.manager.pool.Allocator.GroupPolicy.NONE);
        assertEquals(NIC, nic.get(0).vf());
        List<Hotplug.AttachResult> pf = alias.attach(host, "g2", pool, "pf", 1,
                io.passthru.manager.pool.Allocator.GroupPolicy.NONE);
        assertEquals(PF, pf.get(0).vf());
        assertEquals(PF, persistent("g2").getDevices().hostdevs().get(0).sourcePciAddress().orElseThrow());
        // with the PF passed through, its VFs are no candidates: "no free device", not the PF/VF refusal
        io.passthru.manager.pool.DevicePool vfPool = io.passthru.manager.pool.DevicePool.parse("""
                {"device_spec": [{"vendor_id": "8086", "product_id": "10ca"}],
                 "alias": [{"name": "vf", "vendor_id": "8086", "product_id": "10ca", "device_type": "type-VF"}]}
                """);
        NoFreeDeviceException noVf = assertThrows(NoFreeDeviceException.class, () -> alias.attach(host, "g1", vfPool,
                "vf", 1, io.passthru.manager.pool.Allocator.GroupPolicy.NONE));
        assertTrue(noVf.getMessage().contains("no free device for alias vf"), noVf.getMessage());
        assertTrue(persistent("g1").getDevices().interfaces().stream().noneMatch(DomainInterface::isHostdev));
        NoFreeDeviceException none = assertThrows(NoFreeDeviceException.class, () -> alias.attach(host, "g1", pool,
                "nic", 1, io.passthru.manager.pool.Allocator.GroupPolicy.NONE));
        assertTrue(none.getMessage().contains("no free device for alias nic"), none.getMessage());
    }

    @Test
    void vfConfigOnlyAttachCarriesMacVlanAndTrust() {
        Hotplug.AttachResult r = hotplug.attach(host, "g1", new PassthroughDevice.Vf(VF4,
                MacAddress.parse("52:54:00:00:04:04"), 100, true));
        // the test driver's PF is simulated: passthru does not touch this machine's netdevs, it names the command
        assertFalse(r.vfTrust().applied());
        assertEquals("ip link set dev enp3s0 vf 2 trust on", r.vfTrust().command());
        DomainInterface i = persistent("g1").getDevices().interfaces().stream().filter(DomainInterface::isHostdev)
                .findFirst().orElseThrow();
        assertEquals(VF4, i.sourcePciAddress().orElseThrow());
        assertEquals(100, i.vlanTag().orElseThrow());
        assertEquals(Boolean.TRUE, i.getTrustGuestRxFilters());
        assertEquals("52:54:00:00:04:04", i.macAddress().orElseThrow().toString());
        Hotplug.DetachResult d = hotplug.detachVf(host, "g1", VF4);
        assertEquals("ip link set dev enp3s0 vf 2 trust off", d.vfTrust().command(), "detach takes the trust back");
        assertTrue(persistent("g1").getDevices().interfaces().stream().noneMatch(DomainInterface::isHostdev));
    }

    @Test
    void aBondIsCheckedBeforeAnythingIsAttachedAndNeedsTheGuestRunning() {
        String before = Host.xml(host.domain("g1"), true);
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> hotplug.requireGuestBond(host, "g1", "bond0"));
        assertTrue(e.getMessage().contains("needs the guest running, and domain 'g1'")
                && e.getMessage().endsWith("nothing was changed"), e.getMessage());
        assertEquals(before, Host.xml(host.domain("g1"), true));
    }
}
