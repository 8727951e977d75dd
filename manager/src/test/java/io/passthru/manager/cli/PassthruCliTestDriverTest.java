package io.passthru.manager.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passthru.manager.TestDriver;
import io.passthru.xml.RelaxNg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI in-process against libvirt's test driver (sriov-host.xml): list-devices, check-host, define. */
class PassthruCliTestDriverTest {

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private static String line(CliRun r, String address) {
        return r.out().lines().filter(l -> l.startsWith(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not listed: " + r.out()));
    }

    @Test
    void evacuatingAHostWithNothingRunningIsNoError() throws Exception {
        // sriov-host.xml defines no domain: nothing to migrate, and the destination is never needed
        CliRun r = run("evacuate", "--from", TestDriver.sriovHost(), "--to", "test:///default");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("nothing was running on " + TestDriver.sriovHost()), r.out());
        CliRun json = run("evacuate", "--from", TestDriver.sriovHost(), "--to", "test:///default", "-o", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals(0, j.get("guests").size(), j.toString());
        assertEquals(0, j.get("failed").asInt());
        assertEquals(1, j.get("parallel").asInt());
        assertTrue(j.has("makespanMs"), j.toString());
    }

    @Test
    void evacuateWritesItsMetricsFileEvenWithNothingToMigrate(@TempDir Path dir) throws Exception {
        Path prom = dir.resolve("passthru.prom");
        Files.writeString(prom, "passthru_migration_success{domain=\"old\"} 1\n");
        CliRun r = run("evacuate", "--from", TestDriver.sriovHost(), "--to", "test:///default", "--metrics-file",
                prom.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", Files.readString(prom), "no guest, no series: the last run's are gone");
        try (java.util.stream.Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of(prom), all.toList(), "no temporary file left");
        }
    }

    @Test
    void aRefusedMigrationWritesSuccessZeroAndTheStep(@TempDir Path dir) throws Exception {
        Path prom = dir.resolve("passthru.prom");
        CliRun r = run("migrate", "no-such-guest", "-c", TestDriver.sriovHost(), "--to", "test:///default",
                "--metrics-file", prom.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> samples = Files.readString(prom).lines().filter(l -> !l.startsWith("#")).toList();
        // the writer sorts the labels by name
        String labels = "{destination=\"test:///default\",domain=\"no-such-guest\",mode=\"\",";
        String source = "source=\"" + TestDriver.sriovHost() + "\"";
        assertTrue(samples.contains("passthru_migration_success" + labels + source + "} 0.0"), samples.toString());
        assertTrue(samples.contains("passthru_migration_failure_info" + labels + "outcome=\"refused\"," + source
                + ",step=\"pre-checks\"} 1"), samples.toString());
        assertEquals(4, samples.size(), "success, failure info, duration, timestamp: " + samples);
    }

    @Test
    void listDevicesShowsPfVfsAndThePlainPciDevice(@TempDir Path dir) throws Exception {
        Path pool = dir.resolve("pool.json");
        Files.writeString(pool, "{\"device_spec\": [{\"vendor_id\": \"8086\", \"product_id\": \"10d3\"}]}");
        CliRun r = run("list-devices", "-c", TestDriver.sriovHost(), "--pool", pool.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(line(r, "0000:03:00.0").contains("type-PF"), r.out());
        assertTrue(line(r, "0000:03:10.0").contains("type-VF"), r.out());
        assertTrue(line(r, "0000:03:10.2").contains("0000:03:00.0"), "a VF names its PF: " + r.out());
        String nic = line(r, "0000:04:00.0");
        assertTrue(nic.contains("type-PCI") && nic.contains("8086:10d3") && nic.contains("20"), nic);
        assertTrue(nic.endsWith("device_spec[0]"), "allowed by the pool: " + nic);
        assertTrue(line(r, "0000:03:10.0").endsWith("-"), "not allowed: " + r.out());
        assertFalse(r.out().contains("0000:00:02.0"), "bridges are not listed: " + r.out());

        CliRun json = run("list-devices", "-c", TestDriver.sriovHost(), "--pool", dir.resolve("none.json").toString(),
                "-o", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode rows = new ObjectMapper().readTree(json.out());
        List<String> kinds = new ArrayList<>();
        rows.forEach(n -> kinds.add(n.get("address").asText() + " " + n.get("kind").asText()));
        assertEquals(List.of("0000:03:00.0 type-PF", "0000:03:10.0 type-VF", "0000:03:10.2 type-VF",
                "0000:03:10.4 type-VF", "0000:03:10.6 type-VF", "0000:04:00.0 type-PCI"), kinds);
        assertEquals(20, rows.get(5).get("iommuGroup").asInt());
        assertTrue(rows.get(5).get("allowedBy").isNull(), "no pool file: nothing allowed shown");

        CliRun vfs = run("list-vfs", "-c", TestDriver.sriovHost());
        assertEquals(0, vfs.exit(), vfs.err());
        assertTrue(vfs.out().contains("0000:03:10.6"), "list-vfs still lists the VFs: " + vfs.out());
    }

    @Test
    void checkHostRunsTheLibvirtSideChecks() {
        CliRun r = run("check-host", "-c", TestDriver.sriovHost());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*PASS +iommu .*"), r.out());
        assertTrue(r.out().matches("(?s).*PASS +sriov +1 PF\\(s\\) with 4 VF\\(s\\).*"), r.out());
        assertTrue(r.out().matches("(?s).*PASS +pf-link enp3s0 .*"), r.out());
        assertTrue(r.out().matches("(?s).*WARN +vfio .*test driver.*"), r.out());
        assertTrue(r.out().matches("(?s).*WARN +local .*mock host.*"), "no sysfs checks of this machine: " + r.out());
    }

    @Test
    void defineDryRunPrintsValidXml() {
        CliRun r = run("define", "vm-cli", "-c", TestDriver.sriovHost(), "--memory", "768", "--vcpus", "2",
                "--disk", "/img/vm.qcow2", "--bridge", "br0", "--mac", "52:54:00:0c:01:01", "--vf", "0000:03:10.0",
                "--vf-mac", "52:54:00:0c:01:02", "--vlan", "7", "--trusted", "--pci", "0000:04:00.0",
                "--viommu", "intel", "--hotplug-ports", "3", "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), RelaxNg.errors("domain.rng", r.out()), r.out());
        assertTrue(r.out().contains("<tag id=\"7\"/>"), r.out());
        assertTrue(r.out().contains("trustGuestRxFilters=\"yes\""), r.out());
        assertTrue(r.out().contains("<hostdev mode=\"subsystem\" type=\"pci\" managed=\"yes\">"), r.out());
        assertTrue(r.out().contains("<memory unit=\"KiB\">786432</memory>"), r.out());

        assertTrue(r.out().contains("org.qemu.guest_agent.0"), "the agent channel by default: " + r.out());
        CliRun noAgent = run("define", "vm-cli", "-c", TestDriver.sriovHost(), "--no-guest-agent", "--dry-run");
        assertEquals(0, noAgent.exit(), noAgent.err());
        assertFalse(noAgent.out().contains("guest_agent"), noAgent.out());
        assertEquals(List.of(), RelaxNg.errors("domain.rng", noAgent.out()), noAgent.out());

        CliRun real = run("define", "vm-cli", "-c", TestDriver.sriovHost(), "--pci", "0000:04:00.0");
        assertEquals(0, real.exit(), real.err());
        assertTrue(real.out().startsWith("defined vm-cli ("), real.out());
        assertTrue(real.out().contains("PCI device 0000:04:00.0"), real.out());
    }

    @Test
    void defineFailoverAndPcihole64() {
        // the lab's guests: a failover-ready virtio NIC (define --failover) and every BAR below 4 GiB
        CliRun r = run("define", "fo-cli", "-c", TestDriver.sriovHost(), "--memory", "128", "--kernel", "/k",
                "--bridge", "br0", "--failover", "--pcihole64", "0", "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), RelaxNg.errors("domain.rng", r.out()), r.out());
        assertTrue(r.out().contains("<teaming type=\"persistent\"/>"), r.out());
        assertTrue(r.out().contains("<alias name=\"ua-failover0\"/>"), r.out());
        assertTrue(r.out().contains("<pcihole64 unit=\"KiB\">0</pcihole64>"), r.out());
        CliRun named = run("define", "fo-cli", "-c", TestDriver.sriovHost(), "--bridge", "br0", "--failover=ua-net1",
                "--dry-run");
        assertEquals(0, named.exit(), named.err());
        assertTrue(named.out().contains("<alias name=\"ua-net1\"/>"), named.out());
        CliRun noNic = run("define", "fo-cli", "-c", TestDriver.sriovHost(), "--failover", "--dry-run");
        assertEquals(2, noNic.exit(), noNic.out());
        assertTrue(noNic.err().contains("--bridge or --network"), noNic.err());
    }

    @Test
    void defineRefusalsAndUsageErrors() {
        CliRun pf = run("define", "x", "-c", TestDriver.sriovHost(), "--pci", "0000:03:00.0", "--vf", "0000:03:10.2",
                "--dry-run");
        assertEquals(PassthruCli.EXIT_FAILED, pf.exit());
        assertTrue(pf.err().startsWith("error: cannot give VF 0000:03:10.2, PF 0000:03:00.0"), pf.err());
        assertEquals("", pf.out());

        assertEquals(PassthruCli.EXIT_USAGE, run("define", "x", "--vlan", "5000", "--vf", "0000:03:10.2").exit());
        assertEquals(PassthruCli.EXIT_USAGE, run("define", "x", "--trusted").exit());
        CliRun initrd = run("define", "x", "--initrd", "/boot/initrd.img");
        assertEquals(PassthruCli.EXIT_USAGE, initrd.exit(), initrd.err());
        assertTrue(initrd.err().contains("--kernel"), initrd.err());
        assertEquals(PassthruCli.EXIT_USAGE, run("attach", "g", "--pci", "0000:04:00.0", "--vlan", "3").exit());
        assertEquals(PassthruCli.EXIT_USAGE, run("attach", "g", "--pci", "0000:04:00.0", "--vf", "0000:03:10.0")
                .exit());
        assertEquals(PassthruCli.EXIT_USAGE, run("detach", "g").exit());
    }
}
