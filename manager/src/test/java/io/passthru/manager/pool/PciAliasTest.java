package io.passthru.manager.pool;

import io.passthru.manager.error.PoolConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PciAliasTest {
    private static String error(String json) {
        return assertThrows(PoolConfigException.class, () -> PciAlias.parse(json)).getMessage();
    }

    @Test
    void defaultsAreNovas() {
        PciAlias a = PciAlias.parse("{\"name\": \"gpu\", \"vendor_id\": \"10DE\", \"product_id\": \"0x1eb8\"}").get(0);
        assertEquals(new PciAlias("gpu", "10de", "1eb8", DeviceType.PCI, NumaPolicy.LEGACY), a);
        assertTrue(a.matchesIds("0x10de", "0x1eb8"));
        assertFalse(a.matchesIds("0x10de", "0x1eb9"));
    }

    @Test
    void allFieldsAndLists() {
        List<PciAlias> l = PciAlias.parse("[{\"name\": \"vf\", \"vendor_id\": \"8086\", \"product_id\": \"10ca\","
                + " \"device_type\": \"type-VF\", \"numa_policy\": \"required\"},"
                + " {\"name\": \"pf\", \"device_type\": \"type-PF\", \"numa_policy\": \"socket\","
                + " \"resource_class\": \"CUSTOM_PF\", \"traits\": \"CUSTOM_X\"}]");
        assertEquals(DeviceType.VF, l.get(0).deviceType());
        assertEquals(NumaPolicy.REQUIRED, l.get(0).numaPolicy());
        assertEquals(DeviceType.PF, l.get(1).deviceType());
        assertEquals(NumaPolicy.SOCKET, l.get(1).numaPolicy());
        assertNull(l.get(1).vendorId());
        assertTrue(l.get(1).matchesIds("0x15b3", "0x1017"), "no ids: any device");
    }

    @Test
    void errorsNameTheEntryAndTheChoices() {
        String type = error("{\"name\": \"x\", \"device_type\": \"type-VDPA\"}");
        assertTrue(type.contains("alias[0]") && type.contains("unknown device_type 'type-VDPA'")
                && type.contains("type-PCI, type-PF, type-VF"), type);
        String policy = error("{\"name\": \"x\", \"numa_policy\": \"strict\"}");
        assertTrue(policy.contains("unknown numa_policy 'strict'") && policy.contains("required, legacy, preferred, "
                + "socket"), policy);
        assertTrue(error("{\"vendor_id\": \"8086\"}").contains("missing \"name\""));
        assertTrue(error("[{\"name\": \"a\"}, {\"name\": \" \"}]").contains("alias[1]: missing \"name\""));
        assertTrue(error("{\"name\": \"a\", \"count\": \"2\"}").contains("unknown key 'count'"));
        assertTrue(error("{\"name\": \"a\", \"device_type\": \"type-vf\"}").contains("unknown device_type"),
                "case-sensitive as in Nova");
    }
}
