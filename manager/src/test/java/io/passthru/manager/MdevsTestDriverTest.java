package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.LibvirtCallException;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.xml.RelaxNg;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainHostdev;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Mdevs}, {@code define --mdev} and {@code attach --mdev}'s checks on libvirt's test driver (mdev-host.xml, a
 * fresh host per test): the test driver lists mdev parents and mdevs and the domains holding them, but defines, starts,
 * stops and undefines none, so these tests cover the refusals (each before libvirt is asked to change anything), a
 * create failing at libvirt's define, and a stop libvirt does not report; the lab ({@code MdevLabIT}) covers the rest.
 */
class MdevsTestDriverTest {
    static final String FREE = "b1ae8bf6-38b0-4c81-9d44-78ce3f520496";
    static final String HELD = "d069d019-36ea-4111-8f0a-8c9a70e21366";
    static final String GPU = "pci_0000_06_00_0";

    @TempDir
    Path mirror;

    private Hosts hosts;
    private Host host;

    @BeforeEach
    void open() {
        hosts = new Hosts();
        host = hosts.open(TestDriver.mdevHost());
    }

    @AfterEach
    void close() {
        hosts.close();
    }

    /** Runs {@code refused}, expects an InvalidRequestException, checks the host's mdevs did not change. */
    private String refused(Supplier<?> refused) {
        List<Mdevs.Mdev> before = Mdevs.list(host);
        String msg = assertThrows(InvalidRequestException.class, refused::get).getMessage();
        assertEquals(before, Mdevs.list(host), "nothing changed: " + msg);
        return msg;
    }

    @Test
    void theTypesOfAPciAndACssParent() {
        // parent by parent (node device name), each parent's types in libvirt's order
        assertEquals(List.of(
                new Mdevs.MdevType("css_0_0_fffe", "0.0.fffe", "vfio_ccw-io", "I/O subchannel (Non-QDIO)",
                        "vfio-ccw", 1),
                new Mdevs.MdevType(GPU, "0000:06:00.0", "nvidia-222", "GRID T4-1B", "vfio-pci", 16),
                new Mdevs.MdevType(GPU, "0000:06:00.0", "nvidia-223", "GRID T4-2B", "vfio-pci", 0)),
                Mdevs.types(host));
    }

    @Test
    void theMdevsWithTheDomainHoldingEach() {
        List<Mdevs.Mdev> all = Mdevs.list(host); // by parent, then UUID
        assertEquals(List.of(
                new Mdevs.Mdev(FREE, "nvidia-222", GPU, "mdev_b1ae8bf6_38b0_4c81_9d44_78ce3f520496_0000_06_00_0",
                        true, true, null),
                new Mdevs.Mdev(HELD, "nvidia-222", GPU, "mdev_d069d019_36ea_4111_8f0a_8c9a70e21366_0000_06_00_0",
                        true, true, "held-guest")), all);
        assertEquals(HELD, Mdevs.find(host, HELD.toUpperCase()).orElseThrow().uuid(), "a UUID in either case");
        assertTrue(Mdevs.find(host, "00000000-0000-4000-8000-000000000000").isEmpty());
    }

    @Test
    void createRefusesBadInputWithNothingChanged() {
        assertTrue(refused(() -> Mdevs.create(host, "nvidia-222", null, "not-a-uuid"))
                .contains("'not-a-uuid' is not an mdev UUID"));
        String taken = refused(() -> Mdevs.create(host, "nvidia-222", null, HELD.toUpperCase()));
        assertTrue(taken.contains("mdev " + HELD + " exists") && taken.contains("domain 'held-guest'"), taken);
        String unknown = refused(() -> Mdevs.create(host, "nvidia-999", null, null));
        assertTrue(unknown.contains("no mdev parent on " + host.uri() + " offers type nvidia-999")
                && unknown.contains("nvidia-222 (" + GPU + ")") && unknown.contains("vfio_ccw-io (css_0_0_fffe)"),
                unknown);
        String wrongParent = refused(() -> Mdevs.create(host, "nvidia-222", "css_0_0_fffe", null));
        assertTrue(wrongParent.contains("mdev parent css_0_0_fffe on " + host.uri() + " does not offer type "
                + "nvidia-222"), wrongParent);
        String full = refused(() -> Mdevs.create(host, "nvidia-223", null, null));
        assertTrue(full.contains("no instance of mdev type nvidia-223 is free") && full.contains(GPU)
                && full.contains("passthru mdev remove"), full);
        assertTrue(refused(() -> Mdevs.create(host, " ", null, null)).contains("an mdev needs a type"));
    }

    @Test
    void aCreateLibvirtFailsLeavesNothing() {
        // the test driver has no virNodeDeviceDefineXML: the failure comes from libvirt's define itself
        List<Mdevs.Mdev> before = Mdevs.list(host);
        LibvirtCallException e = assertThrows(LibvirtCallException.class, () -> Mdevs.create(host, "nvidia-222",
                "0000:06:00.0", "11111111-2222-4333-8444-555555555555"));
        assertTrue(e.getMessage().startsWith("define mdev 11111111-2222-4333-8444-555555555555 of type nvidia-222 on "
                + GPU), e.getMessage());
        assertEquals(before, Mdevs.list(host));
    }

    @Test
    void removeRefusesAHeldMdevNamingTheDomainAndRemovesAFreeOne() {
        String held = refused(() -> {
            Mdevs.remove(host, HELD);
            return null;
        });
        assertTrue(held.contains("domain 'held-guest'") && held.contains("passthru detach held-guest --mdev " + HELD),
                held);
        assertTrue(refused(() -> {
            Mdevs.remove(host, "00000000-0000-4000-8000-000000000000");
            return null;
        }).contains("no mdev 00000000-0000-4000-8000-000000000000"));
        assertTrue(refused(() -> {
            Mdevs.remove(host, "b1ae8bf6");
            return null;
        }).contains("is not an mdev UUID"));
        assertTrue(refused(() -> Mdevs.restart(host, HELD)).contains("domain 'held-guest'"));

    }

    @Test
    void aStopLibvirtDoesNotReportIsATimeoutNamingTheState() {
        // the test driver's virNodeDeviceDestroy of an mdev returns success and keeps it started: as on a host whose
        // libvirt hears nothing from udev, the wait for the stop ends after STATE_WAIT with a clear error
        long t0 = System.nanoTime();
        LibvirtCallException e = assertThrows(LibvirtCallException.class, () -> Mdevs.remove(host,
                FREE.toUpperCase()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= Mdevs.STATE_WAIT.toMillis() && ms < Mdevs.STATE_WAIT.toMillis() + 5000, ms + " ms");
        assertEquals("libvirt on " + host.uri() + " did not report node device "
                + "mdev_b1ae8bf6_38b0_4c81_9d44_78ce3f520496_0000_06_00_0 stopped within 10 s (it learns of mdevs from "
                + "udev: is udevd running on the host?); its state: NodeDeviceState[active=true, persistent=true]",
                e.getMessage());
    }

    @Test
    void forAGuestAnMdevMustExistBeFreeAndPresentVfioPci() {
        assertEquals(FREE, Mdevs.forGuest(host, FREE, "--mdev").uuid());
        String held = refused(() -> Mdevs.forGuest(host, HELD, "--mdev"));
        assertTrue(held.startsWith("--mdev " + HELD + ": domain 'held-guest' on " + host.uri() + " holds it"), held);
        String missing = refused(() -> Mdevs.forGuest(host, "00000000-0000-4000-8000-000000000000", "--mdev"));
        assertTrue(missing.contains("no such mdev") && missing.contains("passthru mdev create --type TYPE --uuid "
                + "00000000-0000-4000-8000-000000000000"), missing);
        String ccw = refused(() -> Mdevs.createForGuest(host, "vfio_ccw-io"));
        assertTrue(ccw.contains("device API vfio-ccw") && ccw.contains("vfio-pci mdevs only"), ccw);
        assertTrue(refused(() -> Mdevs.createForGuest(host, "nvidia-999")).contains("offers type nvidia-999"));
    }

    @Test
    void chooseTakesTheNamedParentOrTheFirstWithAnInstanceFree() {
        List<Mdevs.MdevType> all = List.of(
                new Mdevs.MdevType("pci_0000_06_00_0", "0000:06:00.0", "nvidia-63", null, "vfio-pci", 0),
                new Mdevs.MdevType("pci_0000_07_00_0", "0000:07:00.0", "nvidia-63", null, "vfio-pci", 2),
                new Mdevs.MdevType("mtty_mtty", "mtty", "mtty-2", "Dual port serial", "vfio-pci", 12));
        assertEquals("pci_0000_07_00_0", Mdevs.choose(all, "nvidia-63", null, "u").parent(), "the first one free");
        assertEquals("mtty_mtty", Mdevs.choose(all, "mtty-2", "mtty", "u").parent(), "by its mdevctl address");
        assertEquals("mtty_mtty", Mdevs.choose(all, "mtty-2", "mtty_mtty", "u").parent(), "by its node device name");
        String full = assertThrows(InvalidRequestException.class, () -> Mdevs.choose(all, "nvidia-63",
                "0000:06:00.0", "u")).getMessage();
        assertTrue(full.contains("no instance of mdev type nvidia-63 is free on u ([pci_0000_06_00_0] have none"),
                full);
        String none = assertThrows(InvalidRequestException.class, () -> Mdevs.choose(List.of(), "mtty-2", null, "u"))
                .getMessage();
        assertTrue(none.contains("no driver offering mediated devices is loaded"), none);
    }

    @Test
    void theDefinitionIsTheNodeDeviceXmlLibvirtTakes() {
        // as measured on the lab (libvirt 11.3, mdevctl 1.2): virNodeDeviceDefineXML made mdev_b1ae..._mtty of it
        assertEquals("<device><parent>mtty_mtty</parent><capability type='mdev'><type id='mtty-2'/><uuid>"
                + FREE + "</uuid></capability></device>", Mdevs.definitionXml("mtty_mtty", "mtty-2", FREE));
        assertTrue(Mdevs.definitionXml("p", "a'<b", FREE).contains("<type id='a&apos;&lt;b'/>"));
        assertTrue(Mdevs.isUuid(FREE.toUpperCase()));
        assertFalse(Mdevs.isUuid("mtty-2"));
        assertFalse(Mdevs.isUuid(FREE + "0"));
    }

    // ---- define --mdev

    private DomainDefiner.Command vm(String name) {
        return new DomainDefiner.Command(name).memoryMiB(256);
    }

    private List<String> domainNames() {
        return host.allDomains().stream().map(Host::name).sorted().toList();
    }

    @Test
    void defineGivesTheGuestAnMdevHostdevAndItIsThenHeld() {
        DomainDefiner definer = new DomainDefiner(new OperationJournal(mirror));
        DomainDefiner.Result r = definer.define(host, vm("vm-mdev").mdev(FREE.toUpperCase()), false);
        assertEquals(List.of("mdev " + FREE), r.devices());
        Domain d = XmlCodec.unmarshal(Host.xml(host.domain("vm-mdev"), true), Domain.class);
        List<DomainHostdev> mdevs = d.devices().hostdevs().stream().filter(DomainHostdev::isMdev).toList();
        assertEquals(1, mdevs.size(), r.xml());
        assertEquals(java.util.Optional.of(FREE), mdevs.get(0).mdevUuid());
        assertEquals("vfio-pci", mdevs.get(0).getModel());
        assertEquals("vm-mdev", Mdevs.find(host, FREE).orElseThrow().usedBy());

        // now held: a second guest is refused, naming the first
        String again = refused(() -> definer.define(host, vm("vm-two").mdev(FREE), false));
        assertTrue(again.contains("domain 'vm-mdev'"), again);
        assertFalse(domainNames().contains("vm-two"));
        // and the mdev cannot be removed
        assertTrue(refused(() -> {
            Mdevs.remove(host, FREE);
            return null;
        }).contains("domain 'vm-mdev'"));
    }

    @Test
    void defineRefusesBadMdevsAndDefinesNothing() {
        DomainDefiner definer = new DomainDefiner(new OperationJournal(mirror));
        List<String> domains = domainNames();
        assertTrue(refused(() -> definer.define(host, vm("vm-x").mdev(HELD), false)).contains("domain 'held-guest'"));
        assertTrue(refused(() -> definer.define(host, vm("vm-x").mdev("00000000-0000-4000-8000-000000000000"),
                false)).contains("no such mdev"));
        assertTrue(refused(() -> definer.define(host, vm("vm-x").mdev(FREE).mdev(FREE), false))
                .contains("given twice"));
        String unknown = refused(() -> definer.define(host, vm("vm-x").mdev("nvidia-999"), false));
        assertTrue(unknown.contains("nvidia-999") && unknown.contains("nvidia-222"), unknown);
        assertTrue(refused(() -> definer.define(host, vm("vm-x").mdev("nvidia-223"), false))
                .contains("no instance of mdev type nvidia-223 is free"));
        assertTrue(refused(() -> definer.define(host, vm("vm-x").mdev("vfio_ccw-io"), false))
                .contains("device API vfio-ccw"));
        // a type is created before the domain is defined: here libvirt's define of the mdev fails, nothing is left
        List<Mdevs.Mdev> before = Mdevs.list(host);
        assertThrows(LibvirtCallException.class, () -> definer.define(host, vm("vm-x").mdev("nvidia-222"), false));
        assertEquals(before, Mdevs.list(host));
        assertEquals(domains, domainNames(), "no domain defined");
    }

    @Test
    void aDryRunChecksATypeAndCreatesNothing() {
        DomainDefiner definer = new DomainDefiner(new OperationJournal(mirror));
        List<Mdevs.Mdev> before = Mdevs.list(host);
        DomainDefiner.Result r = definer.define(host, vm("vm-dry").mdev("nvidia-222").mdev(FREE), true);
        assertTrue(r.dryRun());
        assertEquals(List.of(), RelaxNg.errors("domain.rng", r.xml()), r.xml());
        Domain d = XmlCodec.unmarshal(r.xml(), Domain.class);
        List<String> uuids = d.devices().hostdevs().stream().filter(DomainHostdev::isMdev)
                .map(h -> h.mdevUuid().orElseThrow()).toList();
        assertEquals(2, uuids.size(), r.xml());
        assertEquals(FREE, uuids.get(1));
        assertTrue(Mdevs.isUuid(uuids.get(0)), "a UUID named for the type's mdev");
        assertEquals(before, Mdevs.list(host), "nothing created");
        assertFalse(domainNames().contains("vm-dry"));
        assertTrue(refused(() -> definer.define(host, vm("vm-dry").mdev("nvidia-223"), true))
                .contains("no instance"), "a dry run refuses what the definition would");
    }

    // ---- attach --mdev, detach --mdev: their refusals (the test driver attaches no hostdev to a persistent domain)

    @Test
    void attachAndDetachRefuseWithNothingChanged() {
        Hotplug hp = new Hotplug();
        String before = Host.xml(host.domain("held-guest"), false);
        String held = refused(() -> hp.attachMdev(host, "held-guest", HELD));
        assertTrue(held.contains("domain 'held-guest'") && held.contains("holds it"), held);
        assertTrue(refused(() -> hp.attachMdev(host, "held-guest", "00000000-0000-4000-8000-000000000000"))
                .contains("no such mdev"));
        assertTrue(refused(() -> hp.attachMdev(host, "held-guest", "bad")).contains("is not an mdev UUID"));
        assertTrue(refused(() -> hp.detachMdev(host, "held-guest", FREE)).contains("mdev " + FREE
                + " is not attached to domain 'held-guest'"));
        assertTrue(refused(() -> hp.detachMdev(host, "held-guest", "bad")).contains("is not an mdev UUID"));
        assertEquals(before, Host.xml(host.domain("held-guest"), false));
        assertThrows(PassthruException.class, () -> hp.attachMdev(host, "no-such-guest", FREE));
        assertNull(Mdevs.find(host, FREE).orElseThrow().usedBy());
    }
}
