package io.passthru.xml.domain;

import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.RelaxNg;
import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every XML passthru generates is valid by libvirt's own RELAX NG schema (domain.rng, libvirt 11.3). */
class GeneratedXmlValidationTest {
    private static final PciAddress VF = PciAddress.parse("0000:01:10.2");

    private static void assertValidDomain(String xml) {
        List<String> errors = RelaxNg.errors("domain.rng", xml);
        assertEquals(List.of(), errors, xml);
    }

    private static void assertValidDevice(Object device) {
        assertValidDomain(RelaxNg.inMinimalDomain(XmlCodec.marshal(device)));
    }

    @Test
    void validatorAcceptsACorpusDomainAndRejectsABrokenOne() {
        assertValidDomain(TestData.read("domain/net-hostdev-vfio.x86_64-latest.xml"));
        assertValidDomain(TestData.read("domain/hostdev-vfio.x86_64-latest.xml"));
        List<String> errors = RelaxNg.errors("domain.rng",
                "<domain type='kvm'><name>v</name><memory>1</memory><os><type>hvm</type></os>"
                        + "<devices><hostdev mode='subsystem' type='pci' managed='maybe'/></devices></domain>");
        assertFalse(errors.isEmpty(), "a bad managed value must be reported");
    }

    @Test
    void builderFragmentsValidate() {
        assertValidDevice(DomainHostdev.pciVfio(VF));
        assertValidDevice(DomainInterface.hostdevVf(VF, MacAddress.parse("52:54:00:ab:cd:ef")));
        assertValidDevice(DomainInterface.hostdevVf(VF, null));
        assertValidDevice(DomainChannel.guestAgent());
        assertValidDevice(DomainController.pcieRootPort(3));
        DomainHostdev mdev = DomainHostdev.mdev("b1ae8bf6-38b0-4c81-9d44-78ce3f520496");
        assertValidDevice(mdev);
        String xml = XmlCodec.marshal(mdev);
        org.junit.jupiter.api.Assertions.assertTrue(xml.contains("type=\"mdev\"") && xml.contains("model=\"vfio-pci\"")
                && xml.contains("uuid=\"b1ae8bf6-38b0-4c81-9d44-78ce3f520496\""), xml);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("b1ae8bf6-38b0-4c81-9d44-78ce3f520496"),
                XmlCodec.unmarshal(xml, DomainHostdev.class).mdevUuid());
    }

    /** What attach --vlan/--trusted and define write for a VF, and define's virtio NICs. */
    @Test
    void vfNetworkSettingsAndVirtioNicsValidate() {
        assertValidDevice(DomainInterface.hostdevVf(VF, MacAddress.parse("52:54:00:ab:cd:ef"), 42, true));
        assertValidDevice(DomainInterface.hostdevVf(VF, null, 0, false));
        assertValidDevice(DomainInterface.hostdevVf(VF, null, 4095, true));
        assertValidDevice(DomainInterface.virtioBridge("br0", MacAddress.parse("52:54:00:00:00:09")));
        assertValidDevice(DomainInterface.virtioNetwork("default", null));
        // the schema itself refuses a VLAN id out of 802.1Q's range: the builder refuses it first
        assertFalse(RelaxNg.errors("domain.rng", RelaxNg.inMinimalDomain(XmlCodec.marshal(
                DomainInterface.hostdevVf(VF, null, 4095, false)).replace("4095", "4096"))).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DomainInterface.hostdevVf(VF, null, 4096, false));
    }

    /** A domain as passthru define builds it: disk, virtio NIC, VF, PCI hostdev, spare root ports, agent, vIOMMU. */
    @Test
    void defineShapedDomainsValidate() {
        Domain full = DomainBuilder.kvmQ35("vm-define").memoryMiB(1024).vcpus(2)
                .disk(DomainDisk.file("/var/lib/libvirt/images/vm.qcow2", "qcow2", "vda", "virtio"))
                .iface(DomainInterface.virtioBridge("br0", MacAddress.parse("52:54:00:00:00:0a")))
                .iface(DomainInterface.hostdevVf(VF, MacAddress.parse("52:54:00:00:00:0b"), 100, true))
                .hostdev(DomainHostdev.pciVfio(PciAddress.parse("0000:04:00.0")))
                .pcieRootPorts(4).channel(DomainChannel.guestAgent())
                .features(true, true, "qemu").iommu(DomainIommu.intel(true, true, true, true)).build();
        String xml = XmlCodec.marshal(full);
        assertValidDomain(xml);
        Domain back = XmlCodec.unmarshal(xml, Domain.class);
        assertEquals(1, back.getDevices().disks().size());
        assertEquals(2, back.getDevices().interfaces().size());
        assertEquals(100, back.getDevices().interfaces().get(1).vlanTag().orElseThrow());
        assertEquals(Boolean.TRUE, back.getDevices().interfaces().get(1).getTrustGuestRxFilters());
        assertEquals(5, back.getDevices().controllers().size(), "pcie-root + 4 root ports");

        // without disk, kernel or NIC: still a valid domain (boots nothing, but defines)
        assertValidDomain(XmlCodec.marshal(DomainBuilder.kvmQ35("vm-empty").memoryMiB(256).build()));
    }

    /** define --numa: a guest cell per host node, vCPUs and memory split in order, memory bound per cell. */
    @Test
    void numaPlacementValidatesAndSplitsInOrder() {
        Domain d = DomainBuilder.kvmQ35("vm-numa").memoryMiB(1025).vcpus(3).numa(List.of(0, 1), "0-3").build();
        String xml = XmlCodec.marshal(d);
        assertValidDomain(xml);
        org.junit.jupiter.api.Assertions.assertEquals("0,1", d.getNumatune().getMemory().getNodeset());
        org.junit.jupiter.api.Assertions.assertEquals("strict", d.getNumatune().getMemory().getMode());
        org.junit.jupiter.api.Assertions.assertEquals(List.of("0-1", "2"),
                d.getCpu().getNuma().getCells().stream().map(DomainCpuNumaCell::getCpus).toList());
        org.junit.jupiter.api.Assertions.assertEquals(List.of("513", "512"),
                d.getCpu().getNuma().getCells().stream().map(DomainCpuNumaCell::getMemory).toList());
        org.junit.jupiter.api.Assertions.assertEquals(List.of("0", "1"),
                d.getNumatune().getMemnodes().stream().map(DomainNumatuneMemnode::getNodeset).toList());
        org.junit.jupiter.api.Assertions.assertEquals("0-3", d.getVcpu().getCpuset());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
                DomainBuilder.kvmQ35("vm-numa").vcpus(1).numa(List.of(0, 1), null).build());
    }

    /** What passthru set-viommu writes: an intel vIOMMU with Nova's driver attributes and the qemu I/O APIC. */
    @Test
    void viommuDomainsValidate() {
        for (DomainIommu iommu : List.of(DomainIommu.intel(true, true, true, true), DomainIommu.virtio(),
                DomainIommu.smmuv3())) {
            if ("intel".equals(iommu.getModel())) {
                iommu.driver().setAwBitsRaw("48");
            }
            Domain d = DomainBuilder.kvmQ35("vm-viommu").memoryMiB(512).vcpus(1)
                    .directKernel("/boot/vmlinuz", "/boot/initrd.img", "intel_iommu=on")
                    .features(true, true, "qemu").pcieRootPorts(2)
                    .iface(DomainInterface.hostdevVf(VF, MacAddress.parse("52:54:00:00:00:02"))).build();
            d.devices().add(iommu);
            String xml = XmlCodec.marshal(d);
            assertValidDomain(xml);
            assertTrue(xml.contains("<iommu model=\"" + iommu.getModel() + "\""), xml);
        }
    }

    @Test
    void builtDomainsValidate() {
        Domain kernelBoot = DomainBuilder.kvmQ35("vm-1").uuid("c7a5fdbd-edaf-9455-926a-d65c16db1809")
                .memoryMiB(2048).vcpus(4).directKernel("/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0")
                .cpuMode("host-passthrough").emulator("/usr/bin/qemu-system-x86_64").pcieRootPorts(4)
                .iface(DomainInterface.hostdevVf(VF, MacAddress.parse("52:54:00:00:00:01")))
                .hostdev(DomainHostdev.pciVfio(PciAddress.parse("0000:01:10.3")))
                .channel(DomainChannel.guestAgent()).build();
        String xml = XmlCodec.marshal(kernelBoot);
        assertValidDomain(xml);
        assertTrue(xml.contains("<memory unit=\"KiB\">2097152</memory>"), xml);
        assertEquals(5, kernelBoot.getDevices().controllers().size(), "pcie-root + 4 root ports");

        Domain efi = DomainBuilder.kvmQ35("vm-2").firmware("efi").features(true, true, null).cpuMode("host-model")
                .machine("pc-q35-9.2").build();
        assertValidDomain(XmlCodec.marshal(efi));
        assertEquals("efi", efi.getOs().getFirmware());

        Domain minimal = DomainBuilder.kvmQ35("vm-3").cpuMode(null).features(false, false, null).build();
        assertValidDomain(XmlCodec.marshal(minimal));

        // a built domain reads back into the same model
        Domain back = XmlCodec.unmarshal(xml, Domain.class);
        assertEquals(PciAddress.parse("0000:01:10.3"), back.getDevices().hostdevs().get(0).sourcePciAddress().orElseThrow());
        assertEquals(2097152L, back.getMemory().toKiB());
    }
}
