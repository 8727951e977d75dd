package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.manager.viommu.ViommuPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 on the nested lab: a real VFIO device-state migration. The lab hosts run Linux 6.12 with Linux's sample
 * mediated driver mtty (build-mtty.sh), whose mdevs are virtual 16550 serial cards that implement the VFIO migration
 * uAPI v2. A guest holding an mtty mdev writes values into the UARTs' scratch registers (through /dev/port), migrates
 * host 1 → host 2 by the {@code state} strategy (the plan printed first: the mdev stays attached, host 2 gets an mdev
 * of the same type and UUID before the migration) and reads the same values there; then back to host 1, whose own
 * mdev is restarted for it. Refusals change nothing: a destination whose mdev of that UUID has another type; a guest
 * with a vIOMMU (QEMU blocks VFIO migration with one). A migration that QEMU starts and then fails (this kernel
 * cannot report device dirty pages) is rolled back: the guest runs on host 1 with its device, and the mdev passthru
 * created on host 2 is gone.
 *
 * <p>The first guest carries, through {@code <qemu:override>}, what QEMU needs on this kernel: Debian builds Linux
 * without {@code CONFIG_IOMMUFD_DRIVER}, so VFIO's DMA-logging report (iova_bitmap) fails with EOPNOTSUPP and QEMU's
 * default device dirty tracking fails in ram_save_setup; with {@code x-device-dirty-page-tracking=off},
 * {@code x-pre-copy-dirty-page-tracking=off} and {@code enable-migration=on} QEMU treats all guest RAM as dirty at the
 * switch-over instead (correct for any device, at the cost of downtime).
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StateMigrationLabIT {
    static final String NAME = "it-state";
    static final String MAC = "52:54:00:d0:00:21";
    static final String UUID = "b1ae8bf6-38b0-4c81-9d44-78ce3f520496";
    static final String PLAIN_NAME = "it-state-plain";
    static final String PLAIN_MAC = "52:54:00:d0:00:22";
    static final String PLAIN_UUID = "2c6b9a31-7d0e-4f55-9b8e-0a1b2c3d4e5f";
    static final String VIOMMU_NAME = "it-state-viommu";
    static final String VIOMMU_MAC = "52:54:00:d0:00:23";
    static final String VIOMMU_UUID = "5e8f3b27-1c4d-4a6e-8f90-abcdef012345";
    static final String TYPE = "mtty-2";
    static final String POSTCOPY_NAME = "it-postcopy";
    static final String POSTCOPY_MAC = "52:54:00:d0:00:24";

    @BeforeAll
    void mdevGuestOnHost1() throws Exception {
        for (String n : List.of(NAME, PLAIN_NAME, VIOMMU_NAME, POSTCOPY_NAME)) {
            Lab.removeGuest(1, n);
            Lab.removeGuest(2, n);
        }
        for (String u : List.of(UUID, PLAIN_UUID, VIOMMU_UUID)) {
            for (int h = 1; h <= 2; h++) {
                Lab.cli("mdev", "remove", u, "--connect", Lab.uri(h));
            }
        }
        ok(Lab.cli("mdev", "create", "--type", TYPE, "--uuid", UUID, "--connect", Lab.uri(1)));
        org.libvirt.Domain dom = Lab.defineGuestXml(1, NAME, Lab.mdevGuestXml(NAME, MAC, "192.0.2.91", UUID, true,
                null));
        dom.create();
        Lab.waitForAgent(dom, NAME);
    }

    @AfterAll
    void cleanup() {
        LabHealth.heal();
        for (String n : List.of(NAME, PLAIN_NAME, VIOMMU_NAME, POSTCOPY_NAME)) {
            Lab.removeGuest(1, n);
            Lab.removeGuest(2, n);
        }
        for (String u : List.of(UUID, PLAIN_UUID, VIOMMU_UUID)) {
            for (int h = 1; h <= 2; h++) {
                try {
                    Lab.cli("mdev", "remove", u, "--connect", Lab.uri(h));
                } catch (Exception e) {
                    // best effort
                }
            }
        }
    }

    static void ok(Lab.CliResult r) {
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    static org.libvirt.Domain on(int n, String name) {
        return Lab.host(n).domain(name);
    }

    /** The I/O port bases of the guest's mtty ports (PCI 4348:3253, BAR0 and BAR1), from sysfs. */
    static List<Integer> ports(org.libvirt.Domain dom) {
        String out = Lab.waitForAgentThen(() -> Lab.inGuest(dom, "for d in /sys/bus/pci/devices/*; do "
                + "[ \"$(cat $d/vendor)\" = 0x4348 ] && [ \"$(cat $d/device)\" = 0x3253 ] && head -2 $d/resource "
                + "| cut -d' ' -f1; done; true"));
        List<Integer> bases = new ArrayList<>();
        for (String l : out.strip().split("\\s+")) {
            if (!l.isBlank() && Long.decode(l) != 0) {
                bases.add(Long.decode(l).intValue());
            }
        }
        return bases;
    }

    /** Writes {@code value} into the scratch register (offset 7, 16550 UART) of the port at {@code base}. */
    static void writeScratch(org.libvirt.Domain dom, int base, int value) {
        Lab.inGuest(dom, "printf '" + String.format("\\%03o", value) + "' | dd of=/dev/port bs=1 seek=" + (base + 7)
                + " count=1 conv=notrunc 2>/dev/null");
    }

    /** The scratch register of the port at {@code base}. */
    static int readScratch(org.libvirt.Domain dom, int base) {
        String hex = Lab.waitForAgentThen(() -> Lab.inGuest(dom, "dd if=/dev/port bs=1 skip=" + (base + 7)
                + " count=1 2>/dev/null | od -An -tx1")).strip();
        return Integer.parseInt(hex, 16);
    }

    static JsonNode plan(String name, int from, int to) throws Exception {
        Lab.CliResult p = Lab.cli("migrate", name, "--connect", Lab.uri(from), "--to", Lab.uri(to), "--plan");
        System.out.println("PLAN (text):\n" + p.out() + p.err());
        Lab.CliResult pj = Lab.cli("migrate", name, "--connect", Lab.uri(from), "--to", Lab.uri(to), "--plan",
                "-o", "json");
        assertEquals(p.exit(), pj.exit(), pj.out() + pj.err());
        return pj.json();
    }

    /** The mdev with {@code uuid} on lab host N, from {@code passthru list-devices -o json} (null when none). */
    static JsonNode mdevOn(int n, String uuid) throws Exception {
        Lab.CliResult r = Lab.cli("mdev", "list", "--connect", Lab.uri(n), "-o", "json");
        ok(r);
        JsonNode all = r.json().has("mdevs") ? r.json().get("mdevs") : r.json();
        for (JsonNode m : all) {
            if (m.has("uuid") && m.get("uuid").asText().equalsIgnoreCase(uuid)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The plan host 1 → host 2 of {@code name} refuses its mdev with a reason containing {@code why}, and so does
     * {@code migrate} (exit non-zero, the reason in its output), the guest staying on host 1.
     */
    static void refusedWithNothingMoved(String name, String why) throws Exception {
        JsonNode plan = plan(name, 1, 2);
        String refusal = plan.get("devices").get(0).get("refusal").asText();
        assertTrue(refusal.contains(why), plan.toString());
        Lab.CliResult r = Lab.cli("migrate", name, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2));
        assertNotEquals(0, r.exit(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains(why), r.out() + r.err());
        assertTrue(Lab.exists(1, name) && !Lab.exists(2, name), "nothing moved");
    }

    @Test
    @Order(1)
    void theMdevMigratesWithItsStateAndTheGuestNeverLosesIt() throws Exception {
        org.libvirt.Domain dom = on(1, NAME);
        List<Integer> ports = ports(dom);
        assertEquals(2, ports.size(), "an mtty-2 mdev has two ports: " + ports);
        writeScratch(dom, ports.get(0), 0x5a);
        writeScratch(dom, ports.get(1), 0xc3);
        assertEquals(0x5a, readScratch(dom, ports.get(0)));
        assertEquals(0xc3, readScratch(dom, ports.get(1)));

        JsonNode plan = plan(NAME, 1, 2);
        JsonNode entry = plan.get("devices").get(0);
        assertEquals("mdev", entry.get("kind").asText(), plan.toString());
        assertEquals("state", entry.get("strategy").asText(), plan.toString());
        assertEquals(UUID, entry.get("mdevUuid").asText(), plan.toString());
        assertTrue(entry.get("detail").asText().contains("created on mtty_mtty"), plan.toString());
        assertEquals(null, mdevOn(2, UUID), "--plan created nothing on host 2");

        Lab.CliResult r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "-o", "json");
        ok(r);
        System.out.println("STATE MIGRATION:\n" + r.out());
        JsonNode report = r.json();
        assertEquals(0, report.get("deviceGapsMs").get(UUID).asLong(), "the device never left the guest: " + report);
        assertFalse(Lab.exists(1, NAME), "gone from host 1");
        org.libvirt.Domain moved = on(2, NAME);
        List<Integer> there = ports(moved);
        assertEquals(ports, there, "the same device at the same ports");
        assertEquals(0x5a, readScratch(moved, there.get(0)), "port 0's scratch register came with the device state");
        assertEquals(0xc3, readScratch(moved, there.get(1)), "port 1's scratch register came with the device state");
        JsonNode m2 = mdevOn(2, UUID);
        assertTrue(m2 != null && m2.get("active").asBoolean(), "host 2's mdev: " + m2);
    }

    @Test
    @Order(2)
    void backToHost1WhoseOwnMdevIsRestarted() throws Exception {
        org.libvirt.Domain dom = on(2, NAME);
        List<Integer> ports = ports(dom);
        writeScratch(dom, ports.get(0), 0x17);
        JsonNode plan = plan(NAME, 2, 1);
        JsonNode entry = plan.get("devices").get(0);
        assertEquals("state", entry.get("strategy").asText(), plan.toString());
        assertTrue(entry.get("detail").asText().contains("restarted"), "host 1 has the mdev (free): " + plan);
        ok(Lab.cli("migrate", NAME, "--connect", Lab.uri(2), "--to", Lab.uri(1),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(1)));
        org.libvirt.Domain back = on(1, NAME);
        assertEquals(0x17, readScratch(back, ports(back).get(0)));
        assertEquals(0xc3, readScratch(back, ports(back).get(1)), "port 1 kept its value through both migrations");
    }

    @Test
    @Order(3)
    void aDestinationMdevOfAnotherTypeIsRefusedByThePlanWithNothingChanged() throws Exception {
        // host 2 keeps the mdev the first migration created (free): made mtty-1 under the same UUID
        ok(Lab.cli("mdev", "remove", UUID, "--connect", Lab.uri(2)));
        ok(Lab.cli("mdev", "create", "--type", "mtty-1", "--uuid", UUID, "--connect", Lab.uri(2)));
        refusedWithNothingMoved(NAME, "of type mtty-1, not mtty-2");
        assertEquals("mtty-1", mdevOn(2, UUID).get("type").asText(), "host 2's mdev untouched");
        org.libvirt.Domain dom = on(1, NAME);
        assertEquals(0xc3, readScratch(dom, ports(dom).get(1)), "the guest's device untouched");
        ok(Lab.cli("mdev", "remove", UUID, "--connect", Lab.uri(2)));
    }

    @Test
    @Order(4)
    @org.junit.jupiter.api.Tag(Lab.EXTENDED) // 80 s; recoverBackRemovesTheMdevAKilledRunCreated removes one in CI
    void aMigrationQemuFailsIsRolledBackAndTheCreatedMdevRemoved() throws Exception {
        // without the QEMU properties: QEMU reports no blocker (mtty offers device dirty tracking), so the plan takes
        // state, and the migration fails in ram_save_setup (this kernel cannot report dirty pages)
        ok(Lab.cli("mdev", "create", "--type", TYPE, "--uuid", PLAIN_UUID, "--connect", Lab.uri(1)));
        org.libvirt.Domain dom = Lab.defineGuestXml(1, PLAIN_NAME, Lab.mdevGuestXml(PLAIN_NAME, PLAIN_MAC,
                "192.0.2.92", PLAIN_UUID, false, null));
        dom.create();
        Lab.waitForAgent(dom, PLAIN_NAME);
        List<Integer> ports = ports(dom);
        writeScratch(dom, ports.get(0), 0x66);
        JsonNode plan = plan(PLAIN_NAME, 1, 2);
        assertEquals("state", plan.get("devices").get(0).get("strategy").asText(), plan.toString());
        Lab.CliResult r = Lab.cli("migrate", PLAIN_NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2));
        System.out.println("FAILED STATE MIGRATION:\n" + r.out() + r.err());
        assertNotEquals(0, r.exit(), r.out() + r.err());
        assertTrue(Lab.exists(1, PLAIN_NAME) && !Lab.exists(2, PLAIN_NAME), "the guest stays on host 1");
        assertEquals(null, mdevOn(2, PLAIN_UUID), "the mdev passthru created on host 2 was removed");
        org.libvirt.Domain still = on(1, PLAIN_NAME);
        assertEquals(0x66, readScratch(still, ports(still).get(0)), "the guest's device works on host 1");
        Lab.removeGuest(1, PLAIN_NAME);
    }

    @Test
    @Tag(Lab.EXTENDED) // 44 s with its guest: the plan's refusal of another mdev type keeps a refusal with nothing changed in the main tier
    @Order(5)
    void aGuestWithAVIommuIsRefusedByThePlanWithNothingChanged() throws Exception {
        ok(Lab.cli("mdev", "create", "--type", TYPE, "--uuid", VIOMMU_UUID, "--connect", Lab.uri(1)));
        org.libvirt.Domain dom = Lab.defineGuestXml(1, VIOMMU_NAME, Lab.mdevGuestXml(VIOMMU_NAME, VIOMMU_MAC,
                "192.0.2.93", VIOMMU_UUID, false, ViommuPolicy.Option.INTEL));
        dom.create();
        Lab.waitForAgent(dom, VIOMMU_NAME);
        refusedWithNothingMoved(VIOMMU_NAME, "vIOMMU");
        assertEquals(null, mdevOn(2, VIOMMU_UUID), "nothing created on host 2");
        Lab.removeGuest(1, VIOMMU_NAME);
    }

    @Test
    @Order(6)
    void postcopyIsRefusedForTheMdevWithNothingChanged() throws Exception {
        Lab.CliResult p = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2), "--plan",
                "--postcopy", "-o", "json");
        System.out.println("PLAN with --postcopy:\n" + p.out() + p.err());
        String refusal = p.json().get("devices").get(0).get("refusal").asText();
        assertTrue(refusal.contains("--postcopy") && refusal.contains("post-copy"), p.out());
        Lab.CliResult r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "--postcopy");
        assertNotEquals(0, r.exit(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("--postcopy"), r.out() + r.err());
        assertTrue(Lab.exists(1, NAME) && !Lab.exists(2, NAME), "nothing moved");
        assertEquals(null, mdevOn(2, UUID), "nothing created on host 2");
        org.libvirt.Domain dom = on(1, NAME);
        assertEquals(0xc3, readScratch(dom, ports(dom).get(1)), "the guest's device untouched");
    }

    /**
     * A run killed (SIGKILL) right after it created the destination's mdev leaves a record; {@code recover} finds the
     * guest running on host 1 only, rolls back, and removes the mdev the run created on host 2.
     */
    @Test
    @Order(7)
    void recoverBackRemovesTheMdevAKilledRunCreated() throws Exception {
        Lab.CliResult killed = Lab.cli(java.util.Map.of("PASSTHRU_TEST_KILL_AFTER", "prepare-mdev@" + UUID),
                "migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2));
        assertNotEquals(0, killed.exit(), killed.out() + killed.err());
        JsonNode made = mdevOn(2, UUID);
        assertTrue(made != null, "the killed run had created host 2's mdev");
        Lab.CliResult r = Lab.cli("recover", NAME, "--connect", Lab.uri(1), "-o", "json");
        System.out.println("RECOVER:\n" + r.out() + r.err());
        ok(r);
        assertEquals("rolled-back", r.json().get("outcome").asText(), r.out());
        assertEquals(null, mdevOn(2, UUID), "recover removed the mdev the run created on host 2");
        assertTrue(Lab.exists(1, NAME) && !Lab.exists(2, NAME), "the guest stays on host 1");
        org.libvirt.Domain dom = on(1, NAME);
        assertEquals(0xc3, readScratch(dom, ports(dom).get(1)), "the guest's device untouched");
    }

    /**
     * {@code --postcopy} on a guest without a VFIO device: the migration switches to post-copy after the first pass
     * (a 1 ms downtime limit keeps pre-copy from converging first), the report says when, and 16 MiB of random data
     * the guest wrote to its RAM disk before arrive intact (pages pulled from host 1 on demand).
     */
    @Test
    @Tag(Lab.EXTENDED)
    @Order(8)
    void postcopyMovesAGuestWithoutAVfioDevice() throws Exception {
        org.libvirt.Domain dom = Lab.define(1, Lab.guestCommand(POSTCOPY_NAME, POSTCOPY_MAC, "192.0.2.94/24", ""));
        dom.create();
        Lab.waitForAgent(dom, POSTCOPY_NAME);
        String sum = Lab.inGuest(dom, "dd if=/dev/urandom of=/postcopy.bin bs=1M count=16 2>/dev/null; "
                + "md5sum /postcopy.bin | cut -d' ' -f1").strip();
        Lab.CliResult r = Lab.cli("migrate", POSTCOPY_NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "--postcopy", "--max-downtime", "1",
                "-o", "json");
        System.out.println("POST-COPY MIGRATION:\n" + r.out() + r.err());
        ok(r);
        JsonNode report = r.json();
        assertTrue(report.hasNonNull("postcopyAfterMs") && report.get("postcopyAfterMs").asLong() > 0,
                "switched to post-copy: " + report);
        assertFalse(Lab.exists(1, POSTCOPY_NAME), "gone from host 1");
        org.libvirt.Domain moved = on(2, POSTCOPY_NAME);
        assertEquals(sum, Lab.waitForAgentThen(() -> Lab.inGuest(moved, "md5sum /postcopy.bin | cut -d' ' -f1"))
                .strip(), "the guest's memory arrived whole");
        Lab.removeGuest(2, POSTCOPY_NAME);
    }
}
