package io.passthru.manager.pool;

import io.passthru.manager.error.PoolConfigException;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceSpecTest {
    private static PciAddress a(String s) {
        return PciAddress.parse(s);
    }

    private static DeviceSpec one(String json) {
        List<DeviceSpec> l = DeviceSpec.parse(json);
        assertEquals(1, l.size());
        return l.get(0);
    }

    private static String error(String json) {
        return assertThrows(PoolConfigException.class, () -> DeviceSpec.parse(json)).getMessage();
    }

    @Test
    void globWithWildcardFunction() {
        DeviceSpec s = one("{\"address\": \"0000:0a:00.*\"}");
        assertTrue(s.matches(a("0000:0a:00.0"), "8086", "10ca"));
        assertTrue(s.matches(a("0000:0a:00.7"), "8086", "10ca"));
        assertFalse(s.matches(a("0000:0b:00.0"), "8086", "10ca"));
        assertFalse(s.matches(a("0001:0a:00.0"), "8086", "10ca"));
        assertEquals("0000:0a:00.*", s.address());
        assertTrue(s.exactAddress().isEmpty());
    }

    @Test
    void globWithWildcardDomainAndShortForms() {
        DeviceSpec any = one("{\"address\": \"*:0a:00.1\"}");
        assertTrue(any.matches(a("0005:0a:00.1"), null, null));
        assertFalse(any.matches(a("0005:0a:00.2"), null, null));
        DeviceSpec shortForm = one("{\"address\": \"0a:00.0\"}");
        assertTrue(shortForm.matches(a("0000:0a:00.0"), null, null));
        assertTrue(shortForm.matches(a("0003:0a:00.0"), null, null), "missing domain is a wildcard, as in Nova");
        assertEquals("*:0a:00.0", shortForm.address());
        DeviceSpec empties = one("{\"address\": \":0a:00.\"}");
        assertTrue(empties.matches(a("0000:0a:00.5"), null, null));
        assertFalse(empties.matches(a("0000:0a:01.5"), null, null));
        DeviceSpec star = one("{\"address\": \"*\"}");
        assertTrue(star.matches(a("ffff:ff:1f.7"), null, null));
        DeviceSpec slotOnly = one("{\"address\": \"1f\"}");
        assertTrue(slotOnly.matches(a("0000:03:1f.2"), null, null));
        assertFalse(slotOnly.matches(a("0000:03:1e.2"), null, null));
    }

    @Test
    void idsMatchLibvirtAndNovaSpellings() {
        DeviceSpec s = one("{\"vendor_id\": \"8086\", \"product_id\": \"0x10CA\"}");
        assertTrue(s.matches(a("0000:01:10.0"), "0x8086", "0x10ca"));
        assertTrue(s.matches(a("0000:01:10.0"), "8086", "10CA"));
        assertFalse(s.matches(a("0000:01:10.0"), "0x8086", "0x10c9"));
        assertFalse(s.matches(a("0000:01:10.0"), "0x15b3", "0x10ca"));
        assertFalse(s.matches(a("0000:01:10.0"), null, "0x10ca"), "unknown vendor does not match a fixed one");
        assertEquals("8086", s.vendorId());
        assertEquals("10ca", s.productId());
        DeviceSpec star = one("{\"vendor_id\": \"*\", \"product_id\": \"*\"}");
        assertTrue(star.matches(a("0000:01:10.0"), "0x1af4", "0x1000"));
        assertEquals("*", star.vendorId());
    }

    @Test
    void regexFormIsAnchoredAndCaseInsensitive() {
        DeviceSpec s = one("{\"address\": {\"domain\": \"0000\", \"bus\": \"0[AB]\", \"function\": \"[1-3]\"}}");
        assertTrue(s.matches(a("0000:0a:10.1"), null, null));
        assertTrue(s.matches(a("0000:0b:00.3"), null, null));
        assertFalse(s.matches(a("0000:0a:10.0"), null, null));
        assertFalse(s.matches(a("0000:0c:10.1"), null, null));
        assertFalse(s.matches(a("0001:0a:10.1"), null, null));
        DeviceSpec prefix = one("{\"address\": {\"bus\": \"0\"}}");
        assertFalse(prefix.matches(a("0000:0a:00.0"), null, null), "anchored at both ends, unlike Python re.match");
        DeviceSpec prefix2 = one("{\"address\": {\"bus\": \"0.*\"}}");
        assertTrue(prefix2.matches(a("0000:0a:00.0"), null, null));
    }

    @Test
    void exactPfAddressAlsoMatchesItsVfs() {
        DeviceSpec s = one("{\"address\": \"0000:0a:00.0\", \"product_id\": \"10ca\"}");
        assertEquals(Optional.of(a("0000:0a:00.0")), s.exactAddress());
        assertTrue(s.matches(a("0000:0a:10.2"), a("0000:0a:00.0"), "8086", "10ca"));
        assertFalse(s.matches(a("0000:0a:10.2"), a("0000:0b:00.0"), "8086", "10ca"));
        assertFalse(s.matches(a("0000:0a:10.2"), null, "8086", "10ca"), "without the PF link the VF is not named");
        assertFalse(s.matches(a("0000:0a:00.0"), null, "8086", "10c9"), "product filter still applies to the PF");
        DeviceSpec wild = one("{\"address\": \"0000:0a:00.*\"}");
        assertFalse(wild.matches(a("0000:0b:10.2"), a("0000:0a:00.0"), "8086", "10ca"),
                "only an exact address names a PF");
    }

    @Test
    void tagsAreParsedLikeNova() {
        DeviceSpec s = one("{\"address\": \"*:0a:00.*\", \"physical_network\": \"physnet1\", \"trusted\": \"true\","
                + " \"remote_managed\": \"false\", \"resource_class\": \"custom_nic\","
                + " \"traits\": \"custom_fast, HW_NIC_SRIOV\", \"managed\": \"no\"}");
        assertEquals(Optional.of("physnet1"), s.physicalNetwork());
        assertEquals(Optional.of(true), s.trusted());
        assertFalse(s.remoteManaged());
        assertEquals(Optional.of("CUSTOM_NIC"), s.resourceClass());
        assertEquals(List.of("CUSTOM_FAST", "HW_NIC_SRIOV"), s.traits());
        assertEquals(Optional.of(false), s.managed());
        DeviceSpec bare = one("{\"vendor_id\": \"8086\", \"trusted\": false, \"remote_managed\": \"True\"}");
        assertEquals(Optional.of(false), bare.trusted());
        assertTrue(bare.remoteManaged());
        assertTrue(bare.physicalNetwork().isEmpty());
        assertTrue(bare.managed().isEmpty());
    }

    @Test
    void listsAreNumbered() {
        List<DeviceSpec> l = DeviceSpec.parse("[{\"vendor_id\": \"8086\"}, {\"vendor_id\": \"15b3\"}]");
        assertEquals(List.of("device_spec[0]", "device_spec[1]"), l.stream().map(DeviceSpec::where).toList());
        String msg = error("[{\"vendor_id\": \"8086\"}, {\"vendor_id\": \"8086\", \"colour\": \"red\"}]");
        assertTrue(msg.contains("device_spec[1]") && msg.contains("unknown key 'colour'"), msg);
        assertTrue(msg.contains("physical_network"), "lists the supported keys: " + msg);
    }

    @Test
    void devnameIsRejectedWithTheFix() {
        String msg = error("{\"devname\": \"eth0\", \"physical_network\": \"physnet1\"}");
        assertTrue(msg.contains("device_spec[0]") && msg.contains("'devname' is not supported"), msg);
        assertTrue(msg.contains("\"address\""), "names the fix: " + msg);
    }

    @Test
    void outOfRangeAddressFieldsAreRejected() {
        assertTrue(error("{\"address\": \"0000:0a:00.8\"}").contains("function 0x8"));
        assertTrue(error("{\"address\": \"0000:0a:20.0\"}").contains("slot 0x20 in address '0000:0a:20.0' is out "
                + "of range 0x0-0x1f"));
        assertTrue(error("{\"address\": \"0000:100:00.0\"}").contains("bus 0x100"));
        assertTrue(error("{\"address\": \"10000:0a:00.0\"}").contains("domain 0x10000"));
        assertTrue(error("{\"address\": {\"function\": \"8\"}}").contains("function '8' is out of range 0x0-0x7"));
        assertTrue(error("{\"address\": {\"slot\": \"3f\"}}").contains("slot '3f' is out of range"));
        // a regex that is not a literal is not range-checked
        assertTrue(one("{\"address\": {\"slot\": \"[0-3]f\"}}").matches(a("0000:00:1f.0"), null, null));
    }

    @Test
    void malformedValuesAreRejected() {
        assertTrue(error("{\"address\": \"0000:0a:0*.1\"}").contains("regex form"));
        assertTrue(error("{\"address\": \"1:2:3:4.0\"}").contains("invalid address"));
        assertTrue(error("{\"address\": 5}").contains("'address' must be"));
        assertTrue(error("{\"address\": {\"bus\": \"[0-\"}}").contains("not a valid regular expression"));
        assertTrue(error("{\"address\": {\"bus\": \"0a\", \"pci\": \"x\"}}").contains("unknown key 'pci'"));
        assertTrue(error("{\"vendor_id\": \"intel\"}").contains("vendor_id 'intel' is not a PCI id"));
        assertTrue(error("{\"product_id\": \"12345\"}").contains("product_id '12345'"));
        assertTrue(error("{\"trusted\": \"maybe\"}").contains("'trusted' must be \"true\" or \"false\""));
        assertTrue(error("{\"physical_network\": 3}").contains("must be a JSON string"));
        assertTrue(error("{\"traits\": \"CUSTOM-X\"}").contains("not a placement trait name"));
        assertTrue(error("{\"vendor_id\": ").contains("invalid JSON"));
        assertTrue(error("\"8086\"").contains("expected a JSON object or a list"));
        assertTrue(error("[1]").contains("every entry must be a JSON object"));
    }

    /** {@code mdev_type}: an entry for mdevs of a type on the parents it matches, never for a PCI device itself. */
    @org.junit.jupiter.api.Test
    void mdevTypeEntriesAllowMdevsOnTheParentsTheyMatch() {
        List<DeviceSpec> specs = DeviceSpec.parse("[{\"address\": \"0000:06:00.0\", \"mdev_type\": \"nvidia-222\"}, "
                + "{\"mdev_type\": \"mtty-2\"}]");
        io.passthru.xml.PciAddress gpu = io.passthru.xml.PciAddress.parse("0000:06:00.0");
        assertTrue(specs.get(0).allowsMdev("nvidia-222", gpu, "0x10de", "0x1eb8"));
        assertFalse(specs.get(0).allowsMdev("nvidia-223", gpu, "0x10de", "0x1eb8"), "another type");
        assertFalse(specs.get(0).allowsMdev("nvidia-222", io.passthru.xml.PciAddress.parse("0000:07:00.0"), "0x10de",
                "0x1eb8"), "another parent");
        assertFalse(specs.get(0).allowsMdev("nvidia-222", null, null, null), "an entry with an address: PCI parents");
        assertTrue(specs.get(1).allowsMdev("mtty-2", null, null, null), "no address or ids: any parent, mtty's too");
        DevicePool pool = new DevicePool(specs, List.of());
        assertTrue(pool.restrictsMdevs());
        assertTrue(pool.allowing(gpu, null, "0x10de", "0x1eb8").isEmpty(), "the parent itself is not allowed");
        assertThrows(io.passthru.manager.error.PoolConfigException.class,
                () -> DeviceSpec.parse("{\"mdev_type\": \" \"}"));
    }

    @Test
    void vfPolicyTagsAreReadAndCheckedAtLoad() {
        DeviceSpec s = DeviceSpec.parse("""
                {"vendor_id": "8086", "vlan": "42", "vlan_qos": 3, "spoofchk": "Off", "link_state": "AUTO",
                 "max_tx_rate": "100", "min_tx_rate": "0"}""").get(0);
        assertEquals(Optional.of(42), s.vlan());
        assertEquals(Optional.of(3), s.vlanQos());
        assertEquals(Optional.of(false), s.spoofchk());
        assertEquals(Optional.of("auto"), s.linkState());
        assertEquals(Optional.of(100), s.maxTxRate());
        assertEquals(Optional.of(0), s.minTxRate());
        assertEquals(Optional.empty(), DeviceSpec.parse("{\"vendor_id\": \"8086\"}").get(0).vlan());

        for (String[] bad : new String[][]{
                {"{\"vlan\": \"4096\"}", "'vlan' must be a whole number 0-4095"},
                {"{\"vlan\": \"x\"}", "'vlan' must be a whole number 0-4095"},
                {"{\"vlan_qos\": \"3\"}", "give 'vlan' too"},
                {"{\"vlan\": \"1\", \"vlan_qos\": \"8\"}", "'vlan_qos' must be a whole number 0-7"},
                {"{\"spoofchk\": \"maybe\"}", "'spoofchk' must be \"on\" or \"off\""},
                {"{\"link_state\": \"up\"}", "'link_state' must be \"auto\", \"enable\" or \"disable\""},
                {"{\"max_tx_rate\": -1}", "'max_tx_rate' must be a whole number"},
                {"{\"max_tx_rate\": \"10\", \"min_tx_rate\": \"20\"}", "is above 'max_tx_rate' 10"}}) {
            PoolConfigException e = assertThrows(PoolConfigException.class, () -> DeviceSpec.parse(bad[0]), bad[0]);
            assertTrue(e.getMessage().startsWith("device_spec[0]: ") && e.getMessage().contains(bad[1]),
                    e.getMessage());
        }
    }
}
