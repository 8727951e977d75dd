package io.passthru.xml.domain;

import io.passthru.xml.InvalidXmlValueException;
import io.passthru.xml.PciAddress;
import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed accessors on libvirt's own domain XML. */
class DomainTypedAccessTest {

    private static Domain read(String file) {
        return XmlCodec.unmarshal(TestData.read(file), Domain.class);
    }

    @Test
    void hostdevVfioDomain() {
        Domain d = read("domain/hostdev-vfio.x86_64-latest.xml");
        assertEquals("qemu", d.getType());
        assertNull(d.getId());
        assertEquals("QEMUGuest2", d.getName());
        assertEquals("c7a5fdbd-edaf-9466-926a-d65c16db1809", d.getUuid());
        assertEquals(219100L, d.getMemory().getValue());
        assertEquals("KiB", d.getMemory().getUnit());
        assertEquals(219100L, d.getCurrentMemory().toKiB());
        assertEquals(1, d.getVcpu().getCount());
        assertEquals("static", d.getVcpu().getPlacement());
        assertEquals("hvm", d.getOs().getType().getValue());
        assertEquals("x86_64", d.getOs().getType().getArch());
        assertEquals("pc", d.getOs().getType().getMachine());
        assertEquals("hd", d.getOs().getBoots().get(0).getDev());
        assertEquals("custom", d.getCpu().getMode());
        assertEquals("exact", d.getCpu().getMatch());
        assertEquals("none", d.getCpu().getCheck());
        assertEquals("utc", d.getClock().getOffset());
        assertEquals("destroy", d.getOnPoweroff());
        assertEquals("restart", d.getOnReboot());
        assertEquals("destroy", d.getOnCrash());

        DomainDevices devs = d.getDevices();
        assertEquals("/usr/bin/qemu-system-x86_64", devs.emulator().orElseThrow());
        List<DomainHostdev> h = devs.hostdevs();
        assertEquals(4, h.size());
        assertEquals("subsystem", h.get(0).getMode());
        assertTrue(h.get(0).isPci());
        assertEquals(Boolean.TRUE, h.get(0).getManaged());
        assertNull(h.get(0).getDriver());
        assertEquals(PciAddress.parse("0000:06:12.1"), h.get(0).sourcePciAddress().orElseThrow());
        assertEquals("vfio", h.get(1).getDriver().getName());
        assertNull(h.get(2).getDriver().getName());
        assertEquals("vfio-pci-igb", h.get(2).getDriver().getModel());
        assertEquals(PciAddress.parse("0000:00:05.0"), h.get(3).getAddress().toPciAddress());
        assertSame(h.get(1), devs.findBySourcePci(PciAddress.parse("0000:06:12.2")).orElseThrow());
        assertTrue(devs.findBySourcePci(PciAddress.parse("0000:00:02.0")).isEmpty(), "guest address is not a source");

        assertEquals(List.of("usb", "ide", "pci"), devs.controllers().stream().map(DomainController::getType).toList());
        assertEquals("piix3-uhci", devs.controllers().get(0).getModel());
        assertEquals(0, devs.controllers().get(2).getIndex());
        // unmodelled devices stay in document order, between the typed ones
        List<String> order = devs.getDevices().stream()
                .map(o -> o instanceof Element e ? e.getLocalName() : XmlCodec.rootElementName(o.getClass())).toList();
        assertEquals(List.of("emulator", "disk", "controller", "controller", "controller", "input", "input", "audio",
                "hostdev", "hostdev", "hostdev", "hostdev", "memballoon"), order);
        assertEquals(1, devs.disks().size());
        assertTrue(devs.otherDevices("disk").isEmpty(), "disk is typed now");
    }

    @Test
    void hostdevInterfaceWithVlan() {
        Domain d = read("domain/net-hostdev-vfio.x86_64-latest.xml");
        DomainInterface i = d.getDevices().interfaces().get(0);
        assertTrue(i.isHostdev());
        assertEquals(Boolean.TRUE, i.getManaged());
        assertEquals("00:11:22:33:44:55", i.macAddress().orElseThrow().toString());
        assertEquals(PciAddress.parse("0000:06:12.1"), i.sourcePciAddress().orElseThrow());
        assertEquals("pci", i.getSource().getAddress().getType());
        assertEquals(42, i.getVlan().getTags().get(0).getId());
        assertEquals("rtl8139", i.getModel().getType());
        assertEquals("802.1Qbg", i.getVirtualport().getType());
        assertEquals("1193047", i.getVirtualport().getParameters().getTypeid());
        assertSame(i, d.getDevices().findBySourcePci(PciAddress.parse("0000:06:12.1")).orElseThrow());
    }

    @Test
    void teamingPairOfVirtioAndHostdev() {
        Domain d = read("domain/net-virtio-teaming-hostdev.x86_64-latest.xml");
        DomainInterface backup = d.getDevices().interfaces().get(0);
        assertEquals("persistent", backup.getTeaming().getType());
        assertEquals("ua-backup0", backup.aliasName().orElseThrow());
        DomainHostdev vf = d.getDevices().hostdevs().get(0);
        assertEquals("transient", vf.getTeaming().getType());
        assertEquals("ua-backup0", vf.getTeaming().getPersistent());
        assertEquals(PciAddress.parse("0000:03:07.1"), vf.sourcePciAddress().orElseThrow());
    }

    @Test
    void liveXmlAfterHotplug() {
        Domain d = read("hotplug-domains/qemuhotplug-base-live+hostdev-pci.xml");
        assertTrue(d.getId() != null && d.getId() > 0);
        DomainHostdev h = d.getDevices().hostdevs().get(0);
        assertEquals("hostdev0", h.aliasName().orElseThrow());
        assertEquals(PciAddress.parse("0000:06:12.2"), h.sourcePciAddress().orElseThrow());

        Domain agent = read("hotplug-domains/qemuhotplug-base-live+qemu-agent.xml");
        DomainChannel c = agent.getDevices().channels().stream().filter(DomainChannel::isGuestAgent).findFirst()
                .orElseThrow();
        assertEquals("unix", c.getType());
        assertEquals("/var/run/libvirt/qemu/channel/7-hotplug/org.qemu.guest_agent.0", c.getSource().getPath());
        assertEquals("channel0", c.getAlias().getName());
        assertEquals("1", c.getAddress().getPort());
    }

    @Test
    void q35RootPortsAndSplitIoapic() {
        Domain d = read("domain/pcie-root-port-nohotplug.x86_64-latest.xml");
        DomainController port2 = d.getDevices().controllers().stream()
                .filter(c -> Integer.valueOf(2).equals(c.getIndex())).findFirst().orElseThrow();
        assertEquals("pcie-root-port", port2.getModel());
        assertEquals("pcie-root-port", port2.getModelElement().getName());
        assertEquals("0x9", port2.getTarget().getPort());
        assertEquals("off", port2.getTarget().getHotplug());

        Domain iommu = read("domain/intel-iommu-caching-mode.x86_64-latest.xml");
        assertEquals("qemu", iommu.getFeatures().getIoapic().getDriver());
        assertEquals("intel", iommu.getDevices().iommu().orElseThrow().getModel());

        Domain eoi = read("domain/cpu-eoi-enabled.x86_64-latest.xml");
        assertEquals("on", eoi.getFeatures().getApic().getEoi());
        assertTrue(eoi.getFeatures().getAcpi() != null && eoi.getFeatures().getPae() != null);
    }

    @Test
    void linkStateAndMtu() {
        Domain d = read("domain/net-linkstate.x86_64-latest.xml");
        assertEquals(List.of("up", "down"), d.getDevices().interfaces().stream().map(i -> i.getLink().getState()).toList());
        Domain m = read("domain/net-mtu.x86_64-latest.xml");
        assertEquals(9000, m.getDevices().interfaces().get(1).getMtu().getSize());
        assertEquals("nat-network;plug-network-basic", m.getDevices().interfaces().get(1).getSource().getNetwork());
    }

    @Test
    void memoryUnitsAndBadFlags() {
        DomainMemory m = new DomainMemory();
        m.setUnit("GiB");
        m.setValue(4L);
        assertEquals(4L * 1024 * 1024, m.toKiB());
        m.setUnit("MB");
        m.setValue(1L);
        assertEquals(976, m.toKiB());
        m.setUnit("furlongs");
        assertThrows(InvalidXmlValueException.class, m::toKiB);

        DomainHostdev h = new DomainHostdev();
        h.setManagedRaw("maybe");
        InvalidXmlValueException e = assertThrows(InvalidXmlValueException.class, h::getManaged);
        assertTrue(e.getMessage().contains("'maybe'") && e.getMessage().contains("'yes' or 'no'"), e.getMessage());
        h.setManaged(null);
        assertNull(h.getManagedRaw());
        h.setManagedRaw("no");
        assertFalse(h.getManaged());
    }

    @Test
    void mdevHostdevsOfTheCorpus() {
        DomainHostdev precreated = read("domain/hostdev-mdev-precreated.x86_64-latest.xml").devices().hostdevs().get(0);
        assertTrue(precreated.isMdev());
        assertFalse(precreated.isPci());
        assertEquals("vfio-pci", precreated.getModel());
        assertEquals(java.util.Optional.of("53764d0e-85a0-42b4-af5c-2046b460b1dc"), precreated.mdevUuid());
        assertTrue(precreated.sourcePciAddress().isEmpty(), "an mdev's source is a UUID, not a PCI address");
        DomainHostdev ap = read("domain/hostdev-subsys-mdev-vfio-ap.xml").devices().hostdevs().get(0);
        assertEquals("vfio-ap", ap.getModel());
        assertEquals(java.util.Optional.of("90c6c135-ad44-41d0-b1b7-bae47de48627"), ap.mdevUuid());
        DomainHostdev pci = read("domain/hostdev-vfio.x86_64-latest.xml").devices().hostdevs().get(0);
        assertFalse(pci.isMdev());
        assertTrue(pci.mdevUuid().isEmpty());
        // what define --mdev and attach --mdev write, read back
        DomainHostdev made = XmlCodec.unmarshal(XmlCodec.marshal(DomainHostdev.mdev(
                "b1ae8bf6-38b0-4c81-9d44-78ce3f520496")), DomainHostdev.class);
        assertEquals(List.of("subsystem", "mdev", "vfio-pci"), List.of(made.getMode(), made.getType(),
                made.getModel()));
        assertNull(made.getManaged(), "libvirt manages no driver of an mdev: no managed attribute");
    }
}
