package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.agent.GuestExecStatus;
import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Beyond VFs on the nested lab (issue 9): a plain PCI device (type-PCI: host 1's emulated e1000e behind its own
 * pcie-root-port, not SR-IOV) and a whole PF (type-PF: host 1's second igb, which has no VFs) passed to one
 * guest as managed VFIO {@code <hostdev>}s, and a VF with a VLAN, trust and a MAC that follow it through a migration.
 * Each device is verified on the host (bound to vfio-pci while attached, back to its own driver after detach;
 * {@code ip link show PF} for the VF's MAC, VLAN and trust, the last set by passthru run on the host itself, and the
 * domain XML for {@code trustGuestRxFilters}) and in the guest (the device is there, bound to its driver, its netdev
 * has the device's MAC).
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PciPassthroughLabIT {
    static final String NAME = "it-pci";
    static final String MAC = "52:54:00:e1:00:01";
    static final String ADDR = "192.0.2.71";
    static final String VLAN_NAME = "it-vlan";
    static final String VLAN_GUEST_MAC = "52:54:00:e1:00:02";
    static final String VLAN_VF_MAC = "52:54:00:e1:00:03";
    /** MAC of host 1's second igb, the PF without VFs (lab.sh). */
    static final String SPARE_PF_MAC = "52:54:00:00:01:07";

    /** The two guests boot at once: the PCI guest (tests 1 and 2) and the VLAN guest (test 3). */
    @BeforeAll
    void bootBothGuests() throws Exception {
        Lab.removeGuest(2, VLAN_NAME);
        Lab.startAll(Lab.defineGuest(1, NAME, MAC, ADDR + "/24"),
                Lab.definePlainGuest(1, VLAN_NAME, VLAN_GUEST_MAC, "192.0.2.72/24"));
    }

    @AfterAll
    void cleanup() throws Exception {
        LabHealth.heal();
        Lab.removeGuest(1, NAME);
        Lab.removeGuest(1, VLAN_NAME);
        Lab.removeGuest(2, VLAN_NAME);
    }

    /** The running guest {@code name} on host 1 (started again if a failed test left it stopped). */
    static org.libvirt.Domain running(String name, Start start) throws Exception {
        if (Lab.exists(1, name) && Host.isActive(Lab.host(1).domain(name))) {
            return Lab.host(1).domain(name);
        }
        return start.start();
    }

    @FunctionalInterface
    interface Start {
        org.libvirt.Domain start() throws Exception;
    }

    /** The list-devices row of the only non-bridge device of host {@code n} matching {@code which}. */
    static JsonNode device(int n, Predicate<JsonNode> which) throws Exception {
        Lab.CliResult r = Lab.cli("list-devices", "--connect", Lab.uri(n), "-o", "json");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode d : r.json()) {
            if (which.test(d)) {
                found.add(d);
            }
        }
        assertEquals(1, found.size(), "one such device on host " + n + ": " + r.out());
        return found.get(0);
    }

    static boolean ids(JsonNode d, String vendor, String product) {
        return d.get("vendorId").asText().toLowerCase(Locale.ROOT).endsWith(vendor)
                && d.get("productId").asText().toLowerCase(Locale.ROOT).endsWith(product);
    }

    /** The driver host {@code n} binds {@code address} to ("" when none). */
    static String hostDriver(int n, PciAddress address) {
        return Lab.onHostOk(n, "/bin/sh", "-c", "basename \"$(readlink /sys/bus/pci/devices/" + address
                + "/driver)\" 2>/dev/null || true").trim();
    }

    /**
     * The guest's PCI functions as lines "VENDOR DEVICE DRIVER MAC..." (driver "-" when unbound, the MACs of the
     * function's netdevs).
     */
    static String guestPci(org.libvirt.Domain dom) {
        return Lab.inGuest(dom, "for d in /sys/bus/pci/devices/*; do drv=-; [ -e $d/driver ] && "
                + "drv=$(basename $(readlink $d/driver)); macs=$(cat $d/net/*/address 2>/dev/null | tr '\\n' ' '); "
                + "echo $(cat $d/vendor) $(cat $d/device) $drv $macs; done");
    }

    /** Waits (60 s) until the guest's PCI listing satisfies {@code ok}; returns it. */
    static String awaitGuestPci(org.libvirt.Domain dom, Predicate<String> ok, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = Lab.waitForAgentThen(() -> guestPci(dom));
            if (ok.test(seen)) {
                return seen;
            }
            Lab.sleep(1000);
        }
        throw new AssertionError(what + "; the guest's PCI functions:\n" + seen);
    }

    static String deviceLine(String vendor, String product) {
        return "0x" + vendor + " 0x" + product + " ";
    }

    /** Attaches {@code address} with {@code attach --pci}, checks host and guest, detaches, checks both again. */
    void passThroughAndBack(int n, org.libvirt.Domain dom, String domain, PciAddress address, String vendor,
                            String product, String driver, String mac) throws Exception {
        assertEquals(driver, hostDriver(n, address), address + " starts bound to its own driver on host " + n);
        String line = deviceLine(vendor, product);
        assertFalse(guestPci(dom).contains(line), "the guest has no " + vendor + ":" + product + " yet");

        Lab.CliResult a = Lab.cli("attach", domain, "--connect", Lab.uri(n), "--pci", address.toString());
        assertEquals(0, a.exit(), a.out() + a.err());
        assertEquals("vfio-pci", hostDriver(n, address), address + " bound to vfio-pci while attached");
        String inGuest = awaitGuestPci(dom, s -> s.contains(line + driver + " " + mac),
                "the guest never showed " + vendor + ":" + product + " bound to " + driver + " with MAC " + mac);
        System.out.println("PCI PASSTHROUGH host " + n + " " + address + " -> guest: " + inGuest.lines()
                .filter(l -> l.startsWith(line)).findFirst().orElseThrow());
        JsonNode used = device(n, d -> d.get("address").asText().equals(address.toString()));
        assertEquals(domain, used.get("usedBy").asText(), "list-devices names the guest using it");

        Lab.CliResult d = Lab.cli("detach", domain, "--connect", Lab.uri(n), "--pci", address.toString());
        assertEquals(0, d.exit(), d.out() + d.err());
        awaitGuestPci(dom, s -> !s.contains(line), "the device stayed in the guest after detach");
        assertEquals(driver, hostDriver(n, address), address + " back to " + driver + " after detach");
    }

    @Test
    @Order(1)
    void plainPciDeviceGoesToTheGuestAndBack() throws Exception {
        // the root bus's e1000e (hosts with two NUMA nodes have one more behind each node's expander bridge)
        JsonNode e1000e = device(1, d -> ids(d, "8086", "10d3") && d.get("address").asText().equals("0000:02:00.0"));
        assertEquals("type-PCI", e1000e.get("kind").asText(), e1000e.toString());
        PciAddress address = PciAddress.parse(e1000e.get("address").asText());
        // its IOMMU group holds no other endpoint (the root port above it is a bridge)
        for (JsonNode m : e1000e.get("iommuGroupMembers")) {
            PciAddress member = PciAddress.parse(m.asText());
            assertTrue(member.equals(address) || Inventory.scan(Lab.host(1)).functions().stream()
                    .anyMatch(f -> f.address().equals(member) && f.isBridge()), "group of " + address + ": " + e1000e);
        }
        org.libvirt.Domain dom = running(NAME, () -> Lab.startGuest(1, NAME, MAC, ADDR + "/24"));
        passThroughAndBack(1, dom, NAME, address, "8086", "10d3", "e1000e", "52:54:00:00:01:06");
    }

    @Test
    @Order(2)
    void wholePfGoesToTheGuestAndBack() throws Exception {
        // host 1's second igb: SR-IOV capable (a PF to Nova and libvirt) with sriov_numvfs 0, so it can go whole
        List<Inventory.Pf> spare = Inventory.scan(Lab.host(1)).pfs().stream().filter(p -> p.vfs().isEmpty()).toList();
        assertEquals(1, spare.size(), "host 1 has one PF without VFs: " + spare);
        PciAddress address = spare.get(0).address();
        JsonNode pf = device(1, d -> d.get("address").asText().equals(address.toString()));
        assertTrue(ids(pf, "8086", "10c9"), pf.toString());
        assertEquals("type-PF", pf.get("kind").asText(), pf.toString());
        org.libvirt.Domain dom = running(NAME, () -> Lab.startGuest(1, NAME, MAC, ADDR + "/24"));
        boolean up;
        try {
            passThroughAndBack(1, dom, NAME, address, "8086", "10c9", "igb", SPARE_PF_MAC);
        } finally {
            // back on igb, the PF's netdev is new and administratively down (libvirt restores the driver, not the
            // link): up again, as l1-init.sh left it, or every later check-host would fail on its pf-link check
            up = Lab.spareLinkUp(1, address);
        }
        assertTrue(up, "the spare PF's link did not come up again");
        Lab.removeGuest(1, NAME);
    }

    /** The {@code ip link show PF} line of host {@code n}'s VF carrying {@code mac} (null when none does). */
    static String vfLine(int n, String mac) {
        String out = Lab.onHostOk(n, "/bin/sh", "-c", "for d in /sys/class/net/*; do [ \"$(cat $d/address)\" = "
                + "52:54:00:00:0" + n + ":03 ] && ip link show $(basename $d); done; true");
        return out.lines().filter(l -> l.trim().startsWith("vf ") && l.contains(mac)).findFirst().orElse(null);
    }

    @Test
    @Order(3)
    @Tag(Lab.EXTENDED) // slow (56-118 s on the lab): the test command stays under 45 minutes
    void vfVlanTrustAndMacFollowTheGuestThroughAMigration() throws Exception {
        Lab.removeGuest(2, VLAN_NAME);
        org.libvirt.Domain dom = running(VLAN_NAME,
                () -> Lab.startPlainGuest(1, VLAN_NAME, VLAN_GUEST_MAC, "192.0.2.72/24"));
        PciAddress vf = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree)
                .map(Inventory.Vf::address).findFirst().orElseThrow(() -> new AssertionError("no free VF on host 1"));
        // passthru on the host itself (qemu:///system): libvirt sets the VF's MAC and VLAN on the PF, passthru its
        // trust (libvirt applies trustGuestRxFilters to macvtap only; Nova sets "trust on" itself with ip link)
        String cli = Lab.CLI.toAbsolutePath().normalize().toString();
        GuestExecStatus local = Lab.onHost(1, Duration.ofMinutes(3), cli, "attach", VLAN_NAME, "--connect",
                "qemu:///system", "--vf", vf.toString(), "--mac", VLAN_VF_MAC, "--vlan", "42", "--trusted");
        System.out.println("attach on host 1 itself: " + local.stdout() + local.stderr());
        assertEquals(0, local.exitCode(), local.stdout() + local.stderr());
        assertTrue(local.stdout().contains("VF trust on (ip link set dev "), local.stdout());
        String trusted = vfLine(1, VLAN_VF_MAC);
        System.out.println("VF SETTINGS host 1, attached on the host (ip link show PF): " + trusted);
        assertTrue(trusted != null && trusted.contains("vlan 42") && trusted.contains("trust on"),
                "host 1 PF's VF: " + trusted);
        awaitGuestPci(dom, s -> s.contains("igbvf " + VLAN_VF_MAC), "the VF never showed in the guest");
        GuestExecStatus localDetach = Lab.onHost(1, Duration.ofMinutes(3), cli, "detach", VLAN_NAME, "--connect",
                "qemu:///system", "--vf", vf.toString());
        assertEquals(0, localDetach.exitCode(), localDetach.stdout() + localDetach.stderr());
        assertTrue(localDetach.stdout().contains("VF trust off (ip link set dev "), localDetach.stdout());
        String index = local.stdout().replaceAll("(?s).*ip link set dev \\S+ vf (\\d+) trust on.*", "$1");
        String released = Lab.onHostOk(1, "/bin/sh", "-c", "for d in /sys/class/net/*; do [ \"$(cat $d/address)\" = "
                + "52:54:00:00:01:03 ] && ip link show $(basename $d); done; true").lines()
                .filter(l -> l.trim().startsWith("vf " + index + " ")).findFirst().orElse("");
        System.out.println("VF SETTINGS host 1 after detach on the host: " + released);
        assertTrue(released.contains("trust off"), "detach sets the trust off again: " + released);

        // passthru elsewhere (this machine, qemu+tcp): the same settings in the XML, the trust command to run there
        Lab.CliResult a = Lab.cli("attach", VLAN_NAME, "--connect", Lab.uri(1), "--vf", vf.toString(), "--mac",
                VLAN_VF_MAC, "--vlan", "42", "--trusted");
        assertEquals(0, a.exit(), a.out() + a.err());
        assertTrue(a.out().contains("VF trust not set") && a.out().contains("trust on"), a.out());
        String src = vfLine(1, VLAN_VF_MAC);
        System.out.println("VF SETTINGS host 1 (ip link show PF): " + src);
        assertTrue(src != null && src.contains("vlan 42"), "host 1 PF's VF: " + src);
        assertTrue(Host.xml(dom, false).contains("trustGuestRxFilters='yes'"), "the VF interface is trusted in XML");
        awaitGuestPci(dom, s -> s.contains("igbvf " + VLAN_VF_MAC), "the VF never showed in the guest");

        Lab.CliResult m = Lab.cli("migrate", VLAN_NAME, "--connect", Lab.uri(1), "--to", Lab.uri(2), "--mode",
                "unplug-replug", "--migrate-uri", "tcp://" + Lab.migrationAddress(2), "--output", "json");
        assertEquals(0, m.exit(), m.out() + m.err());
        org.libvirt.Domain moved = Lab.host(2).domain(VLAN_NAME);
        String dst = vfLine(2, VLAN_VF_MAC);
        System.out.println("VF SETTINGS host 2 after the migration (ip link show PF): " + dst);
        assertTrue(dst != null && dst.contains("vlan 42"), "host 2 PF's VF: " + dst);
        assertTrue(Host.xml(moved, false).contains("trustGuestRxFilters='yes'"), "the destination VF is trusted in XML");
        assertEquals(null, vfLine(1, VLAN_VF_MAC), "host 1's VF gave the MAC back when it was released");
        awaitGuestPci(moved, s -> s.contains("igbvf " + VLAN_VF_MAC), "the destination VF never showed in the guest");
        Lab.removeGuest(2, VLAN_NAME);
    }
}
