package io.passthru.manager.cli;

import io.passthru.manager.Mdevs;
import io.passthru.manager.TestDriver;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.pool.DevicePool;
import io.passthru.xml.RelaxNg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A device pool that names mdev types ({@code "mdev_type"} in {@code device_spec} and {@code alias}), on libvirt's
 * test driver (mdev-host.xml: the GPU 0000:06:00.0, 10de:1eb8, offers nvidia-222 and nvidia-223; the subchannel
 * css_0_0_fffe offers vfio_ccw-io): only the types it allows are offered and created, on the parents its entries
 * match, and an alias naming a type stands for it in {@code --mdev}. The refusals come before libvirt is asked to
 * change anything (the test driver could not define an mdev anyway).
 */
class MdevPoolTestDriverTest {
    static final String POOL = "{\"device_spec\": [{\"vendor_id\": \"10de\", \"product_id\": \"1eb8\", "
            + "\"mdev_type\": \"nvidia-222\"}, {\"vendor_id\": \"10de\", \"product_id\": \"1eb8\"}], "
            + "\"alias\": [{\"name\": \"vgpu\", \"mdev_type\": \"nvidia-222\"}]}";


    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void onlyTheTypesThePoolNamesAreOfferedOnTheParentsItsEntriesMatch() {
        DevicePool pool = DevicePool.parse(POOL);
        try (Hosts hosts = new Hosts()) {
            Host host = hosts.open(TestDriver.mdevHost());
            List<Mdevs.MdevType> all = Mdevs.types(host);
            assertEquals(List.of("nvidia-222", "nvidia-223", "vfio_ccw-io"), all.stream().map(Mdevs.MdevType::id)
                    .sorted().toList());
            assertEquals(List.of("nvidia-222 pci_0000_06_00_0"), Mdevs.allowedBy(pool, all, host, null).stream()
                    .map(t -> t.id() + " " + t.parent()).toList());
            assertEquals(all, Mdevs.allowedBy(DevicePool.parse("{\"device_spec\": [{\"vendor_id\": \"10de\"}]}"), all,
                    host, null), "a pool naming no mdev type leaves mdevs alone");
            String msg = assertThrows(InvalidRequestException.class, () -> Mdevs.create(host, "nvidia-223", null, null,
                    pool)).getMessage();
            assertTrue(msg.startsWith("the device pool allows no mdev of type nvidia-223 on " + host.uri()
                    + " (it allows: [nvidia-222 on pci_0000_06_00_0])"), msg);
            assertTrue(msg.contains("add {\"mdev_type\": \"nvidia-223\"} to its device_spec"), msg);
            assertEquals("nvidia-222", Mdevs.typeOf("vgpu", pool));
            assertEquals("vgpu2", Mdevs.typeOf("vgpu2", pool), "not an alias: taken as a type");
        }
    }

    @Test
    void defineAndMdevCreateFollowThePool(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pool.json");
        Files.writeString(file, POOL);
        String uri = TestDriver.mdevHost();
        CliRun byAlias = run("define", "vm-vgpu", "-c", uri, "--mdev", "vgpu", "--pool", file.toString(), "--dry-run");
        assertEquals(0, byAlias.exit(), byAlias.err());
        assertEquals(List.of(), RelaxNg.errors("domain.rng", byAlias.out()), byAlias.out());
        assertTrue(byAlias.out().contains("<hostdev mode=\"subsystem\" type=\"mdev\" model=\"vfio-pci\">"),
                byAlias.out());
        CliRun refused = run("define", "vm-vgpu", "-c", uri, "--mdev", "nvidia-223", "--pool", file.toString(),
                "--dry-run");
        assertNotEquals(0, refused.exit());
        assertTrue(refused.err().contains("the device pool allows no mdev of type nvidia-223"), refused.err());
        CliRun create = run("mdev", "create", "--type", "vfio_ccw-io", "-c", uri, "--pool", file.toString());
        assertNotEquals(0, create.exit());
        assertTrue(create.err().contains("the device pool allows no mdev of type vfio_ccw-io"), create.err());
        CliRun attach = run("attach", "held-guest", "-c", uri, "--mdev", "nvidia-223", "--pool", file.toString());
        assertNotEquals(0, attach.exit());
        assertTrue(attach.err().contains("the device pool allows no mdev of type nvidia-223"), attach.err());
    }
}
