package io.passthru.xml.domcaps;

import io.passthru.xml.RoundTrip;
import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed access to domain capabilities (formatdomaincaps.html). */
class DomainCapabilitiesTest {

    @Test
    void q35KvmCapabilities() {
        DomainCapabilities caps = XmlCodec.unmarshal(TestData.read("domaincaps/qemu_10.0.0-q35.x86_64.xml"),
                DomainCapabilities.class);
        assertEquals("/usr/bin/qemu-system-x86_64", caps.getPath());
        assertEquals("kvm", caps.getDomain());
        assertEquals("pc-q35-10.0", caps.getMachine());
        assertEquals("x86_64", caps.getArch());
        assertTrue(caps.supportsHostdevPciBackend("vfio"));
        assertFalse(caps.supportsHostdevPciBackend("kvm"));
        assertEquals(List.of("usb", "pci", "scsi"), caps.hostdevValues("subsysType"));
        assertEquals(List.of("subsystem"), caps.getDevices().getHostdev().values("mode"));
        assertEquals(List.of(), caps.hostdevValues("capsType"), "empty enum");
        assertEquals(List.of(), caps.hostdevValues("noSuchEnum"));
        assertEquals(List.of(), caps.iommuModels(), "this file has no <iommu>");
        assertEquals(List.of("bios", "efi"), caps.getOs().values("firmware"));
        assertEquals(List.of("/obviously/fake/firmware1.fd", "/obviously/fake/firmware2.fd"),
                caps.getOs().getLoader().getValues());
        assertEquals(List.of("rom", "pflash"), caps.getOs().getLoader().values("type"));
        assertEquals(Boolean.FALSE, caps.getFeatures().supported("sev").orElseThrow());
        assertEquals(Boolean.TRUE, caps.getFeatures().supported("vmcoreinfo").orElseThrow());
        assertTrue(caps.getFeatures().supported("nonexistent").isEmpty());
        assertTrue(caps.findExtra("cpu").isEmpty(), "cpu is typed now");
        assertEquals("yes", caps.getCpu().mode("host-passthrough").orElseThrow().getSupported());
        DomainCapsCpuMode custom = caps.getCpu().mode("custom").orElseThrow();
        assertTrue(custom.getModels().size() > 10);
        assertTrue(custom.getBlockers().stream().allMatch(b -> b.getModel() != null));
        assertEquals("yes", caps.getDevices().getDisk().getSupported());
        assertTrue(caps.getDevices().getDisk().values("bus").contains("virtio"));
    }

    @Test
    void iommuModelsWhenPresentAndSupported() {
        String xml = """
                <domainCapabilities>
                  <devices>
                    <hostdev supported='no'>
                      <enum name='pciBackend'><value>vfio</value></enum>
                    </hostdev>
                    <iommu supported='yes'>
                      <enum name='model'><value>intel</value><value>smmuv3</value><value>virtio</value></enum>
                    </iommu>
                  </devices>
                </domainCapabilities>
                """;
        DomainCapabilities caps = XmlCodec.unmarshal(xml, DomainCapabilities.class);
        assertEquals(List.of("intel", "smmuv3", "virtio"), caps.iommuModels());
        assertFalse(caps.supportsHostdevPciBackend("vfio"), "hostdev supported='no'");
        caps.getDevices().getIommu().setSupported("no");
        assertEquals(List.of(), caps.iommuModels());
    }

    @Test
    void allDomainCapabilitiesFilesRoundTrip() {
        RoundTrip.Result r = RoundTrip.run(TestData.xmlFiles("domaincaps"));
        RoundTrip.report("roundtrip domaincaps", r);
        assertTrue(r.files() >= 30, "found only " + r.files());
        assertEquals(List.of(), r.failures());
    }
}
