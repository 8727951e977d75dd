package io.passthru.manager;

import io.passthru.manager.error.DeviceNotAssignableException;
import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.pool.Allocator;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.viommu.ViommuPolicy;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.RelaxNg;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainController;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.journal.OperationKind;

import java.nio.file.Path;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code define} into libvirt's test driver (sriov-host.xml, a fresh host per test), read back through libvirt. */
class DomainDefinerTestDriverTest {
    private static final PciAddress PF = PciAddress.parse("0000:03:00.0");
    private static final PciAddress VF0 = PciAddress.parse("0000:03:10.0");
    private static final PciAddress VF2 = PciAddress.parse("0000:03:10.2");
    private static final PciAddress NIC = PciAddress.parse("0000:04:00.0");

    @TempDir
    Path mirror;

    private Hosts hosts;
    private Host host;
    private OperationJournal journal;
    private DomainDefiner definer;

    @BeforeEach
    void open() {
        hosts = new Hosts();
        host = hosts.open(TestDriver.sriovHost());
        journal = new OperationJournal(mirror);
        definer = new DomainDefiner(journal);
    }

    /** A process killed at the fault-injection point: an Error, which nothing in passthru catches. */
    private static final class Killed extends Error {
    }

    private DomainDefiner killedAfterDefine() {
        return new DomainDefiner(journal, () -> {
            throw new Killed();
        });
    }

    private static DomainDefiner.Command withVf(String name) {
        return new DomainDefiner.Command(name).memoryMiB(256)
                .vf(new PassthroughDevice.Vf(VF2, MacAddress.parse("52:54:00:00:01:02"), null, false));
    }

    @Test
    void aDefineWithDevicesLeavesNoRecordBehind() {
        DomainDefiner.Result r = definer.define(host, withVf("vm1"), false);
        assertTrue(journal.read(host.domain("vm1")).isEmpty());
        assertTrue(journal.readMirror(r.uuid()).isEmpty());
        assertFalse(r.xml().contains(io.passthru.manager.journal.Operation.NAMESPACE), r.xml());
        assertEquals(VF2, persistent(host, "vm1").getDevices().interfaces().get(0).sourcePciAddress().orElseThrow());
    }

    @Test
    void aDefineKilledBeforeItsCheckIsFinishedByRecover() {
        assertThrows(Killed.class, () -> killedAfterDefine().define(host, withVf("vm1"), false));
        var op = journal.read(host.domain("vm1")).orElseThrow();
        assertEquals(OperationKind.DEFINE, op.kind);
        assertEquals(DomainDefiner.STEP_DEFINE + " " + Operation.STARTED, op.step + " " + op.stepStatus);
        assertEquals(List.of(VF2.toString()), op.devices.stream().map(d -> d.address).toList());
        assertTrue(journal.readMirror(op.domainUuid).isPresent());

        Recovery.Result r = new Recovery(hosts, new Hotplug(), journal).recover(host.uri(), "vm1");
        assertEquals(Recovery.COMPLETED, r.outcome(), r.summary());
        assertTrue(r.complete());
        assertTrue(journal.read(host.domain("vm1")).isEmpty(), "record removed");
        assertTrue(journal.readMirror(op.domainUuid).isEmpty(), "mirror removed");
        assertEquals(Recovery.NOTHING_TO_DO, new Recovery(hosts, new Hotplug(), journal)
                .recover(host.uri(), "vm1").outcome());
    }

    @Test
    void aDefineKilledBeforeItsCheckLosesTheDeviceAnotherDefinitionTook() {
        assertThrows(Killed.class, () -> killedAfterDefine().define(host, withVf("vm1"), false));
        String uuid = Host.uuid(host.domain("vm1"));
        // meanwhile another tool defined a domain holding the same VF
        host.define("<domain type='kvm'><name>other</name><memory unit='MiB'>256</memory><os><type arch='x86_64'>"
                + "hvm</type></os><devices><hostdev mode='subsystem' type='pci' managed='yes'><source><address "
                + "domain='0x0000' bus='0x03' slot='0x10' function='0x2'/></source></hostdev></devices></domain>",
                "define other");
        Recovery.Result r = new Recovery(hosts, new Hotplug(), journal).recover(host.uri(), "vm1");
        assertEquals(Recovery.ROLLED_BACK, r.outcome(), r.summary());
        assertTrue(r.steps().stream().anyMatch(s -> s.name().contains("taken by domain 'other'")), r.summary());
        assertThrows(DomainNotFoundException.class, () -> host.domain("vm1"));
        assertTrue(journal.readMirror(uuid).isEmpty());
        host.domain("other"); // the other definition is untouched
    }

    @Test
    void aDefineKilledBeforeLibvirtDefinedItLeavesOnlyAMirrorThatRecoverRemoves() {
        Operation op = DeviceOperations.newOperation(OperationKind.DEFINE, "vm1",
                java.util.UUID.randomUUID().toString(), host);
        op.step = DomainDefiner.STEP_DEFINE;
        op.stepStatus = Operation.STARTED;
        op.lease = null; // its process is gone
        journal.writeMirror(op);
        Recovery.Result r = new Recovery(hosts, new Hotplug(), journal).recover(host.uri(), "vm1");
        assertEquals(Recovery.ROLLED_BACK, r.outcome(), r.summary());
        assertTrue(r.steps().get(0).name().contains("libvirt never defined it"), r.summary());
        assertTrue(journal.mirrorsByName("vm1").isEmpty());
    }

    @AfterEach
    void close() {
        hosts.close();
    }

    private static void assertValid(String xml) {
        assertEquals(List.of(), RelaxNg.errors("domain.rng", xml), xml);
    }

    private static Domain persistent(Host host, String name) {
        return XmlCodec.unmarshal(Host.xml(host.domain(name), true), Domain.class);
    }

    @Test
    void definesAWholeGuestAndLibvirtReadsItBack() {
        DomainDefiner.Command cmd = new DomainDefiner.Command("vm1").memoryMiB(512).vcpus(2)
                .disk("/var/lib/libvirt/images/vm1.qcow2").nic("br0", null, MacAddress.parse("52:54:00:00:01:01"))
                .vf(new PassthroughDevice.Vf(VF2, MacAddress.parse("52:54:00:00:01:02"), 42, true)).pci(NIC)
                .viommu(ViommuPolicy.Option.INTEL).hotplugPorts(2);
        DomainDefiner.Result r = definer.define(host, cmd, false);
        assertFalse(r.dryRun());
        assertNotNull(r.uuid());
        assertEquals(List.of("VF " + VF2, "PCI device " + NIC), r.devices());
        assertEquals("intel", r.viommu());
        assertValid(r.xml());

        Domain d = persistent(host, "vm1");
        assertEquals(r.uuid(), d.getUuid());
        assertEquals(512L * 1024, d.getMemory().toKiB());
        assertEquals(1, d.getDevices().disks().size());
        assertEquals("/var/lib/libvirt/images/vm1.qcow2", d.getDevices().disks().get(0).sourcePath().orElseThrow());
        DomainInterface vf = d.getDevices().interfaces().stream().filter(DomainInterface::isHostdev).findFirst()
                .orElseThrow();
        assertEquals(VF2, vf.sourcePciAddress().orElseThrow());
        assertEquals(42, vf.vlanTag().orElseThrow());
        assertEquals(Boolean.TRUE, vf.getTrustGuestRxFilters());
        assertEquals(Boolean.TRUE, vf.getManaged());
        assertEquals("52:54:00:00:01:02", vf.macAddress().orElseThrow().toString());
        assertEquals("br0", d.getDevices().interfaces().stream().filter(i -> "bridge".equals(i.getType()))
                .findFirst().orElseThrow().getSource().getBridge());
        DomainHostdev h = d.getDevices().hostdevs().get(0);
        assertEquals(NIC, h.sourcePciAddress().orElseThrow());
        assertEquals(Boolean.TRUE, h.getManaged());
        assertEquals("vfio", h.getDriver().getName());
        assertTrue(d.getDevices().channels().stream().anyMatch(c -> c.isGuestAgent()));
        assertEquals("intel", d.getDevices().iommus().get(0).getModel());
        assertEquals("qemu", d.getFeatures().getIoapic().getDriver(), "intremap needs the split I/O APIC");
        long ports = d.getDevices().controllers().stream().filter(c -> "pcie-root-port".equals(c.getModel())).count();
        // 2 spare + disk, NIC, VF, hostdev, virtio-serial of the agent channel + the USB controller libvirt adds
        assertEquals(2 + 5 + DomainDefiner.LIBVIRT_DEFAULT_PCIE_DEVICES, ports);

        Inventory inv = Inventory.scan(host);
        assertEquals("vm1", inv.vf(VF2).orElseThrow().usedBy());
        assertEquals("vm1", inv.function(NIC).orElseThrow().usedBy());
        assertNull(inv.vf(VF0).orElseThrow().usedBy());
    }

    @Test
    void dryRunReturnsValidXmlAndDefinesNothing() {
        DomainDefiner.Result r = definer.define(host, new DomainDefiner.Command("dry").memoryMiB(256)
                .kernel("/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0").nic(null, "default", null)
                .pci(PF).guestAgent(false), true);
        assertTrue(r.dryRun());
        assertNull(r.uuid());
        assertValid(r.xml());
        Domain d = XmlCodec.unmarshal(r.xml(), Domain.class);
        assertEquals("/boot/vmlinuz", d.getOs().getKernel());
        assertEquals(PF, d.getDevices().hostdevs().get(0).sourcePciAddress().orElseThrow());
        assertTrue(d.getDevices().channels().isEmpty(), "--no-guest-agent");
        assertEquals(List.of("PF " + PF), r.devices());
        assertTrue(host.allDomains().isEmpty(), "a dry run defines nothing");
    }

    @Test
    void memoryIsAllocatedWhenTheGuestStartsUnlessOnDemandIsAsked() {
        DomainDefiner.Result r = definer.define(host, new DomainDefiner.Command("mem").memoryMiB(256)
                .kernel("/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0").hotplugPorts(1), false);
        assertValid(r.xml());
        assertEquals("immediate", persistent(host, "mem").getMemoryBacking().getAllocation().getMode(),
                "the default: VFIO pins it all at the first device, and on demand that stalls the hot-plug");

        DomainDefiner.Result lazy = definer.define(host, new DomainDefiner.Command("lazy").memoryMiB(256)
                .kernel("/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0").memoryAllocation("ondemand"), true);
        assertValid(lazy.xml());
        assertEquals("ondemand", XmlCodec.unmarshal(lazy.xml(), Domain.class).getMemoryBacking().getAllocation()
                .getMode());

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> new DomainDefiner.Command("bad").memoryAllocation("eager"));
        assertTrue(e.getMessage().contains("immediate or ondemand"), e.getMessage());
    }

    @Test
    void failoverNicPcihole64SerialConsoleAndNoBalloon() {
        DomainDefiner.Result r = definer.define(host, new DomainDefiner.Command("fo").memoryMiB(128)
                .nic("br0", null, MacAddress.parse("52:54:00:00:02:01")).failover(DomainDefiner.DEFAULT_FAILOVER_ALIAS)
                .pcihole64KiB(0L).hotplugPorts(3), false);
        assertValid(r.xml());
        Domain d = persistent(host, "fo");
        DomainInterface nic = d.getDevices().interfaces().get(0);
        assertEquals("persistent", nic.getTeaming().getType());
        assertEquals("ua-failover0", nic.getAlias().getName());
        // what attach --failover looks for
        assertEquals("ua-failover0", Failover.persistentPartner(d, "fo", null).alias());
        DomainController root = d.getDevices().controllers().stream().filter(c -> "pcie-root".equals(c.getModel()))
                .findFirst().orElseThrow();
        assertEquals(0L, root.getPcihole64().toKiB());
        assertEquals("pty", d.getDevices().serials().get(0).getType());
        assertEquals("none", d.getDevices().memballoons().get(0).getModel());

        InvalidRequestException noNic = assertThrows(InvalidRequestException.class, () -> definer.define(host,
                new DomainDefiner.Command("fo2").failover("ua-x"), true));
        assertTrue(noNic.getMessage().contains("--bridge or --network"), noNic.getMessage());
        InvalidRequestException badAlias = assertThrows(InvalidRequestException.class, () -> definer.define(host,
                new DomainDefiner.Command("fo2").nic("br0", null, null).failover("backup"), true));
        assertTrue(badAlias.getMessage().contains("'ua-'"), badAlias.getMessage());
        assertThrows(InvalidRequestException.class, () -> definer.define(host,
                new DomainDefiner.Command("fo2").pcihole64KiB(-1L), true));
        assertEquals(1, host.allDomains().size(), "refusals define nothing");
    }

    @Test
    void aReadOnlyDiskIsMarkedSoAndNeedsADisk() {
        DomainDefiner.Result r = definer.define(host, new DomainDefiner.Command("ro").disk("/srv/base.img")
                .diskReadOnly(true), false);
        assertValid(r.xml());
        assertTrue(persistent(host, "ro").getDevices().disks().get(0).isReadOnlyDisk(), r.xml());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> definer.define(host,
                new DomainDefiner.Command("ro2").diskReadOnly(true), true));
        assertTrue(e.getMessage().contains("--disk-readonly needs --disk"), e.getMessage());
    }

    @Test
    void aDomainWithoutDiskKernelOrNicIsValid() {
        DomainDefiner.Result r = definer.define(host, new DomainDefiner.Command("bare"), false);
        assertValid(r.xml());
        assertEquals(1, host.allDomains().size());
    }

    @Test
    void pfWhileItsVfIsUsedAndVfWhilePfIsPassedAreRefused() {
        definer.define(host, new DomainDefiner.Command("a").vf(new PassthroughDevice.Vf(VF0, null, null, false)),
                false);
        DeviceNotAssignableException e = assertThrows(DeviceNotAssignableException.class,
                () -> definer.define(host, new DomainDefiner.Command("b").pci(PF), false));
        assertTrue(e.getMessage().contains("VF " + VF0 + " (used by domain 'a')"), e.getMessage());
        assertTrue(e.getMessage().contains("detach the VFs first"), e.getMessage());
        assertThrows(DomainNotFoundException.class, () -> host.domain("b"), "nothing defined after a refusal");

        Hosts other = new Hosts();
        try {
            Host fresh = other.open(TestDriver.sriovHost());
            definer.define(fresh, new DomainDefiner.Command("pf-guest").pci(PF), false);
            DeviceNotAssignableException v = assertThrows(DeviceNotAssignableException.class, () -> definer.define(
                    fresh, new DomainDefiner.Command("vf-guest").vf(new PassthroughDevice.Vf(VF2, null, null, false)),
                    false));
            assertTrue(v.getMessage().contains("its PF " + PF + " is passed through to domain 'pf-guest'"),
                    v.getMessage());
        } finally {
            other.close();
        }
    }

    @Test
    void pfAndItsVfInOneRequestAndOtherRefusals() {
        DeviceNotAssignableException both = assertThrows(DeviceNotAssignableException.class, () -> definer.define(
                host, new DomainDefiner.Command("x").pci(PF).vf(new PassthroughDevice.Vf(VF0, null, null, false)),
                true));
        assertTrue(both.getMessage().contains("same request"), both.getMessage());
        DeviceNotAssignableException vfAsPci = assertThrows(DeviceNotAssignableException.class,
                () -> definer.define(host, new DomainDefiner.Command("x").pci(VF0), true));
        assertTrue(vfAsPci.getMessage().contains("--vf " + VF0), vfAsPci.getMessage());
        assertThrows(InvalidRequestException.class, () -> definer.define(host,
                new DomainDefiner.Command("x").pci(PciAddress.parse("0000:09:00.0")), true));
        assertThrows(InvalidRequestException.class, () -> definer.define(host,
                new DomainDefiner.Command("x").vf(new PassthroughDevice.Vf(NIC, null, null, false)), true));
        InvalidRequestException initrd = assertThrows(InvalidRequestException.class, () -> definer.define(host,
                new DomainDefiner.Command("x").kernel(null, "/boot/initrd.img", null), true));
        assertTrue(initrd.getMessage().contains("--kernel"), initrd.getMessage());

        definer.define(host, new DomainDefiner.Command("taken"), false);
        InvalidRequestException exists = assertThrows(InvalidRequestException.class,
                () -> definer.define(host, new DomainDefiner.Command("taken").pci(NIC), false));
        assertTrue(exists.getMessage().contains("already defined"), exists.getMessage());
        assertTrue(Inventory.scan(host).function(NIC).orElseThrow().usedBy() == null);
    }

    @Test
    void iommuGroupGoesToOneGuest() {
        PciAddress gpu = PciAddress.parse("0000:05:00.0");
        PciAddress audio = PciAddress.parse("0000:05:00.1");
        try (Hosts h = new Hosts()) {
            Host shared = h.open(TestDriver.sharedGroup());
            // the whole group, bridge left out, to one guest
            DomainDefiner.Result both = definer.define(shared, new DomainDefiner.Command("gpu-guest").pci(gpu)
                    .pci(audio), true);
            assertValid(both.xml());
            definer.define(shared, new DomainDefiner.Command("audio-guest").pci(audio), false);
            DeviceNotAssignableException e = assertThrows(DeviceNotAssignableException.class,
                    () -> definer.define(shared, new DomainDefiner.Command("gpu-guest").pci(gpu), false));
            assertTrue(e.getMessage().contains("IOMMU group 30"), e.getMessage());
            assertTrue(e.getMessage().contains(audio + " (used by domain 'audio-guest')"), e.getMessage());
            assertThrows(DomainNotFoundException.class, () -> shared.domain("gpu-guest"));
            // the bridge of the group is not a device to pass
            assertThrows(DeviceNotAssignableException.class, () -> definer.define(shared,
                    new DomainDefiner.Command("bridge").pci(PciAddress.parse("0000:00:1c.0")), true));
        }
    }

    @Test
    void devicesByAliasFromThePool() {
        DevicePool pool = DevicePool.parse("""
                {"device_spec": [{"vendor_id": "8086", "product_id": "10ca", "trusted": "true"},
                                 {"vendor_id": "8086", "product_id": "10d3"}],
                 "alias": [{"name": "vf", "vendor_id": "8086", "product_id": "10ca", "device_type": "type-VF"},
                           {"name": "e1000e", "vendor_id": "8086", "product_id": "10d3", "device_type": "type-PCI"}]}
                """);
        DomainDefiner.Result r = definer.define(host, new DomainDefiner.Command("by-alias").alias("vf", 2)
                .alias("e1000e", 1).pool(pool, Allocator.GroupPolicy.NONE), false);
        assertEquals(List.of("VF " + VF0, "VF " + VF2, "PCI device " + NIC), r.devices());
        Domain d = persistent(host, "by-alias");
        assertEquals(2, d.getDevices().interfaces().stream().filter(DomainInterface::isHostdev)
                .filter(i -> Boolean.TRUE.equals(i.getTrustGuestRxFilters())).count(), "device_spec trusted: true");
        assertEquals(NIC, d.getDevices().hostdevs().get(0).sourcePciAddress().orElseThrow());

        // the next VFs are 10.4 and 10.6; a third type-PCI device there is none
        NoFreeDeviceException none = assertThrows(NoFreeDeviceException.class, () -> definer.define(host,
                new DomainDefiner.Command("more").alias("e1000e", 1).pool(pool, Allocator.GroupPolicy.NONE), true));
        assertTrue(none.getMessage().contains("e1000e"), none.getMessage());
        assertThrows(NoFreeDeviceException.class, () -> definer.define(host, new DomainDefiner.Command("iso")
                .alias("vf", 2).pool(pool, Allocator.GroupPolicy.ISOLATE), true), "one PF: isolate cannot give 2");
        assertThrows(InvalidRequestException.class, () -> definer.define(host, new DomainDefiner.Command("nopool")
                .alias("vf", 1), true));
    }

    @Test
    void controllersOnlyWhenPortsAreAsked() {
        Domain d = DomainDefiner.build(new DomainDefiner.Command("p").guestAgent(false), List.of(), null);
        assertEquals(List.of("pcie-root"), d.getDevices().controllers().stream().map(DomainController::getModel)
                .toList());
    }
}
