package io.passthru.lab;

import io.passthru.manager.Saga;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of {@link OutageBenchmark} that need no lab: options, a report's steps, the live VF. */
class OutageBenchmarkTest {
    static final Path DEFAULT = Path.of("/tmp/default-bench");

    @Test
    void optionsDefaultToThreeRunsAndTheDefaultDirectory() {
        OutageBenchmark.Options o = OutageBenchmark.Options.parse(new String[0], () -> DEFAULT);
        assertEquals(3, o.runs());
        assertEquals(DEFAULT, o.out());
    }

    @Test
    void optionsTakeRunsAndOut() {
        OutageBenchmark.Options o = OutageBenchmark.Options.parse(new String[] {"--runs", "5", "--out", "/tmp/b"},
                () -> {
                    throw new AssertionError("the default is not asked for with --out");
                });
        assertEquals(5, o.runs());
        assertEquals(Path.of("/tmp/b"), o.out());
    }

    @Test
    void modesAreAllByDefaultOrThoseNamedInTheBenchmarksOrder() {
        assertEquals(List.of(OutageBenchmark.Case.values()),
                OutageBenchmark.Options.parse(new String[0], () -> DEFAULT).cases());
        assertEquals(List.of(OutageBenchmark.Case.BOND, OutageBenchmark.Case.HOTPLUG),
                OutageBenchmark.Options.parse(new String[] {"--mode", "hotplug", "--mode", "bond"}, () -> DEFAULT)
                        .cases());
        assertEquals(List.of(OutageBenchmark.Case.STATE), OutageBenchmark.Options.parse(
                new String[] {"--mode", "state (mtty mdev)"}, () -> DEFAULT).cases());
    }

    @Test
    void badOptionsAreRefusedWithTheUsage() {
        for (String[] args : List.of(new String[] {"--runs", "0"}, new String[] {"--runs", "x"},
                new String[] {"--runs"}, new String[] {"--fast"}, new String[] {"--mode", "teleport"},
                new String[] {"--mode"})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OutageBenchmark.Options.parse(args, () -> DEFAULT));
            assertTrue(e.getMessage().contains("usage: OutageBenchmark"), e.getMessage());
        }
    }

    @Test
    void bondStepsGivePrimitivesWithoutThePreChecks() {
        List<Saga.Step> steps = List.of(step("pre-checks", 900), step("switch bond to eth0", 40),
                step("unenslave VF eth1", 30), step("hot-unplug VF 0000:01:10.0", 1200),
                step("live migrate to qemu+tcp://127.0.0.1:16510/system", 8000),
                step("hot-plug VF on destination", 700), step("guest agent on destination", 20),
                step("find VF in guest", 1500), step("enslave VF eth1", 35), step("make eth1 active slave", 25));
        OutageReport.Run r = new OutageReport.Run("bond", 1);
        OutageBenchmark.recordSteps(steps, r);
        assertEquals(40 + 30 + 1200 + 8000 + 700 + 20 + 1500 + 35 + 25, r.primitivesMs);
        assertEquals(900, r.precheckMs);
        assertEquals(700, r.plugMs);
        assertEquals(1500, r.findMs);
        assertEquals(8000, r.migrateStepMs);
    }

    @Test
    void failoverPlugStepIsQemus() {
        List<Saga.Step> steps = List.of(step("pre-checks", 500), step("live migrate to x", 9000),
                step("VF on destination (plugged by QEMU)", 60));
        OutageReport.Run r = new OutageReport.Run("failover", 1);
        OutageBenchmark.recordSteps(steps, r);
        assertEquals(60, r.plugMs);
        assertNull(r.findMs, "no agent step: no find");
        assertEquals(9060, r.primitivesMs);
    }

    @Test
    void vfInterfaceIsTheHostdevInterfaceBySource() {
        String xml = "<domain type='kvm'><name>g</name><devices>"
                + "<interface type='bridge'><mac address='52:54:00:b0:00:01'/><source bridge='br0'/>"
                + "<model type='virtio'/></interface>"
                + "<interface type='hostdev' managed='yes'><mac address='52:54:00:b0:00:01'/>"
                + "<driver name='vfio'/><source><address type='pci' domain='0x0000' bus='0x01' slot='0x10' "
                + "function='0x2'/></source><alias name='hostdev0'/><address type='pci' domain='0x0000' "
                + "bus='0x07' slot='0x00' function='0x0'/></interface></devices></domain>";
        DomainInterface vf = OutageBenchmark.vfInterface(xml, null).orElseThrow();
        assertEquals(PciAddress.parse("0000:01:10.2"), vf.sourcePciAddress().orElseThrow());
        String again = XmlCodec.marshal(vf);
        // the raw cycle detaches and re-attaches this element as it is: guest address and alias kept
        assertTrue(again.contains("<interface") && again.contains("hostdev0") && again.contains("0x07"), again);
        assertEquals(vf.getAlias().getName(), OutageBenchmark.vfInterface(xml, PciAddress.parse("0000:01:10.2"))
                .orElseThrow().getAlias().getName());
        assertTrue(OutageBenchmark.vfInterface(xml, PciAddress.parse("0000:01:10.3")).isEmpty());
        assertTrue(OutageBenchmark.vfInterface("<domain type='kvm'><name>g</name></domain>", null).isEmpty());
    }

    @Test
    void errorsAreDescribedOnOneLine() {
        assertEquals("a b c", OutageBenchmark.describe(new IllegalStateException("a\n  b\r\nc")));
        assertEquals("NullPointerException", OutageBenchmark.describe(new NullPointerException()));
    }

    private static Saga.Step step(String name, long ms) {
        return Saga.Step.ok(name, 0, ms, false);
    }
}
