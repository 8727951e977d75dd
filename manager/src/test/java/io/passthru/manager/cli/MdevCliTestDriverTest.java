package io.passthru.manager.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passthru.manager.TestDriver;
import io.passthru.xml.RelaxNg;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mdev commands and options in-process against libvirt's test driver (mdev-host.xml: a GPU parenting nvidia-222
 * and nvidia-223, a subchannel parenting vfio_ccw-io, a free mdev and one domain held-guest holds): list-devices and
 * mdev list in text and JSON, and the refusals of mdev create/remove, define, attach and detach.
 */
class MdevCliTestDriverTest {
    static final String FREE = "b1ae8bf6-38b0-4c81-9d44-78ce3f520496";
    static final String HELD = "d069d019-36ea-4111-8f0a-8c9a70e21366";


    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private static String line(CliRun r, String start) {
        return r.out().lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(start + " not listed: " + r.out()));
    }

    @Test
    void listDevicesShowsTheParentsTheirTypesAndTheMdevs() throws Exception {
        CliRun r = run("list-devices", "-c", TestDriver.mdevHost(), "--pool", "/nonexistent/pool.json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(line(r, "0000:06:00.0").contains("type-PCI"), "the GPU is a PCI device of the list: " + r.out());
        String type = line(r, "pci_0000_06_00_0     0000:06:00.0   nvidia-222");
        assertTrue(type.contains("vfio-pci") && type.contains(" 16 ") && type.endsWith("GRID T4-1B"), type);
        assertTrue(line(r, "pci_0000_06_00_0     0000:06:00.0   nvidia-223").contains(" 0 "), r.out());
        assertTrue(line(r, "css_0_0_fffe         0.0.fffe       vfio_ccw-io").contains("vfio-ccw"), r.out());
        String free = line(r, FREE);
        assertTrue(free.contains("nvidia-222") && free.contains("pci_0000_06_00_0") && free.contains("started"), free);
        assertTrue(line(r, HELD).contains("held-guest"), r.out());
        assertFalse(r.out().lines().anyMatch(l -> l.startsWith("0.0.fffe")), "no PCI row for the subchannel");

        CliRun json = run("list-devices", "-c", TestDriver.mdevHost(), "--pool", "/nonexistent/pool.json", "-o", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode rows = new ObjectMapper().readTree(json.out());
        List<String> kinds = new ArrayList<>();
        rows.forEach(n -> kinds.add(n.get("address").asText() + " " + n.get("kind").asText()));
        assertEquals(List.of("0000:06:00.0 type-PCI", "0.0.fffe mdev-parent", FREE + " mdev", HELD + " mdev"),
                kinds);
        JsonNode gpu = rows.get(0);
        assertEquals("pci_0000_06_00_0", gpu.get("nodeDevice").asText());
        assertEquals(2, gpu.get("mdevTypes").size(), gpu.toString());
        JsonNode t = gpu.get("mdevTypes").get(0);
        assertEquals("nvidia-222 GRID T4-1B vfio-pci 16 0000:06:00.0", t.get("id").asText() + " "
                + t.get("name").asText() + " " + t.get("deviceApi").asText() + " " + t.get("available").asInt() + " "
                + t.get("parentAddress").asText());
        JsonNode css = rows.get(1);
        assertEquals("css_0_0_fffe", css.get("nodeDevice").asText());
        assertEquals("vfio-ccw", css.get("mdevTypes").get(0).get("deviceApi").asText());
        assertTrue(css.get("vendorId").isNull(), "every row has the PCI fields, null where they do not apply");
        JsonNode free1 = rows.get(2);
        assertEquals("nvidia-222", free1.get("mdevType").asText());
        assertEquals("pci_0000_06_00_0", free1.get("parent").asText());
        assertEquals("mdev_b1ae8bf6_38b0_4c81_9d44_78ce3f520496_0000_06_00_0", free1.get("nodeDevice").asText());
        assertTrue(free1.get("active").asBoolean() && free1.get("persistent").asBoolean(), free1.toString());
        assertTrue(free1.get("usedBy").isNull(), free1.toString());
        assertEquals("[\"state\"]", free1.get("migration").toString());
        assertEquals("held-guest", rows.get(3).get("usedBy").asText());

        // a PCI device that parents no mdevs has no mdev fields at all
        CliRun sriov = run("list-devices", "-c", TestDriver.sriovHost(), "--pool", "/nonexistent/pool.json", "-o",
                "json");
        assertEquals(0, sriov.exit(), sriov.err());
        for (JsonNode n : new ObjectMapper().readTree(sriov.out())) {
            assertFalse(n.has("mdevTypes") || n.has("nodeDevice") || n.has("mdevType") || n.has("active")
                    || n.has("pci"), n.toString());
        }
    }

    @Test
    void mdevListGivesTheTypesAndTheMdevs() throws Exception {
        CliRun r = run("mdev", "list", "-c", TestDriver.mdevHost(), "-o", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3, j.get("types").size(), r.out());
        assertEquals(2, j.get("mdevs").size(), r.out());
        CliRun text = run("mdev", "list", "-c", TestDriver.mdevHost());
        assertEquals(0, text.exit(), text.err());
        assertTrue(line(text, HELD).contains("held-guest"), text.out());
    }

    @Test
    void mdevCreateAndRemoveRefuseBadInputNamingTheProblem() {
        String uri = TestDriver.mdevHost();
        CliRun unknown = run("mdev", "create", "--type", "nvidia-999", "-c", uri);
        assertEquals(PassthruCli.EXIT_FAILED, unknown.exit());
        assertTrue(unknown.err().startsWith("error: no mdev parent on " + uri + " offers type nvidia-999")
                && unknown.err().contains("nvidia-222 (pci_0000_06_00_0)"), unknown.err());
        CliRun wrongParent = run("mdev", "create", "--type", "nvidia-222", "--parent", "css_0_0_fffe", "-c", uri);
        assertTrue(wrongParent.err().contains("mdev parent css_0_0_fffe on " + uri + " does not offer type "
                + "nvidia-222"), wrongParent.err());
        CliRun full = run("mdev", "create", "--type", "nvidia-223", "-c", uri);
        assertTrue(full.err().contains("no instance of mdev type nvidia-223 is free"), full.err());
        CliRun badUuid = run("mdev", "create", "--type", "nvidia-222", "--uuid", "1234", "-c", uri);
        assertTrue(badUuid.err().contains("'1234' is not an mdev UUID"), badUuid.err());
        CliRun taken = run("mdev", "create", "--type", "nvidia-222", "--uuid", FREE, "-c", uri);
        assertTrue(taken.err().contains("mdev " + FREE + " exists on " + uri + " already"), taken.err());
        CliRun noType = run("mdev", "create", "-c", uri);
        assertEquals(PassthruCli.EXIT_USAGE, noType.exit(), noType.err());
        assertTrue(noType.err().contains("--type"), noType.err());

        CliRun held = run("mdev", "remove", HELD, "-c", uri);
        assertEquals(PassthruCli.EXIT_FAILED, held.exit());
        assertTrue(held.err().startsWith("error: domain 'held-guest' on " + uri + " holds mdev " + HELD), held.err());
        CliRun none = run("mdev", "remove", "00000000-0000-4000-8000-000000000000", "-c", uri);
        assertTrue(none.err().contains("no mdev 00000000-0000-4000-8000-000000000000"), none.err());
        assertEquals(PassthruCli.EXIT_USAGE, run("mdev", "-c", uri).exit(), "a subcommand is needed");
    }

    @Test
    void defineAttachAndDetachTakeAnMdev() {
        String uri = TestDriver.mdevHost();
        CliRun dry = run("define", "vm-mdev", "-c", uri, "--mdev", FREE, "--mdev", "nvidia-222", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertEquals(List.of(), RelaxNg.errors("domain.rng", dry.out()), dry.out());
        assertTrue(dry.out().contains("<hostdev mode=\"subsystem\" type=\"mdev\" model=\"vfio-pci\">"), dry.out());
        assertTrue(dry.out().contains("<address uuid=\"" + FREE + "\"/>"), dry.out());
        CliRun defined = run("define", "vm-mdev", "-c", uri, "--mdev", FREE);
        assertEquals(0, defined.exit(), defined.err());
        assertTrue(defined.out().contains("mdev " + FREE), defined.out());
        CliRun held = run("define", "vm-mdev", "-c", uri, "--mdev", HELD);
        assertEquals(PassthruCli.EXIT_FAILED, held.exit());
        assertTrue(held.err().contains("--mdev " + HELD + ": domain 'held-guest'"), held.err());
        CliRun unknownType = run("define", "vm-mdev", "-c", uri, "--mdev", "nvidia-999");
        assertTrue(unknownType.err().contains("offers type nvidia-999"), unknownType.err());

        CliRun attachHeld = run("attach", "held-guest", "-c", uri, "--mdev", HELD);
        assertEquals(PassthruCli.EXIT_FAILED, attachHeld.exit());
        assertTrue(attachHeld.err().contains("domain 'held-guest'"), attachHeld.err());
        CliRun attachUnknownType = run("attach", "held-guest", "-c", uri, "--mdev", "mtty-9");
        assertTrue(attachUnknownType.err().contains("offers type mtty-9") && attachUnknownType.err()
                .contains("nvidia-222"), attachUnknownType.err());
        CliRun noDomain = run("attach", "no-such-guest", "-c", uri, "--mdev", "nvidia-222");
        assertTrue(noDomain.err().contains("no domain 'no-such-guest'"), "refused before an mdev is made: "
                + noDomain.err());
        CliRun detachNotThere = run("detach", "held-guest", "-c", uri, "--mdev", FREE);
        assertTrue(detachNotThere.err().contains("mdev " + FREE + " is not attached to domain 'held-guest'"),
                detachNotThere.err());

        // option combinations: before any connection
        CliRun withVlan = run("attach", "held-guest", "-c", uri, "--mdev", FREE, "--vlan", "7");
        assertEquals(PassthruCli.EXIT_USAGE, withVlan.exit());
        assertTrue(withVlan.err().contains("--mdev takes no --bond, --failover, --mac, --vlan or --trusted"),
                withVlan.err());
        CliRun twoDevices = run("attach", "held-guest", "-c", uri, "--mdev", FREE, "--pci", "0000:06:00.0");
        assertEquals(PassthruCli.EXIT_USAGE, twoDevices.exit());
        assertTrue(twoDevices.err().contains("give exactly one of --vf, --pci, --alias and --mdev"), twoDevices.err());
        CliRun detachTwo = run("detach", "held-guest", "-c", uri, "--mdev", FREE, "--pci", "0000:06:00.0");
        assertEquals(PassthruCli.EXIT_USAGE, detachTwo.exit());
        assertTrue(detachTwo.err().contains("give exactly one of --vf, --pci and --mdev"), detachTwo.err());
    }
}
