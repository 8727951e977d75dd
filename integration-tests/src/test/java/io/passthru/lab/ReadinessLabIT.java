package io.passthru.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

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

    @AfterAll
    void cleanup() {
        Lab.removeGuest(NO_IOMMU_HOST, NAME);
        Lab.removeGuest(1, NAME);
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

        org.libvirt.Domain dom = Lab.startGuest(NO_IOMMU_HOST, NAME, "52:54:00:a1:00:50", "192.0.2.50/24");
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
        JsonNode good = Lab.JSON.readTree(Lab.onHost(1, Duration.ofMinutes(3), cli, "check-host", "--output", "json")
                .stdout());
        assertTrue(good.get("ok").asBoolean(), good.toString());
        assertEquals("PASS", check(good, "cpu-virtualization").get("status").asText(), "svm seen in /proc/cpuinfo");
        assertEquals("PASS", check(good, "kvm").get("status").asText());
        assertEquals("PASS", check(good, "interrupt-remapping").get("status").asText(), "IR- chips with intremap=on");

        io.passthru.agent.GuestExecStatus st;
        try {
            st = Lab.onHost(NO_IOMMU_HOST, Duration.ofMinutes(3), cli, "check-host", "--output", "json");
            throw new AssertionError("check-host passed on a host without IOMMU: " + st.stdout());
        } catch (io.passthru.agent.GuestCommandFailedException e) {
            assertEquals(1, e.exitCode(), "exit status 1 when a check fails");
            JsonNode bad = Lab.JSON.readTree(e.stdout());
            assertEquals("FAIL", check(bad, "iommu").get("status").asText());
            assertTrue(check(bad, "iommu").get("remedy").asText().contains("intel_iommu=on"));
            assertTrue(!"PASS".equals(check(bad, "interrupt-remapping").get("status").asText()),
                    "no interrupt remapping without an IOMMU");
        }
    }

    @Test
    void pfLinkDownFailsCheckAndAttachWithTheRemedy() throws Exception {
        Inventory.Pf pf = Inventory.scan(Lab.host(1)).pfs().get(0);
        org.libvirt.Domain dom = Lab.startGuest(1, NAME, "52:54:00:a1:00:51", "192.0.2.51/24");
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
