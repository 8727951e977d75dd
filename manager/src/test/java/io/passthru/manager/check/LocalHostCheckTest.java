package io.passthru.manager.check;

import io.passthru.manager.check.Check.Status;
import io.passthru.xml.PciAddress;
import io.passthru.xml.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalHostCheckTest {
    @TempDir
    Path root;

    private LocalHostCheck check() {
        return new LocalHostCheck(root);
    }

    private static void assertStatus(Status s, Check c) {
        assertEquals(s, c.status(), c.toString());
        if (s == Status.PASS) {
            assertNull(c.remedy());
        } else {
            assertTrue(c.remedy() != null && !c.remedy().isBlank(), "non-pass results carry a remedy: " + c);
        }
    }

    @Test
    void healthyIntelHostPassesEverything() {
        FakeHost.healthyIntel(root);
        List<Check> all = check().run(List.of(PciAddress.parse("0000:0a:10.0")));
        Map<String, Status> byName = all.stream().collect(Collectors.toMap(Check::name, Check::status));
        assertEquals(Map.of("cpu-virtualization", Status.PASS, "kvm", Status.PASS, "iommu", Status.PASS,
                "interrupt-remapping", Status.PASS, "vfio", Status.PASS, "sriov 0000:0a:00.0", Status.PASS,
                "pf-link eth0", Status.PASS, "iommu-group 0000:0a:10.0", Status.PASS), byName);
        assertTrue(Check.ok(all));
        Check iommu = check().iommu();
        assertTrue(iommu.detail().contains("4 IOMMU group(s); units [dmar0]; ACPI tables DMAR (Intel VT-d); "
                + "kernel args intel_iommu=on iommu=pt"), iommu.detail());
        assertEquals("remapped interrupt chips in /proc/interrupts: [IR-IO-APIC, IR-PCI-MSI]",
                check().interruptRemapping().detail());
        assertEquals("0000:0a:00.0 (eth0): 2 of 7 VFs enabled", check().sriov().get(0).detail());
    }

    @Test
    void cpuFlags() {
        FakeHost h = new FakeHost(root);
        assertStatus(Status.WARN, check().cpuVirtualization());
        h.file("proc/cpuinfo", "flags\t: fpu svm hypervisor\n");
        Check amd = check().cpuVirtualization();
        assertStatus(Status.PASS, amd);
        assertTrue(amd.detail().startsWith("AMD-V (svm)") && amd.detail().contains("nested"), amd.detail());
        h.file("proc/cpuinfo", "flags\t: fpu sse2 hypervisor\n");
        Check none = check().cpuVirtualization();
        assertStatus(Status.FAIL, none);
        assertTrue(none.remedy().contains("nested=1"), none.remedy());
        h.file("proc/cpuinfo", "processor\t: 0\nFeatures\t: fp asimd evtstrm\nCPU implementer\t: 0x41\n");
        assertStatus(Status.WARN, check().cpuVirtualization());
    }

    @Test
    void kvmNeedsDevKvm() {
        Check c = check().kvm();
        assertStatus(Status.FAIL, c);
        assertTrue(c.remedy().contains("modprobe kvm_intel"));
        new FakeHost(root).file("dev/kvm", "");
        assertStatus(Status.PASS, check().kvm());
    }

    @Test
    void iommuRemedyDependsOnTheEvidence() {
        FakeHost h = new FakeHost(root).file("proc/cmdline", "ro quiet\n");
        Check noFirmware = check().iommu();
        assertStatus(Status.FAIL, noFirmware);
        assertTrue(noFirmware.remedy().contains("firmware setup"), noFirmware.remedy());

        h.file("sys/firmware/acpi/tables/DMAR", "x");
        Check intel = check().iommu();
        assertStatus(Status.FAIL, intel);
        assertTrue(intel.remedy().startsWith("boot with intel_iommu=on iommu=pt"), intel.remedy());

        h.file("proc/cmdline", "ro intel_iommu=off\n");
        Check off = check().iommu();
        assertTrue(off.detail().contains("turns the IOMMU off") && off.remedy().startsWith("remove intel_iommu=off"),
                off.toString());

        new FakeHost(root.resolve("amd")).file("sys/firmware/acpi/tables/IVRS", "x").file("proc/cmdline", "ro");
        Check amd = new LocalHostCheck(root.resolve("amd")).iommu();
        assertTrue(amd.remedy().startsWith("boot with amd_iommu=on iommu=pt"), amd.remedy());

        h.file("proc/cmdline", "ro intel_iommu=on\n").group(0, "0000:00:00.0");
        Check on = check().iommu();
        assertStatus(Status.PASS, on);
        assertTrue(on.detail().contains("iommu=pt not set"), on.detail());
    }

    @Test
    void interruptRemappingEvidence() {
        FakeHost h = new FakeHost(root);
        assertStatus(Status.WARN, check().interruptRemapping());

        h.file("sys/class/iommu/dmar0/intel-iommu/ecap", "f0205e\n"); // bit 3 set
        Check supported = check().interruptRemapping();
        assertStatus(Status.PASS, supported);
        assertTrue(supported.detail().contains("[dmar0] support interrupt remapping"), supported.detail());

        h.file("proc/interrupts", " 24:  5  PCI-MSI 512000-edge  ahci\n");
        assertStatus(Status.WARN, check().interruptRemapping());

        h.file("sys/class/iommu/dmar1/intel-iommu/ecap", "0x1000\n"); // bit 3 clear
        Check lacking = check().interruptRemapping();
        assertStatus(Status.FAIL, lacking);
        assertTrue(lacking.detail().startsWith("IOMMU unit(s) [dmar1] lack interrupt remapping"), lacking.detail());

        h.file("proc/cmdline", "ro intremap=off");
        assertTrue(check().interruptRemapping().detail().contains("intremap=off"));

        h.file("sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts", "Y\n");
        Check unsafe = check().interruptRemapping();
        assertStatus(Status.WARN, unsafe);
        assertTrue(unsafe.detail().contains("allow_unsafe_interrupts=Y"), unsafe.detail());
    }

    @Test
    void vfioModules() {
        FakeHost h = new FakeHost(root).dir("sys/module/vfio");
        Check c = check().vfioModules();
        assertStatus(Status.FAIL, c);
        assertTrue(c.detail().startsWith("module(s) [vfio_pci] not loaded"), c.detail());
        assertTrue(c.remedy().startsWith("modprobe vfio-pci"), c.remedy());
        h.dir("sys/module/vfio_pci").dir("sys/module/iommufd");
        Check ok = check().vfioModules();
        assertStatus(Status.PASS, ok);
        assertEquals("modules present: [vfio, vfio_pci, iommufd]", ok.detail());
    }

    @Test
    void sriovAndLinks() {
        FakeHost h = new FakeHost(root);
        List<Check> none = check().sriov();
        assertEquals(1, none.size());
        assertStatus(Status.FAIL, none.get(0));

        h.pf("0000:0a:00.0", 7, 0, "eth0", "down").pf("0000:0b:00.0", 8, 8, null, null)
                .pf("0000:0c:00.0", 4, 1, "eth2", "dormant")
                .pci("0000:00:02.0", "0x030000", "i915").file("sys/bus/pci/devices/0000:00:02.0/sriov_totalvfs", "0");
        List<Check> sriov = check().sriov();
        assertEquals(List.of("sriov 0000:0a:00.0", "sriov 0000:0b:00.0", "sriov 0000:0c:00.0"),
                sriov.stream().map(Check::name).toList(), "a device with sriov_totalvfs 0 is no PF");
        assertStatus(Status.WARN, sriov.get(0));
        assertEquals("echo N > /sys/bus/pci/devices/0000:0a:00.0/sriov_numvfs (N from 1 to 7; make it persistent "
                + "with a udev rule or systemd unit)", sriov.get(0).remedy());
        assertStatus(Status.PASS, sriov.get(1));
        assertEquals("0000:0b:00.0: 8 of 8 VFs enabled", sriov.get(1).detail());

        List<Check> links = check().pfLinks();
        assertEquals(List.of("pf-link eth0", "pf-link 0000:0b:00.0", "pf-link eth2"),
                links.stream().map(Check::name).toList());
        assertStatus(Status.FAIL, links.get(0));
        assertTrue(links.get(0).remedy().startsWith("ip link set eth0 up"));
        assertStatus(Status.WARN, links.get(1));
        assertTrue(links.get(1).detail().contains("no network interface (driver igb)"));
        assertStatus(Status.WARN, links.get(2));
        assertFalse(Check.ok(check().run()));
    }

    @Test
    void iommuGroupViability() {
        new FakeHost(root)
                .pci("0000:00:1c.0", "0x060400", "pcieport")
                .pci("0000:03:00.0", "0x020000", "vfio-pci")
                .pci("0000:03:00.1", "0x020000", "pci-stub")
                .pci("0000:03:00.2", "0x020000", null)
                .pci("0000:03:00.3", "0x040300", "snd_hda_intel")
                .pci("0000:04:00.0", "0x020000", "vfio-pci")
                .pci("0000:05:00.0", "0x020000", null)
                .group(7, "0000:00:1c.0", "0000:03:00.0", "0000:03:00.1", "0000:03:00.2")
                .group(8, "0000:04:00.0", "0000:03:00.3");
        Check ok = check().iommuGroup(PciAddress.parse("0000:03:00.0"));
        assertStatus(Status.PASS, ok);
        assertEquals("IOMMU group 7 [0000:00:1c.0, 0000:03:00.0, 0000:03:00.1, 0000:03:00.2] is viable", ok.detail());
        Check bad = check().iommuGroup(PciAddress.parse("0000:04:00.0"));
        assertStatus(Status.FAIL, bad);
        assertTrue(bad.detail().startsWith("IOMMU group 8 also holds 0000:03:00.3 (driver snd_hda_intel)"),
                bad.detail());
        assertTrue(bad.remedy().contains("vfio-pci"), bad.remedy());
        Check ungrouped = check().iommuGroup(PciAddress.parse("0000:05:00.0"));
        assertStatus(Status.FAIL, ungrouped);
        assertEquals("0000:05:00.0 is in no IOMMU group", ungrouped.detail());
        Check missing = check().iommuGroup(PciAddress.parse("0000:09:00.0"));
        assertEquals("no PCI device 0000:09:00.0", missing.detail());
    }

    @Test
    void bridgeClassIsReadFromConfigSpaceWithoutAClassFile() throws Exception {
        Path corpus = TestData.root().resolve("pcisysfs");
        FakeHost h = new FakeHost(root)
                .pci("0005:80:00.0", null, "pcieport")
                .pci("0001:01:00.0", null, "e1000e")
                .pci("0005:90:01.0", null, "vfio-pci")
                .group(3, "0005:80:00.0", "0005:90:01.0");
        // real config spaces from libvirt's test corpus: a PCI bridge (class 0x060400) and an Ethernet NIC
        Files.copy(corpus.resolve("0005-80-00.0.config"), root.resolve("sys/bus/pci/devices/0005:80:00.0/config"));
        Files.copy(corpus.resolve("0001-01-00.0.config"), root.resolve("sys/bus/pci/devices/0001:01:00.0/config"));
        assertStatus(Status.PASS, check().iommuGroup(PciAddress.parse("0005:90:01.0")));
        h.group(4, "0001:01:00.0", "0005:90:01.0");
        Files.delete(root.resolve("sys/kernel/iommu_groups/3/devices/0005:90:01.0"));
        Check nic = check().iommuGroup(PciAddress.parse("0005:90:01.0"));
        assertStatus(Status.FAIL, nic);
        assertTrue(nic.detail().contains("0001:01:00.0 (driver e1000e)"), nic.detail());
    }
}
