package io.passthru.manager.pool;

import io.passthru.manager.error.PoolConfigException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.Inventory;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.passthru.manager.pool.Fixtures.a;
import static io.passthru.manager.pool.Fixtures.pf;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicePoolTest {
    private static final String VF_ALIAS = "{\"name\": \"nic\", \"vendor_id\": \"8086\", \"product_id\": \"10ca\","
            + " \"device_type\": \"type-VF\"}";

    private static List<PciAddress> addrs(List<Candidate> cs) {
        return cs.stream().map(Candidate::address).toList();
    }

    @Test
    void loadsAFileWithBothSections(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pool.json");
        Files.writeString(f, "{\"device_spec\": [{\"address\": \"0000:0a:*.*\", \"physical_network\": \"net1\"}],"
                + " \"alias\": " + VF_ALIAS + "}");
        DevicePool p = DevicePool.load(f);
        assertEquals(1, p.specs().size());
        assertEquals(1, p.aliases().size());
        assertEquals(DeviceType.VF, p.alias("nic").get(0).deviceType());
        assertTrue(p.alias("other").isEmpty());
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pool.json");
        Files.writeString(f, "{\"device_spec\": {\"devname\": \"eth0\"}}");
        String msg = assertThrows(PoolConfigException.class, () -> DevicePool.load(f)).getMessage();
        assertTrue(msg.startsWith(f + ": device_spec[0]"), msg);
        String missing = assertThrows(PoolConfigException.class, () -> DevicePool.load(dir.resolve("nope.json")))
                .getMessage();
        assertTrue(missing.contains("cannot read device pool file"), missing);
        String top = assertThrows(PoolConfigException.class, () -> DevicePool.parse("{\"aliases\": []}"))
                .getMessage();
        assertTrue(top.contains("unknown key 'aliases'"), top);
        assertThrows(PoolConfigException.class, () -> DevicePool.parse("[]"));
    }

    @Test
    void aliasEntriesSharingANameMustAgree() {
        DevicePool ok = DevicePool.parse(null, "[{\"name\": \"n\", \"product_id\": \"10ca\", \"device_type\": "
                + "\"type-VF\"}, {\"name\": \"n\", \"product_id\": \"1515\", \"device_type\": \"type-VF\"}]");
        assertEquals(2, ok.alias("n").size());
        String type = assertThrows(PoolConfigException.class, () -> DevicePool.parse(null,
                "[{\"name\": \"n\", \"device_type\": \"type-VF\"}, {\"name\": \"n\", \"device_type\": \"type-PF\"}]"))
                .getMessage();
        assertTrue(type.contains("alias 'n'") && type.contains("device_type"), type);
        String numa = assertThrows(PoolConfigException.class, () -> DevicePool.parse(null,
                "[{\"name\": \"n\"}, {\"name\": \"n\", \"numa_policy\": \"required\"}]")).getMessage();
        assertTrue(numa.contains("numa_policy (legacy vs required)"), numa);
    }

    @Test
    void vfCandidatesCarryTheFirstMatchingSpecsTags() {
        DevicePool p = DevicePool.parse("[{\"address\": \"0000:0a:10.0\", \"physical_network\": \"first\","
                + " \"trusted\": \"true\"}, {\"address\": \"0000:0a:*.*\", \"physical_network\": \"net1\"}]", VF_ALIAS);
        List<Inventory.Pf> pfs = List.of(pf("0000:0a:00.0", 0, 3, null, "guest1"), pf("0000:0b:00.0", 0, 2));
        List<Candidate> cs = p.candidates("nic", pfs);
        assertEquals(List.of(a("0000:0a:10.0"), a("0000:0a:10.1"), a("0000:0a:10.2")), addrs(cs),
                "0b:00.0's VFs are not allowed; the PF itself is not a VF");
        assertEquals(Optional.of("first"), cs.get(0).physicalNetwork());
        assertTrue(cs.get(0).trusted());
        assertEquals(Optional.of("net1"), cs.get(1).physicalNetwork());
        assertFalse(cs.get(1).trusted());
        assertEquals("guest1", cs.get(1).usedBy());
        assertFalse(cs.get(1).free());
        assertTrue(cs.get(2).free());
        assertEquals(a("0000:0a:00.0"), cs.get(2).pf());
        assertEquals(DeviceType.VF, cs.get(2).type());
    }

    @Test
    void aliasIdsFilterCandidates() {
        DevicePool p = DevicePool.parse("{\"vendor_id\": \"8086\"}",
                "{\"name\": \"other\", \"product_id\": \"1515\", \"device_type\": \"type-VF\"}");
        assertTrue(p.candidates("other", List.of(pf("0000:0a:00.0", 0, 2))).isEmpty());
        String msg = assertThrows(InvalidRequestException.class,
                () -> p.candidates("nope", List.of())).getMessage();
        assertTrue(msg.contains("unknown PCI alias 'nope'") && msg.contains("other"), msg);
    }

    @Test
    void remoteManagedVfsAreNeverPlainPassthroughCandidates() {
        DevicePool p = DevicePool.parse("[{\"address\": \"0000:0a:10.0\", \"remote_managed\": \"true\"},"
                + " {\"vendor_id\": \"8086\", \"product_id\": \"10ca\"}]", VF_ALIAS);
        List<Candidate> cs = p.candidates("nic", List.of(pf("0000:0a:00.0", 0, 2)));
        assertEquals(List.of(a("0000:0a:10.1")), addrs(cs), "the first matching entry (remote_managed) decides");
    }

    @Test
    void pfCandidatesAreFreeOnlyWithoutUsedVfs() {
        DevicePool p = DevicePool.parse("{\"product_id\": \"10c9\"}", "{\"name\": \"pf\", \"device_type\": \"type-PF\"}");
        Inventory.Pf busy = pf("0000:0a:00.0", 0, 2, null, "vm1");
        Inventory.Pf idle = pf("0000:0b:00.0", 1, 2);
        Inventory.Vf hostBound = new Inventory.Vf(a("0000:0c:10.0"), a("0000:0c:00.0"), "0x8086", "0x10ca", "igbvf",
                5, 0, null);
        Inventory.Pf hostUse = new Inventory.Pf(a("0000:0c:00.0"), "eth12", "up", "0x8086", "0x10c9", "igb", 7, 0,
                List.of(hostBound));
        List<Candidate> cs = p.candidates("pf", List.of(busy, idle, hostUse));
        assertEquals(List.of(a("0000:0a:00.0"), a("0000:0b:00.0"), a("0000:0c:00.0")), addrs(cs));
        assertFalse(cs.get(0).free());
        assertEquals("vm1", cs.get(0).usedBy());
        assertTrue(cs.get(1).free());
        assertEquals(1, cs.get(1).numaNode());
        assertFalse(cs.get(2).free(), "a VF bound to a host driver is in use by the host");
        assertEquals(DeviceType.PF, cs.get(0).type());
        assertEquals(cs.get(0).address(), cs.get(0).pf());
    }

    @Test
    void vfsOfAPfPassedThroughWholeAreNotFree() {
        DevicePool p = DevicePool.parse("{\"vendor_id\": \"8086\", \"product_id\": \"10ca\"}", VF_ALIAS);
        Inventory.Vf v = new Inventory.Vf(a("0000:0d:10.0"), a("0000:0d:00.0"), "0x8086", "0x10ca", null, 6, 0, null);
        Inventory.Pf passed = new Inventory.Pf(a("0000:0d:00.0"), null, null, "0x8086", "0x10c9", "vfio-pci", 7, 0,
                List.of(v));
        List<Candidate> cs = p.candidates("nic", List.of(passed, pf("0000:0a:00.0", 0, 1)));
        assertEquals(2, cs.size());
        assertTrue(cs.stream().filter(c -> c.address().equals(a("0000:0d:10.0"))).noneMatch(Candidate::free),
                "PF/VF exclusivity: the PF is with a guest");
        assertTrue(cs.stream().filter(c -> c.address().equals(a("0000:0a:10.0"))).allMatch(Candidate::free));
    }

    @Test
    void typePciHasNoCandidatesInAnSriovInventory() {
        DevicePool p = DevicePool.parse("{\"vendor_id\": \"8086\"}", "{\"name\": \"gpu\"}");
        assertTrue(p.candidates("gpu", List.of(pf("0000:0a:00.0", 0, 2))).isEmpty());
    }

    @Test
    void inventoryOverloadsUseItsPfs() {
        DevicePool p = DevicePool.parse("{\"vendor_id\": \"8086\", \"product_id\": \"10ca\"}", VF_ALIAS);
        Inventory inv = Fixtures.inventory(List.of(pf("0000:0a:00.0", 0, 2)));
        assertEquals(2, p.candidates("nic", inv).size());
        assertDoesNotThrow(() -> p.validate(inv));
    }

    @Test
    void pfAndItsVfsMayNotBothBeAllowed() {
        DevicePool both = DevicePool.parse("{\"address\": \"0000:0a:*.*\"}", null);
        String msg = assertThrows(PoolConfigException.class,
                () -> both.validate(List.of(pf("0000:0a:00.0", 0, 2)))).getMessage();
        assertTrue(msg.contains("both PF 0000:0a:00.0 (allowed by device_spec[0])")
                && msg.contains("[0000:0a:10.0, 0000:0a:10.1]") && msg.contains("product_id"), msg);
        // Nova's exact PF address form also names the VFs: allowing PF + VFs is refused too
        DevicePool exact = DevicePool.parse("{\"address\": \"0000:0a:00.0\"}", null);
        assertThrows(PoolConfigException.class, () -> exact.validate(List.of(pf("0000:0a:00.0", 0, 1))));
        // narrowed to the VFs' product: fine
        DevicePool vfsOnly = DevicePool.parse("{\"address\": \"0000:0a:00.0\", \"product_id\": \"10ca\"}", null);
        assertDoesNotThrow(() -> vfsOnly.validate(List.of(pf("0000:0a:00.0", 0, 2))));
        DevicePool pfOnly = DevicePool.parse("{\"product_id\": \"10c9\"}", null);
        assertDoesNotThrow(() -> pfOnly.validate(List.of(pf("0000:0a:00.0", 0, 2))));
    }

    @Test
    void remoteManagedOnAPfIsRefused() {
        DevicePool p = DevicePool.parse("{\"vendor_id\": \"8086\", \"product_id\": \"10c9\", \"remote_managed\": "
                + "\"true\"}", null);
        String msg = assertThrows(PoolConfigException.class,
                () -> p.validate(List.of(pf("0000:0a:00.0", 0, 2)))).getMessage();
        assertTrue(msg.contains("device_spec[0] sets remote_managed but matches PF 0000:0a:00.0"), msg);
        DevicePool vfs = DevicePool.parse("{\"product_id\": \"10ca\", \"remote_managed\": \"true\"}", null);
        assertDoesNotThrow(() -> vfs.validate(List.of(pf("0000:0a:00.0", 0, 2))));
    }
}
