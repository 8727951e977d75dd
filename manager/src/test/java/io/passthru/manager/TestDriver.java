package io.passthru.manager;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * URIs of libvirt's test driver (in-process, no daemon) for the node files of these tests: the shipped
 * {@code integration-tests/testdriver/sriov-host.xml} ({@code -Dpassthru.testdriver}) and test resources. Each new
 * connection starts again from the file.
 */
public final class TestDriver {
    private TestDriver() {
    }

    /** {@code test:///.../sriov-host.xml}: PF 0000:03:00.0, VFs 0000:03:10.{0,2,4,6}, plain PCI 0000:04:00.0. */
    public static String sriovHost() {
        Path dir = Path.of(System.getProperty("passthru.testdriver", "../integration-tests/testdriver"));
        Path file = dir.resolve("sriov-host.xml").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(file), "test driver node file missing: " + file);
        return "test://" + file;
    }

    /** {@code test:///.../shared-group.xml}: GPU 0000:05:00.0 and audio 0000:05:00.1 in IOMMU group 30. */
    public static String sharedGroup() {
        return resource("shared-group.xml");
    }

    /**
     * {@code test:///.../mdev-host.xml}: GPU 0000:06:00.0 parenting mdev types nvidia-222 (16 free) and nvidia-223
     * (none free), subchannel css_0_0_fffe parenting vfio_ccw-io (vfio-ccw), mdev b1ae8bf6-... free and mdev
     * d069d019-... held by the running domain held-guest.
     */
    public static String mdevHost() {
        return resource("mdev-host.xml");
    }

    /**
     * {@code test:///.../variant-host.xml}: a ConnectX-6 Dx PF 0000:3b:00.0 (15b3:101d, link up) with VFs
     * 0000:3b:00.{2,3,4} (15b3:101e), each in its own IOMMU group; no domains.
     */
    public static String variantHost() {
        return resource("variant-host.xml");
    }

    private static String resource(String file) {
        try {
            return "test://" + Path.of(TestDriver.class.getResource("/testdriver/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
