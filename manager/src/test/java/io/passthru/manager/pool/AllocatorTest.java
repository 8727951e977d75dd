package io.passthru.manager.pool;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.passthru.manager.pool.Allocator.GroupPolicy.ISOLATE;
import static io.passthru.manager.pool.Allocator.GroupPolicy.NONE;
import static io.passthru.manager.pool.Fixtures.a;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocatorTest {
    private static final DeviceSpec SPEC = DeviceSpec.parse("{\"vendor_id\": \"8086\"}").get(0);

    /** VF {@code addr} of PF {@code pf}. */
    private static Candidate vf(String addr, String pf, Integer numa, boolean free) {
        return new Candidate(a(addr), DeviceType.VF, a(pf), "0x8086", "0x10ca", "vfio-pci", numa, 1,
                free ? null : "other", free, SPEC);
    }

    private static Allocator.Request req(NumaPolicy policy, int count, Allocator.GroupPolicy group) {
        return new Allocator.Request("nic", count, group, policy);
    }

    private static List<String> names(List<Candidate> cs) {
        return cs.stream().map(c -> c.address().toString()).toList();
    }

    private static String fail(Allocator.Request r, List<Candidate> cs, Set<Integer> guest) {
        return assertThrows(NoFreeDeviceException.class, () -> Allocator.choose(r, cs, guest, Map.of())).getMessage();
    }

    // node 0: 0a:10.0 (free), 0a:10.1 (used); node 1: 0b:10.0, 0b:10.1 (free); no info: 0c:10.0
    private static final List<Candidate> MIXED = List.of(
            vf("0000:0a:10.0", "0000:0a:00.0", 0, true),
            vf("0000:0a:10.1", "0000:0a:00.0", 0, false),
            vf("0000:0b:10.0", "0000:0b:00.0", 1, true),
            vf("0000:0b:10.1", "0000:0b:00.0", 1, true),
            vf("0000:0c:10.0", "0000:0c:00.0", null, true));

    @Test
    void requiredKeepsOnlyDevicesOnTheGuestsNodes() {
        List<Candidate> got = Allocator.choose(req(NumaPolicy.REQUIRED, 1, NONE), MIXED, Set.of(1), Map.of());
        assertEquals(List.of("0000:0b:10.0", "0000:0b:10.1"), names(got));
        String msg = fail(req(NumaPolicy.REQUIRED, 3, NONE), MIXED, Set.of(1));
        assertTrue(msg.startsWith("no free device for alias nic: 5 candidate(s) allowed by device_spec, 1 in use, "
                + "4 free; numa_policy required refused 2 (on host NUMA node(s) [0], guest on [1]; 1 without NUMA "
                + "information); 3 requested"), msg);
    }

    @Test
    void legacyAllowsDevicesWithoutNumaInfoAfterLocalOnes() {
        List<Candidate> got = Allocator.choose(req(NumaPolicy.LEGACY, 1, NONE), MIXED, Set.of(1), Map.of());
        assertEquals(List.of("0000:0b:10.0", "0000:0b:10.1", "0000:0c:10.0"), names(got));
        String msg = fail(req(NumaPolicy.LEGACY, 4, NONE), MIXED, Set.of(1));
        assertTrue(msg.contains("numa_policy legacy refused 1 (on host NUMA node(s) [0], guest on [1])"), msg);
    }

    @Test
    void preferredFallsBackToAnyNode() {
        List<Candidate> got = Allocator.choose(req(NumaPolicy.PREFERRED, 4, NONE), MIXED, Set.of(0), Map.of());
        assertEquals(List.of("0000:0a:10.0", "0000:0c:10.0", "0000:0b:10.0", "0000:0b:10.1"), names(got),
                "local, then no info, then remote");
    }

    @Test
    void socketPolicyUsesTheHostSocketMap() {
        // nodes 0 and 1 on socket 0, node 2 on socket 1
        List<Candidate> cs = List.of(
                vf("0000:0a:10.0", "0000:0a:00.0", 1, true),
                vf("0000:0b:10.0", "0000:0b:00.0", 2, true),
                vf("0000:0c:10.0", "0000:0c:00.0", null, true),
                vf("0000:0d:10.0", "0000:0d:00.0", 0, true));
        Map<Integer, Integer> sockets = Map.of(0, 0, 1, 0, 2, 1);
        List<Candidate> got = Allocator.choose(req(NumaPolicy.SOCKET, 1, NONE), cs, Set.of(0), sockets);
        assertEquals(List.of("0000:0d:10.0", "0000:0a:10.0"), names(got), "same node first, then same socket");
        String msg = assertThrows(NoFreeDeviceException.class,
                () -> Allocator.choose(req(NumaPolicy.SOCKET, 3, NONE), cs, Set.of(0), sockets)).getMessage();
        assertTrue(msg.contains("refused 2 (on host NUMA node(s) [2] of other sockets than the guest's [0], guest on "
                + "[0]; 1 without NUMA information)"), msg);
        String noMap = assertThrows(InvalidRequestException.class,
                () -> Allocator.choose(req(NumaPolicy.SOCKET, 1, NONE), cs, Set.of(0), Map.of())).getMessage();
        assertTrue(noMap.contains("needs the host socket of every guest NUMA node"), noMap);
    }

    @Test
    void guestWithoutNumaPlacementTakesAnyFreeDevice() {
        List<Candidate> got = Allocator.choose(req(NumaPolicy.REQUIRED, 4, NONE), MIXED, Set.of(), Map.of());
        assertEquals(4, got.size());
        assertTrue(got.stream().allMatch(Candidate::free));
    }

    @Test
    void nonePacksOntoTheMostUsedPf() {
        List<Candidate> cs = List.of(
                vf("0000:0a:10.0", "0000:0a:00.0", 0, true),
                vf("0000:0a:10.1", "0000:0a:00.0", 0, true),
                vf("0000:0b:10.0", "0000:0b:00.0", 0, false),
                vf("0000:0b:10.1", "0000:0b:00.0", 0, true),
                vf("0000:0b:10.2", "0000:0b:00.0", 0, true));
        List<Candidate> got = Allocator.choose(req(NumaPolicy.LEGACY, 2, NONE), cs, Set.of(0), Map.of());
        assertEquals(List.of("0000:0b:10.1", "0000:0b:10.2", "0000:0a:10.0", "0000:0a:10.1"), names(got));
        assertEquals(List.of("0000:0b:10.1", "0000:0b:10.2"),
                names(Allocator.select(req(NumaPolicy.LEGACY, 2, NONE), got, Set.of())));
    }

    @Test
    void isolateInterleavesPfs() {
        List<Candidate> cs = List.of(
                vf("0000:0a:10.0", "0000:0a:00.0", 0, true),
                vf("0000:0a:10.1", "0000:0a:00.0", 0, true),
                vf("0000:0b:10.0", "0000:0b:00.0", 0, true),
                vf("0000:0b:10.1", "0000:0b:00.0", 0, true));
        Allocator.Request r = req(NumaPolicy.LEGACY, 2, ISOLATE);
        List<Candidate> got = Allocator.choose(r, cs, Set.of(0), Map.of());
        assertEquals(List.of("0000:0a:10.0", "0000:0b:10.0", "0000:0a:10.1", "0000:0b:10.1"), names(got));
        assertEquals(List.of("0000:0a:10.0", "0000:0b:10.0"), names(Allocator.select(r, got, Set.of())));
        // 0a:10.0 turned out to be in use: the next pick keeps one device per PF
        assertEquals(List.of("0000:0b:10.0", "0000:0a:10.1"),
                names(Allocator.select(r, got, Set.of(a("0000:0a:10.0")))));
        String msg = assertThrows(NoFreeDeviceException.class, () -> Allocator.select(r, got,
                Set.of(a("0000:0a:10.0"), a("0000:0a:10.1")))).getMessage();
        assertTrue(msg.contains("2 requested, 1 left") && msg.contains("isolate: one per PF, 1 PF(s) left"), msg);
    }

    @Test
    void isolateFailsWhenFreeDevicesShareOnePf() {
        List<Candidate> cs = List.of(
                vf("0000:0a:10.0", "0000:0a:00.0", 0, true),
                vf("0000:0a:10.1", "0000:0a:00.0", 0, true),
                vf("0000:0b:10.0", "0000:0b:00.0", 0, false));
        String msg = fail(req(NumaPolicy.LEGACY, 2, ISOLATE), cs, Set.of(0));
        assertEquals("no free device for alias nic: group policy isolate needs 2 devices on different PFs but the 2 "
                + "acceptable device(s) are on 1 PF(s) [0000:0a:00.0]", msg);
    }

    @Test
    void allUsedSaysSo() {
        List<Candidate> cs = List.of(vf("0000:0a:10.0", "0000:0a:00.0", 0, false));
        assertEquals("no free device for alias nic: 1 candidate(s) allowed by device_spec, 1 in use, 0 free; "
                + "1 requested", fail(req(NumaPolicy.LEGACY, 1, NONE), cs, Set.of(0)));
        assertEquals("no free device for alias nic: 0 candidate(s) allowed by device_spec, 0 in use, 0 free; "
                + "1 requested", fail(req(NumaPolicy.LEGACY, 1, NONE), List.of(), Set.of(0)));
    }

    @Test
    void orderIsDeterministicWhateverTheInputOrder() {
        List<Candidate> cs = new ArrayList<>();
        for (int pf = 0; pf < 4; pf++) {
            for (int f = 0; f < 6; f++) {
                cs.add(vf(String.format("0000:%02x:10.%d", pf + 1, f), String.format("0000:%02x:00.0", pf + 1),
                        pf % 2, (pf + f) % 3 != 0));
            }
        }
        for (Allocator.GroupPolicy g : Allocator.GroupPolicy.values()) {
            Allocator.Request r = req(NumaPolicy.PREFERRED, 2, g);
            List<Candidate> expected = Allocator.choose(r, cs, Set.of(1), Map.of());
            Random rnd = new Random(42);
            for (int i = 0; i < 20; i++) {
                List<Candidate> shuffled = new ArrayList<>(cs);
                Collections.shuffle(shuffled, rnd);
                assertEquals(expected, Allocator.choose(r, shuffled, Set.of(1), Map.of()));
            }
        }
    }

    @Test
    void requestValidatesCountAndTakesTheAliasPolicy() {
        assertThrows(InvalidRequestException.class, () -> req(NumaPolicy.LEGACY, 0, NONE));
        PciAlias alias = new PciAlias("fast", "8086", null, DeviceType.VF, NumaPolicy.REQUIRED);
        Allocator.Request r = Allocator.Request.of(alias, 2, ISOLATE);
        assertEquals(new Allocator.Request("fast", 2, ISOLATE, NumaPolicy.REQUIRED), r);
    }

    @Test
    void negativeNumaNodeMeansNoInformation() {
        Candidate c = vf("0000:0a:10.0", "0000:0a:00.0", -1, true);
        assertEquals(null, c.numaNode());
        assertTrue(fail(req(NumaPolicy.REQUIRED, 1, NONE), List.of(c), Set.of(0)).contains("1 without NUMA"));
        PciAddress addr = Allocator.choose(req(NumaPolicy.LEGACY, 1, NONE), List.of(c), Set.of(0), Map.of()).get(0)
                .address();
        assertEquals(a("0000:0a:10.0"), addr);
    }
}
