package io.passthru.xml.domain;

import io.passthru.xml.InvalidXmlValueException;
import io.passthru.xml.RoundTrip;
import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed devices (disk, controller, iommu, ...) on libvirt's own domain XML, and their builders. */
class DomainDevicesTypedTest {

    private static Domain read(String file) {
        return XmlCodec.unmarshal(TestData.read(file), Domain.class);
    }

    private static void assertSimilar(String control, String test) {
        assertFalse(TestData.similar(control, test).hasDifferences(),
                () -> TestData.similar(control, test) + "\n" + test);
    }

    /** The text of the first element with this name in a corpus file, as a standalone document. */
    private static String firstElement(String file, String name) {
        Element e = (Element) TestData.parse(TestData.read(file)).getElementsByTagName(name).item(0);
        try {
            var t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            var w = new java.io.StringWriter();
            t.transform(new javax.xml.transform.dom.DOMSource(e), new javax.xml.transform.stream.StreamResult(w));
            return w.toString();
        } catch (javax.xml.transform.TransformerException ex) {
            throw new AssertionError(ex);
        }
    }

    // ---- every device of the corpus is typed ----

    @Test
    void noDeviceOfTheCorpusIsLeftUntyped() {
        Map<String, Integer> untyped = new HashMap<>();
        int devices = 0;
        for (Path f : TestData.xmlFiles("domain")) {
            String xml = TestData.read(f);
            if (!"domain".equals(TestData.rootName(xml))) {
                continue;
            }
            Domain d = XmlCodec.unmarshal(xml, Domain.class);
            if (d.getDevices() == null) {
                continue;
            }
            for (Object o : d.getDevices().getDevices()) {
                devices++;
                if (o instanceof Element e) {
                    untyped.merge(e.getLocalName(), 1, Integer::sum);
                }
            }
        }
        assertTrue(devices > 15000, "found only " + devices + " devices");
        assertEquals(Map.of(), untyped);
    }

    @Test
    void deviceFragmentsRoundTrip() {
        for (Class<?> c : DomainDevices.DEVICE_TYPES) {
            String root = XmlCodec.rootElementName(c);
            assertEquals(c, XmlCodec.rootClass(root).orElseThrow(), "fragment root <" + root + "> picks its class");
        }
        RoundTrip.Result r = RoundTrip.run(TestData.xmlFiles("hotplug-devices"));
        RoundTrip.report("roundtrip hotplug-devices (all device types)", r);
        assertTrue(r.files() >= 35, "found only " + r.files() + " device fragments");
        assertEquals(List.of(), r.failures());
    }

    @Test
    void unknownDeviceStaysAnElementAndAddAcceptsTypedDevices() {
        DomainDevices devs = new DomainDevices();
        devs.add(DomainIommu.virtio());
        devs.add(DomainDisk.file("/var/lib/libvirt/images/a.qcow2", "qcow2", "vda", "virtio"));
        devs.add(XmlCodec.parseElement("<futuredevice x='1'/>"));
        assertThrows(IllegalArgumentException.class, () -> devs.add(new DomainDiskSource()));
        assertEquals(1, devs.iommus().size());
        assertEquals(1, devs.disks().size());
        assertEquals(1, devs.otherDevices("futuredevice").size());
    }

    // ---- iommu ----

    @Test
    void intelIommuFromTheCorpus() {
        DomainIommu caching = read("domain/intel-iommu-caching-mode.x86_64-latest.xml").getDevices().iommu().orElseThrow();
        assertEquals(DomainIommu.MODEL_INTEL, caching.getModel());
        assertEquals(Boolean.TRUE, caching.getDriver().getIntremap());
        assertEquals(Boolean.TRUE, caching.getDriver().getCachingMode());
        assertNull(caching.getDriver().getEim());
        assertNull(caching.getDriver().getAwBits());

        DomainIommuDriver eim = read("domain/intel-iommu-eim.x86_64-latest.xml").getDevices().iommu().orElseThrow().getDriver();
        assertEquals(Boolean.TRUE, eim.getEim());
        assertEquals("on", eim.getEimRaw());

        DomainIommuDriver dma = read("domain/intel-iommu-dma-translation.x86_64-latest.xml").getDevices().iommu().orElseThrow()
                .getDriver();
        assertEquals(Boolean.FALSE, dma.getDmaTranslation());
    }

    @Test
    void smmuv3AndVirtioIommuFromTheCorpus() {
        DomainIommu smmu = read("domain/iommu-smmuv3.aarch64-latest.xml").getDevices().iommu().orElseThrow();
        assertEquals("smmuv3", smmu.getModel());
        assertNull(smmu.getDriver());

        DomainIommu virtio = read("domain/virtio-iommu-x86_64.x86_64-latest.xml").getDevices().iommu().orElseThrow();
        assertEquals("virtio", virtio.getModel());
        assertEquals("pci", virtio.getAddress().getType());
        assertEquals("0x01", virtio.getAddress().getSlot());
    }

    /** Attributes of libvirt releases after 11.3 (amd xtsup/passthrough, virtio granule) are typed and round-trip. */
    @Test
    void newerIommuDriverAttributesAreTyped() {
        String xml = "<iommu model='amd'><driver intremap='on' xtsup='on' passthrough='off' granule='4K'/></iommu>";
        DomainIommu iommu = XmlCodec.unmarshal(xml, DomainIommu.class);
        assertEquals("amd", iommu.getModel());
        assertEquals(Boolean.TRUE, iommu.getDriver().getXtsup());
        assertEquals(Boolean.FALSE, iommu.getDriver().getPassthrough());
        assertEquals("4K", iommu.getDriver().getGranule());
        assertTrue(iommu.getDriver().getExtraAttributes().isEmpty(), "nothing left to the catch-all");
        String out = XmlCodec.marshal(iommu);
        assertTrue(out.contains("xtsup=\"on\"") && out.contains("granule=\"4K\""), out);
    }

    @Test
    void intelIommuFactoryMatchesLibvirtsOwnXml() {
        DomainIommu built = DomainIommu.intel(true, true, null, null);
        String xml = XmlCodec.marshal(built);
        assertEquals("""
                <iommu model="intel">
                  <driver intremap="on" caching_mode="on"/>
                </iommu>
                """, xml);
        assertSimilar(firstElement("domain/intel-iommu-caching-mode.x86_64-latest.xml", "iommu"), xml);

        DomainIommu eim = DomainIommu.intel(true, null, true, null);
        assertSimilar(firstElement("domain/intel-iommu-eim.x86_64-latest.xml", "iommu"), XmlCodec.marshal(eim));

        DomainIommu full = DomainIommu.intel(true, false, true, true);
        full.driver().setAwBits(48);
        full.driver().setDmaTranslation(false);
        assertEquals("<driver intremap=\"on\" caching_mode=\"off\" eim=\"on\" iotlb=\"on\" aw_bits=\"48\" dma_translation=\"off\"/>",
                XmlCodec.marshal(full).lines().filter(l -> l.contains("<driver")).findFirst().orElseThrow().strip());
        DomainIommu back = XmlCodec.unmarshal(XmlCodec.marshal(full), DomainIommu.class);
        assertEquals(48, back.getDriver().getAwBits());
        assertEquals(Boolean.TRUE, back.getDriver().getIotlb());

        assertEquals("<iommu model=\"intel\"/>\n", XmlCodec.marshal(DomainIommu.intel(null, null, null, null)));
        assertEquals("<iommu model=\"virtio\"/>\n", XmlCodec.marshal(DomainIommu.virtio()));
        assertSimilar(firstElement("domain/iommu-smmuv3.aarch64-latest.xml", "iommu"), XmlCodec.marshal(DomainIommu.smmuv3()));
    }

    @Test
    void iommuAttributesOfLaterLibvirtSurvive() {
        String xml = "<iommu model='amd'><driver intremap='on' xtsup='on' passthrough='off' future='1'/>"
                + "<alias name='iommu0'/></iommu>";
        DomainIommu i = XmlCodec.unmarshal(xml, DomainIommu.class);
        assertEquals("amd", i.getModel());
        assertEquals(Boolean.TRUE, i.getDriver().getIntremap());
        assertEquals("on", i.getDriver().getXtsupRaw());
        assertEquals("1", i.getDriver().getExtraAttribute("future"), "unknown attributes stay in the catch-all");
        assertEquals("iommu0", i.getAlias().getName());
        assertSimilar(xml, XmlCodec.marshal(i));
        i.getDriver().setIntremapRaw("maybe");
        assertThrows(InvalidXmlValueException.class, i.getDriver()::getIntremap);
    }

    // ---- disk ----

    @Test
    void networkDisksWithHostsAuthAndBackingChain() {
        DomainDevices devs = read("domain/disk-backing-chains-index.x86_64-latest.xml").getDevices();
        DomainDisk vda = devs.diskByTarget("vda").orElseThrow();
        assertEquals("network", vda.getType());
        assertEquals("disk", vda.getDevice());
        assertEquals("qemu", vda.getDriver().getName());
        assertEquals("qcow2", vda.getDriver().getType());
        assertEquals("nbd", vda.getSource().getProtocol());
        assertEquals("unix", vda.getSource().getHosts().get(0).getTransport());
        assertEquals("/path/to/sock", vda.getSource().getHosts().get(0).getSocket());
        assertEquals("virtio", vda.getTarget().getBus());
        assertEquals("0x02", vda.getAddress().getSlot());

        DomainDisk vdb = devs.diskByTarget("vdb").orElseThrow();
        List<DomainDiskBackingStore> chain = vdb.backingChain();
        assertEquals(List.of("/dev/HostVG/QEMUGuest1", "/tmp/image2", "/tmp/image3.qcow", "/tmp/image4.qcow", "/tmp/image5.qcow",
                        "/tmp/Fedora-17-x86_64-Live-KDE.iso"),
                chain.stream().map(b -> b.getSource().getDev() != null ? b.getSource().getDev() : b.getSource().getFile()).toList());
        assertEquals("vmdk", chain.get(1).getFormat().getType());
        DomainDeviceSecLabel label = chain.get(2).getSource().getSeclabels().get(0);
        assertEquals("selinux", label.getModel());
        assertEquals(Boolean.TRUE, label.getRelabel());
        assertEquals("system_u:system_r:public_content_t:s0", label.getLabel());

        DomainDisk iscsi = read("domain/disk-network-iscsi.x86_64-latest.xml").getDevices().disks().stream()
                .filter(d -> d.getAuth() != null).findFirst().orElseThrow();
        assertEquals("myname", iscsi.getAuth().getUsername());
        assertEquals("iscsi", iscsi.getAuth().getSecret().getType());
        assertEquals("mycluster_myname", iscsi.getAuth().getSecret().getUsage());
        assertEquals("example.org", iscsi.getSource().getHosts().get(0).getName());
        assertEquals("6000", iscsi.getSource().getHosts().get(0).getPort());
    }

    @Test
    void fileDiskFactoryAndFlags() {
        DomainDisk d = DomainDisk.file("/var/lib/libvirt/images/guest.qcow2", "qcow2", "vda", "virtio");
        d.setReadOnlyDisk(true);
        String xml = XmlCodec.marshal(d);
        assertEquals("""
                <disk type="file" device="disk">
                  <driver name="qemu" type="qcow2"/>
                  <source file="/var/lib/libvirt/images/guest.qcow2"/>
                  <target dev="vda" bus="virtio"/>
                  <readonly/>
                </disk>
                """, xml);
        DomainDisk back = XmlCodec.unmarshal(xml, DomainDisk.class);
        assertTrue(back.isReadOnlyDisk());
        assertFalse(back.isShareableDisk());
        assertEquals("/var/lib/libvirt/images/guest.qcow2", back.sourcePath().orElseThrow());
        back.setReadOnlyDisk(false);
        assertFalse(XmlCodec.marshal(back).contains("readonly"));
    }

    // ---- controller ----

    @Test
    void pciControllersFromTheCorpus() {
        DomainDevices pxb = read("domain/pci-expander-bus.x86_64-latest.xml").getDevices();
        DomainController bus1 = pxb.pciControllers().stream().filter(c -> Integer.valueOf(1).equals(c.getIndex()))
                .findFirst().orElseThrow();
        assertEquals("pci-expander-bus", bus1.getModel());
        assertEquals("pxb", bus1.getModelElement().getName());
        assertEquals(254, bus1.getTarget().getBusNrValue());
        assertEquals(1, bus1.getTarget().getNodeValue());

        DomainController port = read("domain/pcie-root-port-nohotplug.x86_64-latest.xml").getDevices().pciControllers()
                .stream().filter(c -> Integer.valueOf(2).equals(c.getIndex())).findFirst().orElseThrow();
        assertEquals("pcie-root-port", port.getModel());
        assertEquals(Boolean.FALSE, port.getTarget().getHotplugValue());
        assertTrue(port.getTarget().getChassisValue() > 0);
        assertTrue(port.getTarget().getPortValue() >= 8);

        DomainController root = read("domain/pcihole64-q35.x86_64-latest.xml").getDevices().controllers().stream()
                .filter(c -> c.getPcihole64() != null).findFirst().orElseThrow();
        assertEquals(1048576L, root.getPcihole64().getValue());
        assertEquals("KiB", root.getPcihole64().getUnit());

        DomainController uhci = read("domain/controller-usb-order.x86_64-latest.xml").getDevices().controllers().stream()
                .filter(c -> "ich9-uhci1".equals(c.getModel())).findFirst().orElseThrow();
        assertEquals(0, uhci.getMaster().getStartport());

        List<DomainController> scsi = read("domain/controller-virtio-scsi.x86_64-latest.xml").getDevices().controllers().stream()
                .filter(c -> "scsi".equals(c.getType()) && c.getDriver() != null).toList();
        assertEquals(8, scsi.get(0).getDriver().getQueues());
        assertEquals(50, scsi.get(1).getDriver().getCmdPerLun());
    }

    @Test
    void pcieRootPortBuilders() {
        assertEquals("<controller type=\"pci\" index=\"3\" model=\"pcie-root-port\"/>\n",
                XmlCodec.marshal(DomainController.pcieRootPort(3, null)));
        String off = XmlCodec.marshal(DomainController.pcieRootPort(3, false));
        assertEquals("""
                <controller type="pci" index="3" model="pcie-root-port">
                  <target hotplug="off"/>
                </controller>
                """, off);
        // libvirt's own shape (pcie-root-port-nohotplug.xml input), without the parts libvirt fills in
        assertSimilar("<controller type='pci' index='3' model='pcie-root-port'><target hotplug='off'/></controller>", off);
        assertEquals(Boolean.TRUE, XmlCodec.unmarshal(XmlCodec.marshal(DomainController.pcieRootPort(4, true)),
                DomainController.class).getTarget().getHotplugValue());
        DomainControllerTarget t = new DomainControllerTarget();
        t.setPortValue(16);
        assertEquals("0x10", t.getPort());
    }

    // ---- other devices ----

    @Test
    void rngBackendKeepsTextAndTypedChildren() {
        DomainRng random = read("domain/virtio-rng-random.x86_64-latest.xml").getDevices().rngs().get(0);
        assertEquals("virtio", random.getModel());
        assertEquals("random", random.getBackend().getModel());
        assertEquals("/dev/urandom", random.getBackend().getPath());
        assertEquals(123L, random.getRate().getBytes());
        assertEquals(1234L, random.getRate().getPeriod());

        DomainRng egd = read("domain/virtio-rng-egd-unix.x86_64-latest.xml").getDevices().rngs().get(0);
        assertEquals("egd", egd.getBackend().getModel());
        assertEquals("unix", egd.getBackend().getType());
        assertNull(egd.getBackend().getPath());
        assertEquals("/tmp/rng.socket", egd.getBackend().sources().get(0).getPath());
        assertEquals("bind", egd.getBackend().sources().get(0).getMode());

        DomainRngBackend b = DomainRngBackend.random("/dev/random");
        DomainRng rng = new DomainRng();
        rng.setModel("virtio");
        rng.setBackend(b);
        String xml = XmlCodec.marshal(rng);
        assertSimilar("<rng model='virtio'><backend model='random'>/dev/random</backend></rng>", xml);
        assertEquals("/dev/random", XmlCodec.unmarshal(xml, DomainRng.class).getBackend().getPath());
    }

    @Test
    void dimmMemoryDevice() {
        DomainMemorydev dimm = read("domain/hugepages-numa-default-dimm.x86_64-latest.xml").getDevices().memorydevs().get(0);
        assertEquals("dimm", dimm.getModel());
        assertEquals(1048576L, dimm.getTarget().getSize().toKiB());
        assertEquals(0, dimm.getTarget().getNode());
        assertEquals("1-3", dimm.getSource().getNodeMask());
        assertEquals(1048576L, dimm.getSource().getPageSize().getValue());
        assertEquals("dimm", dimm.getAddress().getType());

        String xml = XmlCodec.marshal(DomainMemorydev.dimm(524288, 1));
        assertSimilar("<memory model='dimm'><target><size unit='KiB'>524288</size><node>1</node></target></memory>", xml);
    }

    @Test
    void graphicsVideoChardevsAndSmallDevices() {
        Domain d = read("domain/hostdev-vfio.x86_64-latest.xml");
        assertEquals(List.of("mouse", "keyboard"), d.getDevices().inputs().stream().map(DomainInput::getType).toList());
        assertEquals("ps2", d.getDevices().inputs().get(0).getBus());
        assertEquals("none", d.getDevices().audios().get(0).getType());
        assertEquals("virtio", d.getDevices().memballoons().get(0).getModel());

        List<DomainGraphics> graphics = new ArrayList<>();
        List<DomainVideo> videos = new ArrayList<>();
        List<DomainSerial> serials = new ArrayList<>();
        for (Path f : TestData.xmlFiles("domain")) {
            String n = f.getFileName().toString();
            if (n.startsWith("graphics-spice") && n.endsWith("x86_64-latest.xml") || n.equals("serial-tcp-tlsx509-chardev.x86_64-latest.xml")
                    || n.equals("video-qxl-device-vgamem.x86_64-latest.xml")) {
                DomainDevices devs = read("domain/" + n).getDevices();
                graphics.addAll(devs.graphics());
                videos.addAll(devs.videos());
                serials.addAll(devs.serials());
            }
        }
        DomainGraphics spice = graphics.stream().filter(g -> !g.getListens().isEmpty() && !g.getChannels().isEmpty())
                .findFirst().orElseThrow();
        assertEquals("spice", spice.getType());
        assertTrue(spice.getListens().get(0).getType() != null);
        assertTrue(spice.getChannels().get(0).getName() != null);

        DomainVideo qxl = videos.stream().filter(v -> v.getModel() != null && "qxl".equals(v.getModel().getType())
                && v.getModel().getVgamem() != null).findFirst().orElseThrow();
        assertTrue(qxl.getModel().getVgamem() > 0);
        assertTrue(qxl.getModel().getHeads() >= 1);

        DomainSerial tcp = serials.stream().filter(s -> "tcp".equals(s.getType())).findFirst().orElseThrow();
        assertTrue(tcp.getSource().getHost() != null && tcp.getSource().getService() != null);
        assertEquals("raw", tcp.getProtocol().getType());
        assertInstanceOf(DomainSerialTarget.class, tcp.getTarget());
    }
}
