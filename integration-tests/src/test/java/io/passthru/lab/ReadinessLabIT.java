package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Host readiness on real nested hosts: host 3 boots without a vIOMMU, and host 1's PF link is taken down. check-host
 * fails each with the right remedy before any VM gets a VF, and attach refuses with the same words instead of
 * libvirt's late error, changing nothing.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessLabIT {
    static final int NO_IOMMU_HOST = 3;
    static final String NAME = "it-ready";

    /**
     * The guests of host 3 and host 1 boot at once. Host 3 serves this class alone: run-tests.sh boots it with the
     * others, {@link #cleanup} stops it (an idle TCG host still costs the machine CPU), and a rerun boots it again.
     */
    @BeforeAll
    void bootBothGuests() throws Exception {
        if (!LabHealth.startedHosts().contains(NO_IOMMU_HOST)) {
            lab("up", "--host", Integer.toString(NO_IOMMU_HOST), "--no-viommu");
        }
        Lab.startAll(Lab.defineGuest(NO_IOMMU_HOST, NAME, "52:54:00:a1:00:50", "192.0.2.50/24"),
                Lab.defineGuest(1, NAME, "52:54:00:a1:00:51", "192.0.2.51/24"));
    }

    /** The guest on host {@code n} (booted by {@link #bootBothGuests}, or now when a failed test stopped it). */
    private static org.libvirt.Domain guest(int n, String mac, String cidr) throws Exception {
        if (Lab.exists(n, NAME) && Host.isActive(Lab.host(n).domain(NAME))) {
            return Lab.host(n).domain(NAME);
        }
        return Lab.startGuest(n, NAME, mac, cidr);
    }

    @AfterAll
    void cleanup() throws Exception {
        Lab.removeGuest(NO_IOMMU_HOST, NAME);
        Lab.removeGuest(1, NAME);
        lab("down", "--host", Integer.toString(NO_IOMMU_HOST));
    }

    static void lab(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Lab.checkoutRoot().resolve("integration-tests/lab/lab.sh")
                .toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertEquals(0, p.waitFor(), "lab.sh " + String.join(" ", args));
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }

    @Test
    void hostWithoutIommuFailsCheckAndAttachWithTheRemedy() throws Exception {
        Lab.CliResult r = Lab.cli("check-host", "--connect", Lab.uri(NO_IOMMU_HOST), "--output", "json");
        assertEquals(1, r.exit(), "check-host exits non-zero when a check fails");
        JsonNode iommu = check(r.json(), "iommu");
        assertEquals("FAIL", iommu.get("status").asText());
        assertTrue(iommu.get("remedy").asText().contains("intel_iommu=on"), iommu.toString());
        assertEquals("FAIL", check(r.json(), "vfio").get("status").asText());
        assertEquals("PASS", check(r.json(), "sriov").get("status").asText(), "VFs exist even without an IOMMU");

        org.libvirt.Domain dom = guest(NO_IOMMU_HOST, "52:54:00:a1:00:50", "192.0.2.50/24");
        String before = Host.xml(dom, false);
        String vf = Inventory.scan(Lab.host(NO_IOMMU_HOST)).vfs().get(0).address().toString();
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(NO_IOMMU_HOST), "--vf", vf);
        assertEquals(io.passthru.manager.cli.PassthruCli.EXIT_HOST_NOT_READY, a.exit(), "host not ready");
        assertTrue(a.err().contains("cannot pass VF " + vf + " through") && a.err().contains(iommu.get("remedy").asText()),
                a.err());
        assertEquals(before, Host.xml(dom, false), "nothing was attached");
    }

    /** check-host run ON the nested hosts (local URI): sysfs/procfs checks next to libvirt's. */
    @Test
    void localCheckHostReadsSysfsOnTheHost() throws Exception {
        String cli = Lab.CLI.toAbsolutePath().normalize().toString();
        // both hosts run their JVM at once (each costs ~30 s of TCG time, on CPUs of its own)
        java.util.concurrent.CompletableFuture<io.passthru.agent.GuestExecStatus> onNoIommuHost =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return Lab.onHost(NO_IOMMU_HOST, Duration.ofMinutes(3), cli, "check-host", "--output", "json");
                    } catch (io.passthru.agent.GuestCommandFailedException expected) {
                        return new io.passthru.agent.GuestExecStatus(true, expected.exitCode(), null,
                                expected.stdout(), expected.stderr(), false, false);
                    }
                });
        JsonNode good = Lab.JSON.readTree(Lab.onHost(1, Duration.ofMinutes(3), cli, "check-host", "--output", "json")
                .stdout());
        assertTrue(good.get("ok").asBoolean(), good.toString());
        assertEquals("PASS", check(good, "cpu-virtualization").get("status").asText(), "svm seen in /proc/cpuinfo");
        assertEquals("PASS", check(good, "kvm").get("status").asText());
        assertEquals("PASS", check(good, "interrupt-remapping").get("status").asText(), "IR- chips with intremap=on");

        io.passthru.agent.GuestExecStatus st = onNoIommuHost.join();
        assertEquals(1, st.exitCode(), "exit status 1 when a check fails: " + st.stdout());
        JsonNode bad = Lab.JSON.readTree(st.stdout());
        assertEquals("FAIL", check(bad, "iommu").get("status").asText());
        assertTrue(check(bad, "iommu").get("remedy").asText().contains("intel_iommu=on"));
        assertTrue(!"PASS".equals(check(bad, "interrupt-remapping").get("status").asText()),
                "no interrupt remapping without an IOMMU");
    }

    @Test
    void pfLinkDownFailsCheckAndAttachWithTheRemedy() throws Exception {
        Inventory.Pf pf = Inventory.scan(Lab.host(1)).pfs().get(0);
        org.libvirt.Domain dom = guest(1, "52:54:00:a1:00:51", "192.0.2.51/24");
        Lab.onHost(1, Duration.ofSeconds(10), "/sbin/ip", "link", "set", pf.netInterface(), "down");
        try {
            Lab.CliResult r = Lab.cli("check-host", "--connect", Lab.uri(1), "--output", "json");
            assertEquals(1, r.exit());
            JsonNode link = check(r.json(), "pf-link " + pf.netInterface());
            assertEquals("FAIL", link.get("status").asText());
            assertTrue(link.get("remedy").asText().startsWith("ip link set " + pf.netInterface() + " up"), link.toString());

            String vf = pf.vfs().stream().filter(Inventory.Vf::isFree).findFirst().orElseThrow().address().toString();
            String before = Host.xml(dom, false);
            Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(1), "--vf", vf);
            assertEquals(io.passthru.manager.cli.PassthruCli.EXIT_HOST_NOT_READY, a.exit(), "host not ready");
            assertTrue(a.err().contains(link.get("remedy").asText()), a.err());
            assertFalse(a.err().contains("Unable to configure VF"), "passthru answers before libvirt's late error");
            assertEquals(before, Host.xml(dom, false), "nothing was attached");
        } finally {
            Lab.onHost(1, Duration.ofSeconds(10), "/sbin/ip", "link", "set", pf.netInterface(), "up");
        }
        Lab.sleep(3000); // igb link negotiation
        assertEquals(0, Lab.cli("check-host", "--connect", Lab.uri(1)).exit(), "ready again with the link up");
    }
}
