package io.passthru.manager.pool;

import io.passthru.manager.Inventory;
import io.passthru.xml.PciAddress;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

/** Small inventories for the pool tests. */
final class Fixtures {
    private Fixtures() {
    }

    static PciAddress a(String s) {
        return PciAddress.parse(s);
    }

    static Inventory.Vf vf(String addr, String pf, Integer numa, String usedBy) {
        return new Inventory.Vf(a(addr), a(pf), "0x8086", "0x10ca", "vfio-pci", 20, numa, usedBy);
    }

    /** PF 8086:10c9 at {@code addr} with {@code n} VFs 8086:10ca at slot 0x10, function i; usedBy per VF index. */
    static Inventory.Pf pf(String addr, Integer numa, int n, String... usedBy) {
        PciAddress p = a(addr);
        List<Inventory.Vf> vfs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String u = i < usedBy.length ? usedBy[i] : null;
            vfs.add(new Inventory.Vf(PciAddress.of(p.domain(), p.bus(), 0x10 + i / 8, i % 8), p, "0x8086", "0x10ca",
                    "vfio-pci", 30 + i, numa, u));
        }
        return new Inventory.Pf(p, "eth" + p.bus(), "up", "0x8086", "0x10c9", "igb", 7, numa, List.copyOf(vfs));
    }

    /** Inventory has only a private constructor (built by {@code scan(Host)}); tests build one reflectively. */
    static Inventory inventory(List<Inventory.Pf> pfs) {
        try {
            Constructor<Inventory> c = Inventory.class.getDeclaredConstructor(String.class, List.class);
            c.setAccessible(true);
            return c.newInstance("test:///default", pfs);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
