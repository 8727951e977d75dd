package io.passthru.lab;

import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nova's PCI NUMA affinity policies on lab hosts that really have two NUMA nodes (lab.sh: one socket, a core and half
 * the memory per node, an e1000e behind a PCIe expander bridge on each node, 0000:41:00.0 on node 0 and 0000:81:00.0
 * on node 1, and the root bus's e1000e at 0000:02:00.0 without a NUMA node). A guest placed on node 0 with
 * {@code define --numa 0}; {@code attach --alias} of an e1000e under each policy while the node-0 device is taken:
 * {@code required} refuses the others, {@code legacy} takes the one without NUMA information, {@code socket} and
 * {@code preferred} take the node-1 device (same socket; any node, last). Then the migration plan to host 2, whose
 * node-0 e1000e and root-bus e1000e are held by another definition: {@code required} refuses with the nodes named,
 * {@code preferred} takes the node-1 device with a warning, and the migration plugs it there.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NumaLabIT {
    static final String NAME = "it-numa";
    static final String HOLDER = "it-numa-holder";
    static final String MAC = "52:54:00:a1:00:01";
    static final PciAddress ROOT_BUS = PciAddress.parse("0000:02:00.0");
    static final PciAddress NODE0 = PciAddress.parse("0000:41:00.0");
    static final PciAddress NODE1 = PciAddress.parse("0000:81:00.0");
    Path pool;

    @BeforeAll
    void guestOnNode0() throws Exception {
        for (int n = 1; n <= 2; n++) {
            Lab.removeGuest(n, NAME);
            Lab.removeGuest(n, HOLDER);
        }
        // the lab hosts really have two nodes, and the expanders' devices say so in libvirt's node device XML
        Inventory inv = Inventory.scan(Lab.host(1));
        assertEquals(0, inv.function(NODE0).orElseThrow().numaNode(), "node 0's e1000e");
        assertEquals(1, inv.function(NODE1).orElseThrow().numaNode(), "node 1's e1000e");
        assertEquals(null, inv.function(ROOT_BUS).orElseThrow().numaNode(), "the root bus reports no node");
        pool = Files.createTempFile("pool-numa", ".json");
        StringBuilder aliases = new StringBuilder();
        for (String policy : List.of("required", "legacy", "socket", "preferred")) {
            aliases.append(aliases.length() == 0 ? "" : ", ").append("{\"name\": \"nic-").append(policy)
                    .append("\", \"vendor_id\": \"8086\", \"product_id\": \"10d3\", \"device_type\": \"type-PCI\", ")
                    .append("\"numa_policy\": \"").append(policy).append("\"}");
        }
        Files.writeString(pool, "{\"device_spec\": [{\"vendor_id\": \"8086\", \"product_id\": \"10d3\"}, "
                + "{\"vendor_id\": \"8086\", \"product_id\": \"10ca\"}], \"alias\": [" + aliases + "]}");
        // a pool takes free devices only (no host driver but vfio-pci): host 1's e1000e go to vfio-pci first, as an
        // operator parks a pool's devices (virsh nodedev-detach); libvirt leaves them there after a guest's detach
        for (PciAddress a : List.of(ROOT_BUS, NODE0, NODE1)) {
            nodeDevice(1, a).detach();
        }
        Lab.startAll(Lab.define(1, Lab.guestCommand(NAME, MAC, "192.0.2.91/24", "").numa(List.of(0))));
    }

    static org.libvirt.Device nodeDevice(int n, PciAddress a) throws org.libvirt.LibvirtException {
        return Lab.host(n).connect().deviceLookupByName("pci_" + a.toString().replace(':', '_').replace('.', '_'));
    }

    @AfterAll
    void cleanup() {
        LabHealth.heal();
        for (int n = 1; n <= 2; n++) {
            Lab.removeGuest(n, NAME);
            Lab.removeGuest(n, HOLDER);
        }
        for (PciAddress a : List.of(ROOT_BUS, NODE0, NODE1)) {
            try {
                nodeDevice(1, a).reAttach(); // back to e1000e, as the other tests expect them
            } catch (org.libvirt.LibvirtException e) {
                System.out.println("NUMA cleanup: reattach " + a + " on host 1: " + e.getMessage());
            }
        }
    }

    static void ok(Lab.CliResult r) {
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    /** {@code attach --alias nic-POLICY:1} on host 1; the device it took, or null when refused (then its error). */
    PciAddress attachByPolicy(String policy, StringBuilder error) throws Exception {
        Lab.CliResult r = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--alias", "nic-" + policy + ":1",
                "--pool", pool.toString());
        if (r.exit() != 0) {
            error.append(r.err());
            return null;
        }
        for (PciAddress a : List.of(ROOT_BUS, NODE0, NODE1)) {
            if (NAME.equals(Inventory.scan(Lab.host(1)).function(a).orElseThrow().usedBy())) {
                if (!a.equals(NODE0)) {
                    ok(Lab.cli("detach", NAME, "--connect", Lab.uri(1), "--pci", a.toString()));
                    return a;
                }
            }
        }
        throw new AssertionError("attach --alias nic-" + policy + " succeeded but no e1000e is held: " + r.out());
    }

    @Test
    @Order(1)
    void defineNumaPlacesTheGuestOnTheHostNode() throws Exception {
        String xml = Host.xml(Lab.host(1).domain(NAME), false);
        assertTrue(xml.contains("<memory mode='strict' nodeset='0'/>") || xml.contains("nodeset=\"0\""), xml);
        assertTrue(xml.contains("<cell id='0' cpus='0' memory='131072' unit='KiB'"), xml);
        assertTrue(xml.contains("cpuset='0'"), "vCPUs on node 0's CPU: " + xml);
        // a node the host does not have is refused before anything is defined
        Lab.CliResult r = Lab.cli("define", "it-numa-bad", "--connect", Lab.uri(1), "--numa", "5", "--kernel",
                Lab.guestKernel(), "--dry-run");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("no NUMA node [5]") && r.err().contains("[0, 1]"), r.err());
    }

    @Test
    @Order(2)
    void eachPolicyChoosesAsNovaDocumentsWhileTheNode0DeviceIsTaken() throws Exception {
        // with the node-0 e1000e free, every policy takes it first
        StringBuilder err = new StringBuilder();
        ok(Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--alias", "nic-required:1", "--pool", pool.toString()));
        assertEquals(NAME, Inventory.scan(Lab.host(1)).function(NODE0).orElseThrow().usedBy(), "required: node 0");
        // now node 0's device is the guest's own: the next one must come from elsewhere
        assertEquals(null, attachByPolicy("required", err), "required refuses a device off the guest's node");
        assertTrue(err.toString().contains("numa_policy required") && err.toString().contains("node"), err.toString());
        System.out.println("NUMA required: " + err);
        assertEquals(ROOT_BUS, attachByPolicy("legacy", new StringBuilder()),
                "legacy: a device without NUMA information, never one on another node");
        assertEquals(NODE1, attachByPolicy("socket", new StringBuilder()), "socket: node 1 shares the guest's socket");
        assertEquals(ROOT_BUS, attachByPolicy("preferred", new StringBuilder()),
                "preferred: a device without NUMA information before one on another node");
        ok(Lab.cli("detach", NAME, "--connect", Lab.uri(1), "--pci", NODE0.toString()));
    }

    @Test
    @Order(3)
    void theMigrationPlanRefusesOrWarnsByThePolicyAndTheMigrationTakesThePlansDevice() throws Exception {
        ok(Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--pci", NODE0.toString()));
        // host 2's node-0 and root-bus e1000e are held by another (inactive) definition
        Lab.define(2, Lab.guestCommand(HOLDER, "52:54:00:a1:00:02", "192.0.2.92/24", "").pci(NODE0).pci(ROOT_BUS));
        Path required = Files.createTempFile("pool-required", ".json");
        Files.writeString(required, Files.readString(pool).replaceAll("\"numa_policy\": \"[a-z]+\"",
                "\"numa_policy\": \"required\""));
        Path preferred = Files.createTempFile("pool-preferred", ".json");
        Files.writeString(preferred, Files.readString(pool).replaceAll("\"numa_policy\": \"[a-z]+\"",
                "\"numa_policy\": \"preferred\""));
        Lab.CliResult r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2), "--plan",
                "--pool", required.toString(), "--dest-pool", required.toString());
        System.out.println("NUMA PLAN (required):\n" + r.out());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("CANNOT MOVE"), r.out());
        assertTrue(r.out().contains("numa_policy required refused [" + NODE1 + " (NUMA node 1)]")
                && r.out().contains("host NUMA node(s) [0]"), r.out());
        r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2), "--plan",
                "--pool", preferred.toString(), "--dest-pool", preferred.toString());
        System.out.println("NUMA PLAN (preferred):\n" + r.out());
        ok(r);
        assertTrue(r.out().contains("hotplug -> " + NODE1), r.out());
        assertTrue(r.out().contains("warning: " + NODE0 + " gets " + NODE1 + " on NUMA node 1, not on the guest's "
                + "node(s) [0]"), r.out());
        r = Lab.cli("migrate", NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2), "--migrate-uri",
                "tcp://" + Lab.migrationAddress(2), "--mode", "plain", "--pool", preferred.toString(), "--dest-pool",
                preferred.toString());
        ok(r);
        System.out.println("NUMA MIGRATION:\n" + r.out());
        assertFalse(Lab.exists(1, NAME));
        assertEquals(NAME, Inventory.scan(Lab.host(2)).function(NODE1).orElseThrow().usedBy(),
                "the guest holds host 2's node-1 e1000e");
        String xml = Host.xml(Lab.host(2).domain(NAME), false);
        assertTrue(xml.contains("nodeset='0'"), "still placed on node 0: " + xml);
        assertNotEquals("", PciPassthroughLabIT.awaitGuestPci(Lab.host(2).domain(NAME),
                s -> s.contains(PciPassthroughLabIT.deviceLine("8086", "10d3") + "e1000e "),
                "the guest never showed host 2's e1000e bound to its driver"));
    }
}
