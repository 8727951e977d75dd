package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainIommu;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vIOMMU for guests on the lab: set-viommu refuses smmuv3 on x86 before defining anything, gives the guest an intel
 * vIOMMU with Nova's driver attributes; the guest boots, sees DMAR with interrupt remapping, and its hot-plugged VF
 * sits in an IOMMU group inside the guest.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViommuLabIT {
    static final int HOST = 1;
    static final String NAME = "it-viommu";
    static final String MAC = "52:54:00:a1:00:70";

    @AfterAll
    void cleanup() {
        Lab.removeGuest(HOST, NAME);
    }

    @Test
    void intelViommuGuestSeesDmarAndItsVfInAnIommuGroup() throws Exception {
        org.libvirt.Domain dom = Lab.defineGuest(HOST, NAME, MAC, "192.0.2.70/24");
        String before = Host.xml(dom, true);

        Lab.CliResult bad = Lab.cli("set-viommu", NAME, "--connect", Lab.uri(HOST), "--viommu", "smmuv3");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("smmuv3"), bad.err());
        assertEquals(before, Host.xml(dom, true), "refused before define: the definition is unchanged");

        Lab.CliResult set = Lab.cli("set-viommu", NAME, "--connect", Lab.uri(HOST), "--viommu", "intel",
                "--output", "json");
        assertEquals(0, set.exit(), set.err());
        Domain d = XmlCodec.unmarshal(Host.xml(dom, true), Domain.class);
        DomainIommu iommu = d.devices().iommu().orElseThrow();
        assertEquals("intel", iommu.getModel());
        assertEquals(Boolean.TRUE, iommu.getDriver().getIntremap());
        assertEquals(Boolean.TRUE, iommu.getDriver().getCachingMode());
        assertEquals(Boolean.TRUE, iommu.getDriver().getEim());
        assertEquals(Boolean.TRUE, iommu.getDriver().getIotlb());
        assertEquals(48, iommu.getDriver().getAwBits());
        assertEquals("qemu", d.getFeatures().getIoapic().getDriver(), "intremap needs the split irqchip");
        JsonNode j = set.json();
        assertEquals("intel", j.get("model").asText());

        dom.create();
        Lab.waitForAgent(dom, NAME);
        String vf = Inventory.scan(Lab.host(HOST)).vfs().stream().filter(Inventory.Vf::isFree).findFirst()
                .orElseThrow().address().toString();
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(HOST), "--vf", vf, "--mac", MAC);
        assertEquals(0, a.exit(), a.err());

        GuestAgent agent = new GuestAgent(new LibvirtAgentChannel(dom));
        String units = agent.run(List.of("/bin/ls", "/sys/class/iommu"), Duration.ofSeconds(20)).stdout();
        assertTrue(units.contains("dmar"), "the guest sees the DMAR unit: " + units);
        String dmesg = agent.run(List.of("/bin/dmesg"), Duration.ofSeconds(20)).stdout();
        assertTrue(dmesg.contains("DMAR: IOMMU enabled"), "guest kernel enabled the vIOMMU");
        assertTrue(dmesg.contains("Enabled IRQ remapping"), "interrupt remapping on in the guest");
        String vfGuestPci = new GuestNetwork(agent).findPciByMac(MAC).orElseThrow().name();
        String group = agent.run(List.of("/bin/readlink", "/sys/class/net/" + vfGuestPci + "/device/iommu_group"),
                Duration.ofSeconds(20)).stdout().trim();
        assertTrue(group.matches(".*/iommu_groups/\\d+"), "the VF sits in an IOMMU group in the guest: " + group);
        System.out.println("VIOMMU: guest VF " + vfGuestPci + " in " + group);
    }
}
