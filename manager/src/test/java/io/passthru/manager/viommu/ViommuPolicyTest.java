package io.passthru.manager.viommu;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.viommu.ViommuPolicy.Decision;
import io.passthru.manager.viommu.ViommuPolicy.Option;
import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domcaps.DomainCapabilities;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViommuPolicyTest {
    private static final long V11_3 = 11_003_000;
    private static final long V8_2 = 8_002_000;
    private static final Map<String, String> INTEL = Map.of("intremap", "on", "caching_mode", "on", "eim", "on",
            "iotlb", "on", "aw_bits", "48");

    /** A domain capabilities file from libvirt's test corpus (11.3.0: none of them has an iommu element). */
    private static DomainCapabilities corpus(String name) throws Exception {
        Path dir = TestData.root().resolve("domaincaps");
        return XmlCodec.unmarshal(Files.readString(dir.resolve(name)), DomainCapabilities.class);
    }

    /** Newer libvirt reports {@code <iommu>} in domain capabilities; the corpus lacks it, so build a snippet. */
    private static DomainCapabilities caps(String arch, String machine, String supported, String... models) {
        StringBuilder enumXml = new StringBuilder("<enum name='model'>");
        for (String m : models) {
            enumXml.append("<value>").append(m).append("</value>");
        }
        enumXml.append("</enum>");
        return XmlCodec.unmarshal("<domainCapabilities><path>/usr/bin/qemu-system-" + arch + "</path>"
                + "<domain>kvm</domain><machine>" + machine + "</machine><arch>" + arch + "</arch><devices>"
                + "<iommu supported='" + supported + "'>" + enumXml + "</iommu></devices></domainCapabilities>",
                DomainCapabilities.class);
    }

    private static String error(Option o, String arch, String machine, long v, DomainCapabilities c) {
        return assertThrows(InvalidRequestException.class, () -> ViommuPolicy.decide(o, arch, machine, v, c))
                .getMessage();
    }

    @Test
    void autoOnRealQ35CapsWithoutIommuElementIsIntel() throws Exception {
        DomainCapabilities q35 = corpus("qemu_10.0.0-q35.x86_64.xml");
        assertNull(q35.getDevices().getIommu(), "libvirt 11.3 does not report iommu models");
        Decision d = ViommuPolicy.decide(Option.AUTO, null, null, V11_3, q35);
        assertEquals("intel", d.model());
        assertEquals(INTEL, d.driver());
        assertEquals(List.of("intremap", "caching_mode", "eim", "iotlb", "aw_bits"), List.copyOf(d.driver().keySet()));
        assertEquals("qemu", d.ioapicDriver());
        assertTrue(d.present());
    }

    @Test
    void intelOnRealI440fxCapsIsRefused() throws Exception {
        DomainCapabilities pc = corpus("qemu_10.0.0.x86_64.xml");
        assertEquals("pc-i440fx-10.0", pc.getMachine());
        String msg = error(Option.INTEL, null, null, V11_3, pc);
        assertTrue(msg.contains("needs a q35 machine") && msg.contains("pc-i440fx-10.0")
                && msg.contains("machine type q35"), msg);
        String auto = error(Option.AUTO, null, null, V11_3, pc);
        assertTrue(auto.startsWith("vIOMMU auto: no vIOMMU model for arch x86_64, machine pc-i440fx-10.0"), auto);
        assertThrows(InvalidRequestException.class, () -> ViommuPolicy.decide(Option.INTEL, "x86_64", "pc", V11_3,
                null));
    }

    @Test
    void autoOnRealAarch64VirtCapsIsSmmuv3WithoutAttributes() throws Exception {
        DomainCapabilities virt = corpus("qemu_8.2.0-virt.aarch64.xml");
        Decision d = ViommuPolicy.decide(Option.AUTO, null, null, V11_3, virt);
        assertEquals("smmuv3", d.model());
        assertTrue(d.driver().isEmpty());
        assertNull(d.ioapicDriver());
        String msg = error(Option.INTEL, null, null, V11_3, virt);
        assertTrue(msg.contains("x86 (VT-d)") && msg.contains("aarch64"), msg);
        String amd = error(Option.AMD, null, null, V11_3, virt);
        assertTrue(amd.contains("amd is an x86 (AMD-Vi) device"), amd);
    }

    @Test
    void smmuv3OnX86IsRefused() throws Exception {
        String msg = error(Option.SMMUV3, null, null, V11_3, corpus("qemu_10.0.0-q35.x86_64.xml"));
        assertTrue(msg.contains("smmuv3 is the Arm SMMU") && msg.contains("is x86: use intel or virtio"), msg);
    }

    @Test
    void autoPrefersVirtioWhenCapabilitiesListItAndLibvirtIsNewEnough() {
        DomainCapabilities c = caps("x86_64", "pc-q35-10.1", "yes", "intel", "smmuv3", "virtio");
        Decision d = ViommuPolicy.decide(Option.AUTO, null, null, 11_008_000, c);
        assertEquals("virtio", d.model());
        assertTrue(d.driver().isEmpty());
        assertNull(d.ioapicDriver());
        assertEquals("intel", ViommuPolicy.decide(Option.AUTO, null, null, V8_2, c).model(),
                "libvirt before 8.3.0 has no virtio model");
        DomainCapabilities arm = caps("aarch64", "virt-10.1", "yes", "smmuv3", "virtio");
        assertEquals("virtio", ViommuPolicy.decide(Option.AUTO, null, null, 11_008_000, arm).model());
        DomainCapabilities noVirtio = caps("x86_64", "pc-q35-10.1", "yes", "intel");
        assertEquals("intel", ViommuPolicy.decide(Option.AUTO, null, null, 11_008_000, noVirtio).model());
    }

    @Test
    void modelsTheCapabilitiesDoNotListAreRefused() {
        DomainCapabilities onlyIntel = caps("x86_64", "pc-q35-10.1", "yes", "intel");
        String msg = error(Option.VIRTIO, null, null, 11_008_000, onlyIntel);
        assertTrue(msg.contains("virtio is not supported by this hypervisor") && msg.contains("[intel]"), msg);
        DomainCapabilities unsupported = caps("x86_64", "pc-q35-10.1", "no", "intel");
        String none = error(Option.INTEL, null, null, 11_008_000, unsupported);
        assertTrue(none.contains("list iommu models [] (none)"), none);
        assertThrows(InvalidRequestException.class,
                () -> ViommuPolicy.decide(Option.AUTO, null, null, 11_008_000, unsupported));
    }

    @Test
    void virtioNeedsLibvirt830AndAQ35OrVirtMachine() {
        String old = error(Option.VIRTIO, "x86_64", "q35", V8_2, null);
        assertTrue(old.contains("libvirt 8.3.0 or newer, this is 8.2.0: use intel"), old);
        String pc = error(Option.VIRTIO, "x86_64", "pc-i440fx-9.2", V11_3, null);
        assertTrue(pc.contains("q35 or aarch64 virt"), pc);
        Decision d = ViommuPolicy.decide(Option.VIRTIO, "x86_64", "q35", V11_3, null);
        assertEquals("virtio", d.model());
    }

    @Test
    void amdNeedsQ35AndANewEnoughLibvirt() {
        String old = error(Option.AMD, "x86_64", "pc-q35-10.0", V11_3, null);
        assertTrue(old.contains("libvirt 11.5.0 or newer, this is 11.3.0"), old);
        Decision d = ViommuPolicy.decide(Option.AMD, "x86_64", "pc-q35-10.0", 11_005_000, null);
        assertEquals("amd", d.model());
        assertEquals(Map.of("intremap", "on"), d.driver());
        assertEquals("qemu", d.ioapicDriver());
        assertEquals("amd", ViommuPolicy.decide(Option.AMD, null, null, V11_3,
                caps("x86_64", "pc-q35-10.0", "yes", "intel", "amd")).model(), "listed by the capabilities");
        assertTrue(error(Option.AMD, "x86_64", "pc", 11_005_000, null).contains("amd needs a q35 machine"));
    }

    @Test
    void awBitsOnlyWhereLibvirtSupportsIt() {
        Decision d = ViommuPolicy.decide(Option.INTEL, "x86_64", "q35", 6_004_000, null);
        assertFalse(d.driver().containsKey("aw_bits"));
        assertEquals("on", d.driver().get("eim"));
        assertThrows(UnsupportedOperationException.class, () -> d.driver().put("x", "y"));
    }

    @Test
    void noneAndParsing() {
        Decision none = ViommuPolicy.decide("none", null, null, V11_3, null);
        assertFalse(none.present());
        assertTrue(none.driver().isEmpty());
        assertEquals(Option.SMMUV3, Option.parse(" SMMUv3 "));
        String msg = assertThrows(InvalidRequestException.class, () -> Option.parse("vtd")).getMessage();
        assertTrue(msg.contains("auto, intel, smmuv3, virtio, amd, none"), msg);
        String unknown = error(Option.INTEL, null, null, V11_3, null);
        assertTrue(unknown.contains("arch and machine are unknown"), unknown);
    }
}
