package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.pool.Candidate;
import io.passthru.manager.pool.DevicePool;
import io.passthru.xml.PciAddress;
import io.passthru.xml.RelaxNg;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainHostdev;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code state} strategy for PCI devices of a VFIO variant driver, on libvirt's test driver (variant-host.xml,
 * one connection as the source host and another as the destination: each starts from the file): no QEMU device model
 * implements the VFIO migration uAPI, so the lab cannot run such a migration; these tests cover the plan (capability
 * from the hostdev's {@code <driver model>} or the pool's {@code live_migratable}, the destination device, the
 * fallbacks), the destination XML that libvirt gets, and the pool's {@code live_migratable} for aliases.
 */
class PciStateTestDriverTest {
    static final PciAddress VF2 = PciAddress.parse("0000:3b:00.2");
    static final PciAddress VF3 = PciAddress.parse("0000:3b:00.3");
    static final PciAddress VF4 = PciAddress.parse("0000:3b:00.4");
    static final PciAddress GUEST = PciAddress.parse("0000:07:00.0");

    private Hosts hosts;
    private Hosts others;
    private Host src;
    private Host dst;

    @BeforeEach
    void open() {
        hosts = new Hosts();
        src = hosts.open(TestDriver.variantHost());
        others = new Hosts(); // a second connection to the file: its own state, the destination host
        dst = others.open(TestDriver.variantHost());
    }

    @AfterEach
    void close() {
        hosts.close();
        others.close();
    }

    /** A guest of the test driver holding VF {@code vf} at guest address 07:00.0 ({@code model}: its variant). */
    static String guestXml(String name, PciAddress vf, String model) {
        return "<domain type='test'><name>" + name + "</name><memory unit='MiB'>128</memory><os><type>hvm</type>"
                + "</os><devices><hostdev mode='subsystem' type='pci' managed='yes'>"
                + (model == null ? "" : "<driver model='" + model + "'/>")
                + "<source><address domain='0x0000' bus='0x" + String.format("%02x", vf.bus()) + "' slot='0x00' "
                + "function='0x" + vf.function() + "'/></source><alias name='ua-vf0'/>"
                + "<address type='pci' domain='0x0000' bus='0x07' slot='0x00' function='0x0'/></hostdev></devices>"
                + "</domain>";
    }

    static org.libvirt.Domain start(Host h, String xml) throws Exception {
        org.libvirt.Domain d = h.connect().domainDefineXML(xml);
        d.create();
        return d;
    }

    /** The plan's inputs for the guest's one hostdev, as MigrationFlow reads them. */
    record Planned(Operation.Device device, PciStatePlanner.Choice choice) {
    }

    static Planned plan(Host src, Host dst, org.libvirt.Domain dom, DevicePool srcPool, DevicePool dstPool,
                        List<String> blockers, boolean postcopy, boolean asked, Set<PciAddress> reserved) {
        Domain live = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
        DevicePlanner.Held h = DevicePlanner.held(live).get(0);
        Inventory srcInv = Inventory.scan(src);
        Inventory dstInv = Inventory.scan(dst);
        Inventory.Vf v = srcInv.vf(h.source()).orElseThrow();
        Operation.Device d = DevicePlanner.entry(h, "vf", v.vendorId(), v.productId(), null, null, true);
        DomainHostdev hd = (DomainHostdev) h.element();
        String model = hd.getDriver() == null ? null : hd.getDriver().getModel();
        PciStatePlanner.Capability cap = PciStatePlanner.capability(v.driver(), model, srcPool == null ? null
                : srcPool.allowing(v.address(), v.pf(), v.vendorId(), v.productId()).orElse(null)).orElse(null);
        return new Planned(d, PciStatePlanner.plan(d, cap, asked, blockers, Set.of(), postcopy, dstInv, dstPool,
                "vm", reserved));
    }

    static DevicePool pool(String specs) {
        return DevicePool.parse("{\"device_spec\": " + specs + ", \"alias\": [{\"name\": \"mig\", \"vendor_id\": "
                + "\"15b3\", \"product_id\": \"101e\", \"device_type\": \"type-VF\", \"live_migratable\": \"yes\"}, "
                + "{\"name\": \"plain\", \"vendor_id\": \"15b3\", \"product_id\": \"101e\", \"device_type\": "
                + "\"type-VF\", \"live_migratable\": \"no\"}]}");
    }

    @Test
    void aVfOfAVariantDriverMovesByStateToAFreeVfThatReplacesItInTheDestinationXml() throws Exception {
        org.libvirt.Domain dom = start(src, guestXml("vm", VF2, "mlx5_vfio_pci"));
        start(dst, guestXml("other", VF2, null)); // the destination's 3b:00.2 is taken there
        Planned p = plan(src, dst, dom, null, null, List.of(), false, false, new HashSet<>());
        MigrationPlan.Entry e = p.choice().entry();
        assertNotNull(e, String.valueOf(p.choice().fallback()));
        assertEquals(MigrationPlan.STATE, e.strategy());
        assertEquals(VF3, e.destination(), "the first free VF of the same vendor:product");
        assertTrue(e.detail().contains("mlx5_vfio_pci"), e.detail());
        assertEquals("mlx5_vfio_pci", p.device().driver);
        assertNull(p.device().notify, "the guest is not told: its device never leaves");

        String xml = PciStatePlanner.destXml(Domains.migratableXml(dom, "read"), MigrationFlow.stateMoves(
                List.of(p.device())));
        assertEquals(List.of(), RelaxNg.errors("domain.rng", xml), xml);
        Domain out = XmlCodec.unmarshal(xml, Domain.class);
        DomainHostdev hd = out.devices().hostdevs().get(0);
        assertEquals(VF3, hd.sourcePciAddress().orElseThrow(), xml);
        assertEquals(GUEST, hd.getAddress().pciAddress().orElseThrow(), "the guest's address is kept: " + xml);
        assertEquals("mlx5_vfio_pci", hd.getDriver().getModel(), xml);
        // libvirt takes it: defined on the destination, read back with the destination's VF
        org.libvirt.Domain there = dst.connect().domainDefineXML(xml.replace("<name>vm</name>", "<name>vm-in</name>")
                .replaceAll("<uuid>[^<]*</uuid>", ""));
        assertEquals(VF3, XmlCodec.unmarshal(Host.xml(there, true), Domain.class).devices().hostdevs().get(0)
                .sourcePciAddress().orElseThrow());
    }

    @Test
    void liveMigratableComesFromThePoolOnBothHosts() throws Exception {
        org.libvirt.Domain dom = start(src, guestXml("vm", VF2, null)); // vfio-pci: no variant driver named
        assertNull(plan(src, dst, dom, null, null, List.of(), false, false, new HashSet<>()).choice().fallback(),
                "without a variant driver or the pool's word the device simply moves by hotplug");
        DevicePool declared = pool("[{\"vendor_id\": \"15b3\", \"product_id\": \"101e\", \"live_migratable\": "
                + "\"true\"}]");
        Planned p = plan(src, dst, dom, declared, declared, List.of(), false, false, new HashSet<>());
        assertEquals(VF2, p.choice().entry().destination(), "declared on both hosts: the destination's first VF");
        assertTrue(p.choice().entry().detail().contains("live_migratable"), p.choice().entry().detail());

        DevicePool notThere = pool("[{\"vendor_id\": \"15b3\", \"product_id\": \"101e\"}]");
        Planned q = plan(src, dst, dom, declared, notThere, List.of(), false, false, new HashSet<>());
        assertNull(q.choice().entry());
        assertTrue(q.choice().fallback().contains("does not say live_migratable"), q.choice().fallback());
        assertEquals(MigrationPlan.HOTPLUG, q.device().strategy, "nothing decided: it falls back to hotplug");

        DevicePool denied = pool("[{\"vendor_id\": \"15b3\", \"product_id\": \"101e\", \"live_migratable\": "
                + "\"false\"}]");
        org.libvirt.Domain named = start(src, guestXml("vm2", VF3, "mlx5_vfio_pci"));
        assertTrue(PciStatePlanner.capability(null, "mlx5_vfio_pci", denied.allowing(VF3, null, "0x15b3", "0x101e")
                .orElseThrow()).isEmpty(), "the pool's false wins over the variant driver");
        assertNull(plan(src, dst, named, denied, denied, List.of(), false, false, new HashSet<>()).choice().entry());
        Planned deniedThere = plan(src, dst, named, null, denied, List.of(), false, false, new HashSet<>());
        assertNull(deniedThere.choice().entry(), "the destination's pool says false: not there");
        assertTrue(deniedThere.choice().fallback().contains("does not say live_migratable"),
                deniedThere.choice().fallback());
        assertEquals(VF2, plan(src, dst, named, declared, null, List.of(), false, false, new HashSet<>()).choice()
                .entry().destination(), "declared at the source, no pool at the destination: the variant vouches");
    }

    @Test
    void aliasesAskForLiveMigratableDevicesAsNovaDoes() {
        DevicePool pool = pool("[{\"address\": \"0000:3b:00.2\", \"live_migratable\": \"true\"}, "
                + "{\"address\": \"0000:3b:00.*\", \"product_id\": \"101e\"}]");
        Inventory inv = Inventory.scan(dst);
        assertEquals(List.of(VF2), pool.candidates("mig", inv).stream().map(Candidate::address).toList());
        assertEquals(List.of(VF3, VF4), pool.candidates("plain", inv).stream().map(Candidate::address).toList());
    }

    @Test
    void whatRulesStateOutFallsBackBeforeAnythingChangedOrRefusesWhenAsked() throws Exception {
        org.libvirt.Domain dom = start(src, guestXml("vm", VF2, "mlx5_vfio_pci"));
        Planned post = plan(src, dst, dom, null, null, List.of(), true, false, new HashSet<>());
        assertTrue(post.choice().fallback().startsWith("--postcopy"), post.choice().fallback());
        Planned blocked = plan(src, dst, dom, null, null, List.of("0000:3b:00.2: VFIO migration is not supported "
                + "in kernel"), false, false, new HashSet<>());
        assertTrue(blocked.choice().fallback().contains("QEMU blocks the migration of its state"),
                blocked.choice().fallback());
        Planned full = plan(src, dst, dom, null, null, List.of(), false, false, new HashSet<>(Set.of(VF2, VF3, VF4)));
        assertTrue(full.choice().fallback().startsWith("no free vf 15b3:101e for mlx5_vfio_pci on the destination"),
                full.choice().fallback());
        for (Planned p : List.of(post, blocked, full)) {
            assertNull(p.choice().entry());
            assertEquals(MigrationPlan.HOTPLUG, p.device().strategy);
            assertNull(p.device().destAddress, "no destination device taken");
        }
        org.libvirt.Domain plain = start(src, guestXml("vm2", VF3, null));
        Planned asked = plan(src, dst, plain, null, null, List.of(), false, true, new HashSet<>());
        assertTrue(asked.choice().fallback().contains("has no VFIO migration"), asked.choice().fallback());
    }

    @Test
    void theOperatorMayAskStateForAPciHostdevButNotHotplugForAnMdev() {
        DevicePlanner.Held pci = new DevicePlanner.Held(null, "pci", VF2, "ua-vf0", GUEST);
        assertEquals(Map.of("ua-vf0", MigrationPlan.STATE), DevicePlanner.checkChoices(Map.of("ua-vf0", "state"),
                List.of(pci), "vm"));
        DevicePlanner.Held mdev = new DevicePlanner.Held(null, "mdev", null, "ua-mtty0", GUEST,
                "b1ae8bf6-38b0-4c81-9d44-78ce3f520496");
        String msg = assertThrows(InvalidRequestException.class, () -> DevicePlanner.checkChoices(
                Map.of("ua-mtty0", "hotplug"), new ArrayList<>(List.of(mdev)), "vm")).getMessage();
        assertTrue(msg.contains("moves by state only"), msg);
    }

    @Test
    void theDestinationXmlRefusesADeviceTheGuestDoesNotHold() throws Exception {
        org.libvirt.Domain dom = start(src, guestXml("vm", VF2, "mlx5_vfio_pci"));
        String msg = assertThrows(IllegalArgumentException.class, () -> PciStatePlanner.destXml(
                Domains.migratableXml(dom, "read"), Map.of(VF4, VF3))).getMessage();
        assertTrue(msg.contains("0000:3b:00.4"), msg);
        assertFalse(msg.isBlank());
    }
}
