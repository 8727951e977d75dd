package io.passthru.lab;

import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Race-free allocation: 20 passthru processes attach by alias at once to two guests on a host with 7 free VFs.
 * libvirt is the arbiter: exactly 7 succeed, 13 get "no free device for alias", no VF is given twice.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaceLabIT {
    static final int HOST = 2;
    static final String POOL = """
            {"device_spec": [{"vendor_id": "8086", "product_id": "10ca", "physical_network": "labnet"}],
             "alias": [{"name": "lab-vf", "vendor_id": "8086", "product_id": "10ca", "device_type": "type-VF",
                        "numa_policy": "legacy"}]}
            """;

    @AfterAll
    void cleanup() {
        Lab.removeGuest(HOST, "it-race-a");
        Lab.removeGuest(HOST, "it-race-b");
        Lab.removeGuest(HOST, "it-cfg-a");
        Lab.removeGuest(HOST, "it-cfg-b");
    }

    /**
     * In the extended tier: seven VFs hot-plugged within seconds into two running guests of one lab host panicked that
     * host's 6.12 kernel ("corrupted stack end detected inside scheduler" in a KVM vCPU thread) on CI (stop 31) and
     * again on 2026-12-07 under -cpu max,la57=off; the main tier keeps the race of the same allocations on defined
     * guests ({@link #concurrentConfigOnlyAttachesNeverShareAVf}), which plugs nothing into a running guest.
     */
    @Test
    @Tag(Lab.EXTENDED)
    void twentyConcurrentAttachesForSevenVfs() throws Exception {
        Lab.removeGuest(HOST, "it-migrate"); // a guest migrated here by another test class would hold a VF
        Path pool = Files.createTempFile("passthru-pool", ".json");
        Files.writeString(pool, POOL);
        org.libvirt.Domain a = Lab.defineGuest(HOST, "it-race-a", "52:54:00:a1:00:60", "192.0.2.60/24");
        org.libvirt.Domain b = Lab.defineGuest(HOST, "it-race-b", "52:54:00:a1:00:61", "192.0.2.61/24");
        Lab.startAll(a, b);
        List<Inventory.Vf> vfs = Inventory.scan(Lab.host(HOST)).vfs();
        assertEquals(7, vfs.size());
        assertTrue(vfs.stream().allMatch(Inventory.Vf::isFree), "all 7 VFs free before the race: " + vfs);

        ExecutorService pool20 = Executors.newFixedThreadPool(20);
        List<Future<Lab.CliResult>> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            String guest = i % 2 == 0 ? "it-race-a" : "it-race-b";
            runs.add(pool20.submit(() -> Lab.cli("attach", guest, "--connect", Lab.uri(HOST), "--alias", "lab-vf",
                    "--pool", pool.toString(), "--output", "json")));
        }
        int ok = 0;
        int noFree = 0;
        for (Future<Lab.CliResult> f : runs) {
            Lab.CliResult r = f.get();
            if (r.exit() == 0) {
                ok++;
            } else if (r.err().contains("no free device for alias lab-vf")) {
                noFree++;
            } else {
                throw new AssertionError("unexpected failure: " + r.err());
            }
        }
        pool20.shutdown();
        System.out.printf("RACE: 20 concurrent attaches, %d succeeded, %d got 'no free device', %d ms%n", ok, noFree,
                (System.nanoTime() - t0) / 1_000_000);
        assertEquals(7, ok);
        assertEquals(13, noFree);

        Set<PciAddress> given = new HashSet<>();
        int attached = 0;
        for (org.libvirt.Domain d : List.of(a, b)) {
            Domain live = XmlCodec.unmarshal(Host.xml(d, false), Domain.class);
            for (DomainInterface i : live.devices().interfaces()) {
                if (i.isHostdev()) {
                    attached++;
                    given.add(i.sourcePciAddress().orElseThrow());
                }
            }
        }
        assertEquals(7, attached, "7 VFs attached in all");
        assertEquals(7, given.size(), "no VF given twice");
        assertTrue(Inventory.scan(Lab.host(HOST)).vfs().stream().noneMatch(Inventory.Vf::isFree));
    }

    /**
     * Config-only attaches (inactive domains) are not arbitrated by libvirt, which opens no device for them:
     * passthru serializes them per host and re-checks every definition afterwards. 10 concurrent attaches to two
     * defined guests for 7 VFs: 7 succeed, 3 get "no free device", and no VF is in two definitions.
     */
    @Test
    void concurrentConfigOnlyAttachesNeverShareAVf() throws Exception {
        cleanup();
        Path pool = Files.createTempFile("passthru-pool", ".json");
        Files.writeString(pool, POOL);
        org.libvirt.Domain a = Lab.defineGuest(HOST, "it-cfg-a", "52:54:00:a1:00:62", "192.0.2.62/24");
        org.libvirt.Domain b = Lab.defineGuest(HOST, "it-cfg-b", "52:54:00:a1:00:63", "192.0.2.63/24");
        assertTrue(Inventory.scan(Lab.host(HOST)).vfs().stream().allMatch(Inventory.Vf::isFree));
        ExecutorService exec = Executors.newFixedThreadPool(10);
        List<Future<Lab.CliResult>> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            String guest = i % 2 == 0 ? "it-cfg-a" : "it-cfg-b";
            runs.add(exec.submit(() -> Lab.cli("attach", guest, "--connect", Lab.uri(HOST), "--alias", "lab-vf",
                    "--pool", pool.toString())));
        }
        int ok = 0;
        int noFree = 0;
        for (Future<Lab.CliResult> f : runs) {
            Lab.CliResult r = f.get();
            if (r.exit() == 0) {
                ok++;
            } else if (r.err().contains("no free device for alias lab-vf")) {
                noFree++;
            } else {
                throw new AssertionError("unexpected failure: " + r.err());
            }
        }
        exec.shutdown();
        System.out.printf("CONFIG RACE: 10 concurrent config-only attaches, %d succeeded, %d got 'no free device', "
                + "%d ms%n", ok, noFree, (System.nanoTime() - t0) / 1_000_000);
        Set<PciAddress> given = new HashSet<>();
        int attached = 0;
        for (org.libvirt.Domain d : List.of(a, b)) {
            Domain def = XmlCodec.unmarshal(Host.xml(d, true), Domain.class);
            for (DomainInterface i : def.devices().interfaces()) {
                if (i.isHostdev()) {
                    attached++;
                    given.add(i.sourcePciAddress().orElseThrow());
                }
            }
        }
        assertEquals(ok, attached, "each success is one VF in a definition");
        assertEquals(attached, given.size(), "no VF in two definitions");
        assertEquals(7, ok);
        assertEquals(3, noFree);
    }
}
