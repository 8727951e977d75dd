package io.passthru.lab;

import io.passthru.agent.BondState;
import io.passthru.agent.GuestAgent;
import io.passthru.agent.GuestLink;
import io.passthru.agent.GuestNetwork;
import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** attach / detach / list-vfs / check-host on the nested lab: real VFs, vfio-pci, a real guest with a bond. */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotplugLabIT {
    static final int HOST = 1;
    static final String NAME = "it-hotplug";
    static final String MAC = "52:54:00:a1:00:11";
    static final String ADDR = "192.0.2.11";

    org.libvirt.Domain dom;

    @BeforeAll
    void startGuest() throws Exception {
        dom = Lab.startGuest(HOST, NAME, MAC, ADDR + "/24");
    }

    @AfterAll
    void removeGuest() {
        Lab.removeGuest(HOST, NAME);
    }

    private PciAddress freeVf() {
        return Inventory.scan(Lab.host(HOST)).vfs().stream().filter(Inventory.Vf::isFree).map(Inventory.Vf::address)
                .reduce((a, b) -> b) // the last free one: other tests take the first
                .orElseThrow(() -> new AssertionError("no free VF on lab host " + HOST));
    }

    @Test
    void checkHostPassesOnLabHost() throws Exception {
        Lab.CliResult r = Lab.cli("check-host", "--connect", Lab.uri(HOST), "--output", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.json().get("ok").asBoolean());
        java.util.List<String> names = new java.util.ArrayList<>();
        r.json().get("checks").forEach(c -> names.add(c.get("name").asText()));
        assertTrue(names.containsAll(java.util.List.of("libvirt", "iommu", "vfio", "sriov", "iommu-groups")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("pf-link ")), names.toString());
        assertTrue(names.contains("local"), "a remote host says which checks it cannot see: " + names);
    }

    @Test
    void listVfsShowsThePfAndItsVfs() throws Exception {
        Lab.CliResult r = Lab.cli("list-vfs", "--connect", Lab.uri(HOST), "--output", "json");
        assertEquals(0, r.exit(), r.err());
        var pf = r.json().get(0);
        assertEquals("0x8086", pf.get("vendorId").asText());
        assertEquals("0x10c9", pf.get("productId").asText(), "igb 82576 PF");
        assertEquals(7, pf.get("vfs").size());
        assertTrue(pf.get("vfs").get(0).get("iommuGroup").isInt(), "each VF sits in an IOMMU group");
    }

    @Test
    void attachEnslaveThenDetach() throws Exception {
        PciAddress vf = freeVf();
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(HOST), "--vf", vf.toString(), "--mac", MAC,
                "--bond", "bond0", "--output", "json");
        assertEquals(0, a.exit(), a.err());
        String link = a.json().get("attach").get("guestInterface").asText();

        Host h = Lab.host(HOST);
        Inventory.Vf v = Inventory.scan(h).vf(vf).orElseThrow();
        assertEquals(NAME, v.usedBy(), "libvirt lists the VF in the domain");
        assertEquals("vfio-pci", v.driver(), "libvirt bound the VF to vfio-pci (managed='yes')");
        GuestNetwork net = new GuestNetwork(new GuestAgent(new LibvirtAgentChannel(dom)));
        GuestLink gl = net.findPciByMac(MAC).orElseThrow();
        assertEquals(link, gl.name());
        assertEquals("bond0", gl.master());
        BondState bond = net.bond("bond0");
        assertEquals(link, bond.activeSlave(), "the VF is the active slave");
        // traffic really flows through the VF: the peer on the lab wire reaches the guest
        assertEquals(0, Lab.onHost(2, Duration.ofSeconds(20), "/bin/ping", "-c", "3", "-W", "2", ADDR).exitCode());

        Lab.CliResult d = Lab.cli("detach", NAME, "--connect", Lab.uri(HOST), "--vf", vf.toString(), "--output", "json");
        assertEquals(0, d.exit(), d.err());
        assertTrue(d.json().get("removalMs").asLong() > 0);
        Domain live = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
        assertTrue(live.devices().findBySourcePci(vf).isEmpty(), "VF gone from the live XML");
        Domain config = XmlCodec.unmarshal(Host.xml(dom, true), Domain.class);
        assertTrue(config.devices().findBySourcePci(vf).isEmpty(), "VF gone from the persistent XML");
        assertNull(Inventory.scan(h).vf(vf).orElseThrow().usedBy(), "VF free again");
        assertEquals(Optional.empty(), net.findPciByMac(MAC), "the guest no longer has the VF");
        assertEquals("eth0", net.bond("bond0").activeSlave(), "the bond fell back to the virtio NIC");
    }

    @Test
    void guestThatDoesNotReleaseTheVfGetsAClearErrorAndKeepsIt() throws Exception {
        PciAddress vf = freeVf();
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(HOST), "--vf", vf.toString());
        assertEquals(0, a.exit(), a.err());
        dom.suspend(); // a paused guest cannot answer the PCIe unplug request
        try {
            Lab.CliResult d = Lab.cli("detach", NAME, "--connect", Lab.uri(HOST), "--vf", vf.toString(),
                    "--timeout", "3");
            assertEquals(1, d.exit(), d.out());
            assertTrue(d.err().contains("did not release VF " + vf) && d.err().contains("stays attached"), d.err());
            Domain live = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
            assertTrue(live.devices().findBySourcePci(vf).isPresent(), "the VF is still attached");
            assertEquals(NAME, Inventory.scan(Lab.host(HOST)).vf(vf).orElseThrow().usedBy());
        } finally {
            dom.resume();
        }
        // running again, the guest completes the pending unplug (or detach asks again); then the config is cleaned
        Lab.sleep(2000);
        assertEquals(0, Lab.cli("detach", NAME, "--connect", Lab.uri(HOST), "--vf", vf.toString()).exit());
        assertNull(Inventory.scan(Lab.host(HOST)).vf(vf).orElseThrow().usedBy(), "VF free at the end");
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        String before = Host.xml(dom, false);
        Lab.CliResult pf = Lab.cli("attach", NAME, "--connect", Lab.uri(HOST), "--vf", "0000:01:00.0");
        assertEquals(1, pf.exit());
        assertTrue(pf.err().contains("is not an SR-IOV VF"), pf.err());

        Lab.CliResult range = Lab.cli("attach", NAME, "--connect", Lab.uri(HOST), "--vf", "0000:01:20.0");
        assertEquals(2, range.exit(), "a usage error, refused while parsing");
        assertTrue(range.err().contains("slot") && range.err().contains("Usage: passthru attach"), range.err());

        Lab.CliResult notAttached = Lab.cli("detach", NAME, "--connect", Lab.uri(HOST), "--vf", freeVf().toString());
        assertEquals(1, notAttached.exit());
        assertTrue(notAttached.err().contains("is not attached"), notAttached.err());

        Lab.CliResult noDomain = Lab.cli("attach", "no-such-guest", "--connect", Lab.uri(HOST), "--vf", freeVf().toString());
        assertEquals(1, noDomain.exit());
        assertTrue(noDomain.err().contains("no domain 'no-such-guest'"), noDomain.err());
        assertEquals(before, Host.xml(dom, false), "nothing changed in the domain");
    }
}
