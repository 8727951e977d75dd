package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 on the nested lab: mediated devices through the CLI. {@code define --mdev mtty-2} creates an mtty mdev
 * (libvirt's node device API, mdevctl) and gives the guest {@code <hostdev type='mdev'>}: the guest sees the virtual
 * serial card (PCI 4348:3253). {@code mdev remove} is refused while the guest holds it, naming the guest;
 * {@code detach --mdev} takes it away ({@code DEVICE_REMOVED}: gone in the guest), {@code attach --mdev UUID} gives it
 * back; an unknown type is refused naming the types the host offers, with nothing changed.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MdevLabIT {
    static final String NAME = "it-mdev";
    static final String MAC = "52:54:00:d0:00:31";
    String uuid;

    @AfterAll
    void cleanup() throws Exception {
        LabHealth.heal();
        Lab.removeGuest(1, NAME);
        if (uuid != null) {
            Lab.cli("mdev", "remove", uuid, "--connect", Lab.uri(1));
        }
    }

    static void ok(Lab.CliResult r) {
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    /** Whether the guest shows the mtty card (PCI 4348:3253). */
    static boolean guestHasCard(org.libvirt.Domain dom) {
        return Lab.waitForAgentThen(() -> Lab.inGuest(dom, "for d in /sys/bus/pci/devices/*; do [ \"$(cat "
                + "$d/vendor)\" = 0x4348 ] && [ \"$(cat $d/device)\" = 0x3253 ] && echo card; done; true"))
                .contains("card");
    }

    static JsonNode mdev(String uuid) throws Exception {
        Lab.CliResult r = Lab.cli("mdev", "list", "--connect", Lab.uri(1), "-o", "json");
        ok(r);
        for (JsonNode m : r.json().get("mdevs")) {
            if (m.get("uuid").asText().equalsIgnoreCase(uuid)) {
                return m;
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void defineWithAnMdevTypeCreatesItAndTheGuestSeesTheCard() throws Exception {
        Lab.removeGuest(1, NAME);
        Lab.CliResult types = Lab.cli("list-devices", "--connect", Lab.uri(1));
        ok(types);
        assertTrue(types.out().contains("mtty_mtty") && types.out().contains("mtty-2"), types.out());
        ok(Lab.cli("define", NAME, "--connect", Lab.uri(1), "--memory", "128", "--vcpus", "1",
                "--kernel", Lab.guestKernel(), "--initrd", Lab.DIR.resolve("guest-initrd.img").toString(),
                "--cmdline", "console=ttyS0 quiet passthru.addr=192.0.2.95/24", "--bridge", "br0", "--mac", MAC,
                "--hotplug-ports", "2", "--pcihole64", "0", "--memory-allocation", Lab.LAB_MEMORY_ALLOCATION,
                "--mdev", "mtty-2"));
        org.libvirt.Domain dom = Lab.host(1).domain(NAME);
        String xml = io.passthru.manager.libvirt.Host.xml(dom, true);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("address uuid=.([0-9a-f-]{36})").matcher(xml);
        assertTrue(m.find(), xml);
        uuid = m.group(1);
        JsonNode made = mdev(uuid);
        assertNotNull(made, "define created the mdev");
        assertEquals("mtty-2", made.get("type").asText());
        assertEquals(NAME, made.get("usedBy").asText(), made.toString());
        dom.create();
        Lab.waitForAgent(dom, NAME);
        assertTrue(guestHasCard(dom), "the guest sees the mtty card");
    }

    @Test
    @Order(2)
    void anMdevAGuestHoldsIsNotRemoved() throws Exception {
        Lab.CliResult r = Lab.cli("mdev", "remove", uuid, "--connect", Lab.uri(1));
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.err().contains("domain '" + NAME + "'"), r.err());
        assertNotNull(mdev(uuid), "still there");
    }

    @Test
    @Order(3)
    void detachAndAttachByUuid() throws Exception {
        org.libvirt.Domain dom = Lab.host(1).domain(NAME);
        ok(Lab.cli("detach", NAME, "--connect", Lab.uri(1), "--mdev", uuid));
        assertTrue(!guestHasCard(dom), "the guest released the card");
        assertTrue(mdev(uuid).get("usedBy").isNull(), "free, and still on the host");
        ok(Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--mdev", uuid));
        long deadline = System.currentTimeMillis() + 30_000;
        while (!guestHasCard(dom) && System.currentTimeMillis() < deadline) {
            Lab.sleep(500);
        }
        assertTrue(guestHasCard(dom), "the card is back in the guest");
    }

    @Test
    @Order(4)
    void anUnknownTypeIsRefusedWithNothingChanged() throws Exception {
        org.libvirt.Domain dom = Lab.host(1).domain(NAME);
        String before = io.passthru.manager.libvirt.Host.xml(dom, false);
        Lab.CliResult r = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--mdev", "mtty-9");
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.err().contains("mtty-9") && r.err().contains("mtty-2"), r.err());
        assertEquals(before, io.passthru.manager.libvirt.Host.xml(dom, false), "nothing changed");
    }
}
