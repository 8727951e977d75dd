package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 on the nested lab: mediated devices through the CLI, on host 1's mtty parent ({@code mtty_mtty}, types
 * mtty-1 and mtty-2, Linux's sample virtual serial card). {@code mdev create --type mtty-2} makes an mdev (libvirt's
 * node device API, mdevctl) that {@code list-devices} shows, in text and JSON; {@code define --mdev UUID} gives it to a
 * guest as {@code <hostdev type='mdev'>} and the started guest sees the card (PCI 4348:3253); {@code mdev remove} is
 * refused while the guest holds it, naming the guest, and so is a second guest's {@code define --mdev mtty-2 --mdev
 * UUID} (the mtty-2 mdev it created first is removed again); {@code detach --mdev} takes the card away
 * ({@code DEVICE_REMOVED}: gone in the guest) and {@code attach --mdev mtty-2} creates a new mdev and gives it back;
 * an unknown type is refused naming the types the host offers, with nothing changed; {@code mdev remove} removes a
 * free mdev.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MdevLabIT {
    static final String NAME = "it-mdev";
    static final String OTHER = "it-mdev-b";
    static final String MAC = "52:54:00:d0:00:31";
    static final String PARENT = "mtty_mtty";
    /** The mdev mdev create made and define --mdev UUID gave the guest. */
    String uuid;
    /** The mdev attach --mdev mtty-2 made. */
    String attached;

    @AfterAll
    void cleanup() throws Exception {
        LabHealth.heal();
        Lab.removeGuest(1, NAME);
        Lab.removeGuest(1, OTHER);
        for (String u : new String[] {uuid, attached}) {
            if (u != null && mdev(u) != null) {
                Lab.cli("mdev", "remove", u, "--connect", Lab.uri(1));
            }
        }
    }

    static void ok(Lab.CliResult r) {
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    static void refused(Lab.CliResult r) {
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    /** Whether the guest shows the mtty card (PCI 4348:3253). */
    static boolean guestHasCard(org.libvirt.Domain dom) {
        return Lab.waitForAgentThen(() -> Lab.inGuest(dom, "for d in /sys/bus/pci/devices/*; do [ \"$(cat "
                + "$d/vendor)\" = 0x4348 ] && [ \"$(cat $d/device)\" = 0x3253 ] && echo card; done; true"))
                .contains("card");
    }

    /** Waits (30 s at most) until the guest shows the card ({@code present}) or no longer does. */
    static boolean awaitCard(org.libvirt.Domain dom, boolean present) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (guestHasCard(dom) != present && System.currentTimeMillis() < deadline) {
            Lab.sleep(500);
        }
        return guestHasCard(dom) == present;
    }

    /** The host's mdevs as {@code passthru mdev list -o json} gives them. */
    static List<JsonNode> mdevs() throws Exception {
        Lab.CliResult r = Lab.cli("mdev", "list", "--connect", Lab.uri(1), "-o", "json");
        ok(r);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("mdevs").forEach(out::add);
        return out;
    }

    static JsonNode mdev(String uuid) throws Exception {
        return mdevs().stream().filter(m -> m.get("uuid").asText().equalsIgnoreCase(uuid)).findFirst().orElse(null);
    }

    static List<String> uuids() throws Exception {
        return mdevs().stream().map(m -> m.get("uuid").asText()).sorted().toList();
    }

    @Test
    @Order(1)
    void mdevCreateMakesAnMdevListDevicesShows() throws Exception {
        Lab.removeGuest(1, NAME);
        Lab.removeGuest(1, OTHER);
        Lab.CliResult made = Lab.cli("mdev", "create", "--type", "mtty-2", "--parent", PARENT, "--connect",
                Lab.uri(1), "-o", "json");
        ok(made);
        uuid = made.json().get("uuid").asText();
        assertEquals("mtty-2", made.json().get("type").asText());
        assertTrue(made.json().get("active").asBoolean() && made.json().get("persistent").asBoolean(), made.out());

        // text: the parent's types, then the mdev, started, held by nobody
        Lab.CliResult text = Lab.cli("list-devices", "--connect", Lab.uri(1));
        ok(text);
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith(PARENT) && l.contains(" mtty ")
                && l.contains("mtty-2") && l.contains("vfio-pci") && l.endsWith("Dual port serial")), text.out());
        String row = text.out().lines().filter(l -> l.startsWith(uuid)).findFirst().orElseThrow(() ->
                new AssertionError("list-devices does not show mdev " + uuid + ": " + text.out()));
        assertTrue(row.contains("mtty-2") && row.contains(PARENT) && row.contains("started"), row);

        // JSON: the parent (no PCI device: a row of its own) and the mdev
        Lab.CliResult json = Lab.cli("list-devices", "--connect", Lab.uri(1), "-o", "json");
        ok(json);
        JsonNode parent = null;
        JsonNode mine = null;
        for (JsonNode d : json.json()) {
            if (d.get("kind").asText().equals("mdev-parent") && PARENT.equals(d.path("nodeDevice").asText())) {
                parent = d;
            }
            if (d.get("kind").asText().equals("mdev") && d.get("address").asText().equals(uuid)) {
                mine = d;
            }
        }
        assertNotNull(parent, json.out());
        assertEquals("mtty", parent.get("address").asText());
        List<String> types = new ArrayList<>();
        parent.get("mdevTypes").forEach(t -> types.add(t.get("id").asText() + " " + t.get("deviceApi").asText()));
        assertTrue(types.contains("mtty-1 vfio-pci") && types.contains("mtty-2 vfio-pci"), types.toString());
        assertNotNull(mine, json.out());
        assertEquals("mtty-2", mine.get("mdevType").asText());
        assertEquals(PARENT, mine.get("parent").asText());
        assertTrue(mine.get("active").asBoolean() && mine.get("persistent").asBoolean(), mine.toString());
        assertTrue(mine.get("usedBy").isNull(), mine.toString());

        // the same UUID again, and a type mtty does not have: refused, nothing made
        List<String> before = uuids();
        Lab.CliResult again = Lab.cli("mdev", "create", "--type", "mtty-2", "--uuid", uuid, "--connect", Lab.uri(1));
        refused(again);
        assertTrue(again.err().contains("mdev " + uuid + " exists"), again.err());
        Lab.CliResult unknown = Lab.cli("mdev", "create", "--type", "mtty-9", "--connect", Lab.uri(1));
        refused(unknown);
        assertTrue(unknown.err().contains("mtty-9") && unknown.err().contains("mtty-2 (" + PARENT + ")"),
                unknown.err());
        assertEquals(before, uuids(), "nothing made");
    }

    @Test
    @Order(2)
    void defineWithTheMdevsUuidAndTheStartedGuestSeesTheCard() throws Exception {
        Lab.CliResult defined = Lab.cli("define", NAME, "--connect", Lab.uri(1), "--memory", "128", "--vcpus", "1",
                "--kernel", Lab.guestKernel(), "--initrd", Lab.DIR.resolve("guest-initrd.img").toString(),
                "--cmdline", "console=ttyS0 quiet passthru.addr=192.0.2.95/24", "--bridge", "br0", "--mac", MAC,
                "--hotplug-ports", "2", "--pcihole64", "0", "--memory-allocation", Lab.LAB_MEMORY_ALLOCATION,
                "--mdev", uuid);
        ok(defined);
        assertTrue(defined.out().contains("mdev " + uuid), defined.out());
        org.libvirt.Domain dom = Lab.host(1).domain(NAME);
        String xml = io.passthru.manager.libvirt.Host.xml(dom, true);
        assertTrue(xml.contains("type='mdev'") && xml.contains("model='vfio-pci'")
                && xml.contains("<address uuid='" + uuid + "'/>"), xml);
        assertEquals(NAME, mdev(uuid).get("usedBy").asText(), "held by its persistent definition");
        dom.create();
        Lab.waitForAgent(dom, NAME);
        assertTrue(guestHasCard(dom), "the guest sees the mtty card");
    }

    @Test
    @Order(3)
    void anMdevAGuestHoldsIsNeitherRemovedNorGivenToAnother() throws Exception {
        Lab.CliResult r = Lab.cli("mdev", "remove", uuid, "--connect", Lab.uri(1));
        refused(r);
        assertTrue(r.err().contains("domain '" + NAME + "'"), r.err());
        assertNotNull(mdev(uuid), "still there");

        // define --mdev TYPE creates an mdev first; the held UUID after it fails the definition, and the mdev made
        // for it is removed again
        List<String> before = uuids();
        Lab.CliResult other = Lab.cli("define", OTHER, "--connect", Lab.uri(1), "--memory", "128", "--vcpus", "1",
                "--kernel", Lab.guestKernel(), "--initrd", Lab.DIR.resolve("guest-initrd.img").toString(),
                "--no-guest-agent", "--mdev", "mtty-2", "--mdev", uuid);
        refused(other);
        assertTrue(other.err().contains("--mdev " + uuid + ": domain '" + NAME + "'"), other.err());
        assertFalse(Lab.exists(1, OTHER), "nothing defined");
        assertEquals(before, uuids(), "the mtty-2 mdev made for it is gone again");
    }

    @Test
    @Order(4)
    void detachTakesTheCardAwayAndLeavesTheMdev() throws Exception {
        org.libvirt.Domain dom = Lab.host(1).domain(NAME);
        ok(Lab.cli("detach", NAME, "--connect", Lab.uri(1), "--mdev", uuid));
        assertTrue(awaitCard(dom, false), "the guest released the card");
        JsonNode m = mdev(uuid);
        assertNotNull(m, "still on the host");
        assertTrue(m.get("usedBy").isNull(), "free: " + m);
        assertFalse(io.passthru.manager.libvirt.Host.xml(dom, true).contains(uuid), "gone from the definition too");
    }

    @Test
    @Order(5)
    void attachWithATypeCreatesAnMdevAndTheCardIsBack() throws Exception {
        org.libvirt.Domain dom = Lab.host(1).domain(NAME);
        Lab.CliResult r = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--mdev", "mtty-2", "-o", "json");
        ok(r);
        attached = r.json().get("uuid").asText();
        assertNotEquals(uuid, attached, "a new mdev");
        assertTrue(awaitCard(dom, true), "the card is back in the guest");
        JsonNode m = mdev(attached);
        assertEquals("mtty-2", m.get("type").asText());
        assertEquals(NAME, m.get("usedBy").asText());
        assertTrue(io.passthru.manager.libvirt.Host.xml(dom, true).contains(attached), "persistent too");

        // the first mdev is free: mdev remove removes it
        ok(Lab.cli("mdev", "remove", uuid, "--connect", Lab.uri(1)));
        assertNull(mdev(uuid), "gone");
        uuid = null;
    }

    @Test
    @Order(6)
    void anUnknownTypeIsRefusedWithNothingChanged() throws Exception {
        org.libvirt.Domain dom = Lab.host(1).domain(NAME);
        String before = io.passthru.manager.libvirt.Host.xml(dom, false);
        List<String> mdevsBefore = uuids();
        Lab.CliResult r = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--mdev", "mtty-9");
        refused(r);
        assertTrue(r.err().contains("mtty-9") && r.err().contains("mtty-2"), r.err());
        assertEquals(before, io.passthru.manager.libvirt.Host.xml(dom, false), "nothing changed");
        assertEquals(mdevsBefore, uuids(), "no mdev made");
    }

    /**
     * A device pool that names mdev types ({@code "mdev_type"}): only those are created (mtty's parent is no PCI
     * device, so an entry without address and ids allows it), and an alias naming the type stands for it.
     */
    @Test
    @Order(7)
    void aPoolThatNamesMdevTypesAllowsOnlyThose() throws Exception {
        java.nio.file.Path pool = java.nio.file.Files.createTempFile("passthru-mdev-pool", ".json");
        try {
            java.nio.file.Files.writeString(pool, "{\"device_spec\": [{\"mdev_type\": \"mtty-1\"}], "
                    + "\"alias\": [{\"name\": \"serial\", \"mdev_type\": \"mtty-1\"}]}");
            org.libvirt.Domain dom = Lab.host(1).domain(NAME);
            String before = io.passthru.manager.libvirt.Host.xml(dom, false);
            List<String> mdevsBefore = uuids();
            Lab.CliResult no = Lab.cli("mdev", "create", "--type", "mtty-2", "--connect", Lab.uri(1), "--pool",
                    pool.toString());
            refused(no);
            assertTrue(no.err().contains("the device pool allows no mdev of type mtty-2")
                    && no.err().contains("mtty-1 on " + PARENT), no.err());
            Lab.CliResult attach = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--mdev", "mtty-2", "--pool",
                    pool.toString());
            refused(attach);
            assertEquals(before, io.passthru.manager.libvirt.Host.xml(dom, false), "nothing attached");
            assertEquals(mdevsBefore, uuids(), "no mdev made");
            Lab.CliResult byAlias = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--mdev", "serial", "--pool",
                    pool.toString(), "-o", "json");
            ok(byAlias);
            String made = byAlias.json().get("uuid").asText();
            assertEquals("mtty-1", mdev(made).get("type").asText(), "the alias's type");
            ok(Lab.cli("detach", NAME, "--connect", Lab.uri(1), "--mdev", made));
            ok(Lab.cli("mdev", "remove", made, "--connect", Lab.uri(1)));
        } finally {
            java.nio.file.Files.deleteIfExists(pool);
        }
    }
}
