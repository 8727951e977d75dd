package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The choice of migration mode from a domain's XML, the failover pairing rules and the destination XML. */
class MigrationModeTest {
    static final String VIRTIO = "<interface type='bridge'><mac address='52:54:00:00:00:01'/><source bridge='br0'/>"
            + "<model type='virtio'/>%s</interface>";
    static final String TEAMED_VIRTIO = String.format(VIRTIO, "<teaming type='persistent'/><alias name='ua-fo0'/>");
    static final String VF = "<interface type='hostdev' managed='yes'><mac address='%s'/><source><address "
            + "type='pci' domain='0x0000' bus='0x01' slot='0x10' function='0x0'/></source>%s</interface>";
    static final String TEAMED_VF = String.format(VF, "52:54:00:00:00:01",
            "<teaming type='transient' persistent='ua-fo0'/>");
    static final String PLAIN_VF = String.format(VF, "52:54:00:00:00:01", "");
    static final String HOSTDEV = "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' "
            + "bus='0x04' slot='0x00' function='0x0'/></source></hostdev>";

    static Domain domain(String... devices) {
        return XmlCodec.unmarshal("<domain type='kvm'><name>g</name><memory>262144</memory><os><type>hvm</type></os>"
                + "<devices>" + String.join("", devices) + "</devices></domain>", Domain.class);
    }

    @Test
    void autoPicksTheModeFromTheDevices() {
        assertEquals(MigrationFlow.Mode.FAILOVER,
                MigrationFlow.resolveMode(MigrationFlow.Mode.AUTO, domain(TEAMED_VIRTIO, TEAMED_VF), "g"));
        assertEquals(MigrationFlow.Mode.BOND,
                MigrationFlow.resolveMode(MigrationFlow.Mode.AUTO, domain(String.format(VIRTIO, ""), PLAIN_VF), "g"));
        assertEquals(MigrationFlow.Mode.PLAIN,
                MigrationFlow.resolveMode(null, domain(String.format(VIRTIO, "")), "g"));
        assertEquals(MigrationFlow.Mode.UNPLUG_REPLUG,
                MigrationFlow.resolveMode(MigrationFlow.Mode.UNPLUG_REPLUG, domain(PLAIN_VF), "g"));
    }

    @Test
    void modesThatDoNotFitAreRefusedNamingTheRightOne() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () ->
                MigrationFlow.resolveMode(MigrationFlow.Mode.BOND, domain(TEAMED_VIRTIO, TEAMED_VF), "g"));
        assertTrue(e.getMessage().contains("--mode failover"), e.getMessage());
        e = assertThrows(InvalidRequestException.class, () ->
                MigrationFlow.resolveMode(MigrationFlow.Mode.FAILOVER, domain(PLAIN_VF), "g"));
        assertTrue(e.getMessage().contains("attach --failover"), e.getMessage());
        e = assertThrows(InvalidRequestException.class, () ->
                MigrationFlow.resolveMode(MigrationFlow.Mode.PLAIN, domain(PLAIN_VF), "g"));
        assertTrue(e.getMessage().contains("holds a VF"), e.getMessage());
        e = assertThrows(InvalidRequestException.class, () ->
                MigrationFlow.resolveMode(MigrationFlow.Mode.BOND, domain(String.format(VIRTIO, "")), "g"));
        assertTrue(e.getMessage().contains("--mode plain"), e.getMessage());
    }

    @Test
    void hostdevsAndVfsNamedForHotplugLeaveTheGuestNetworkStrategyToTheOthers() {
        // a <hostdev> moves by the hotplug strategy: it no longer decides the mode
        assertEquals(MigrationFlow.Mode.PLAIN,
                MigrationFlow.resolveMode(MigrationFlow.Mode.AUTO, domain(HOSTDEV), "g"));
        assertEquals(MigrationFlow.Mode.BOND,
                MigrationFlow.resolveMode(MigrationFlow.Mode.AUTO, domain(String.format(VIRTIO, ""), PLAIN_VF,
                        HOSTDEV), "g"));
        // the only VF named for hotplug: a plain live migration for the rest
        io.passthru.xml.PciAddress source = domain(PLAIN_VF).devices().interfaces().get(0).sourcePciAddress()
                .orElseThrow();
        assertEquals(MigrationFlow.Mode.PLAIN, MigrationFlow.resolveMode(MigrationFlow.Mode.AUTO, domain(PLAIN_VF),
                "g", java.util.Set.of(source.toString())));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> MigrationFlow.resolveMode(
                MigrationFlow.Mode.BOND, domain(PLAIN_VF), "g", java.util.Set.of(source.toString())));
        assertTrue(e.getMessage().contains("--mode plain"), e.getMessage());
    }

    @Test
    void modeNamesAreTheCommandLineOnes() {
        assertEquals(MigrationFlow.Mode.UNPLUG_REPLUG, MigrationFlow.Mode.parse("unplug-replug"));
        assertThrows(InvalidRequestException.class, () -> MigrationFlow.Mode.parse("fast"));
    }

    @Test
    void failoverPairNeedsTheVirtioNicWithTheSameMac() {
        Domain ok = domain(TEAMED_VIRTIO, TEAMED_VF);
        DomainInterface vf = Failover.transientVf(ok).orElseThrow();
        assertEquals("ua-fo0", Failover.checkPaired(ok, "g", vf).alias());

        Domain otherMac = domain(TEAMED_VIRTIO, String.format(VF, "52:54:00:00:00:99",
                "<teaming type='transient' persistent='ua-fo0'/>"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () ->
                Failover.checkPaired(otherMac, "g", Failover.transientVf(otherMac).orElseThrow()));
        assertTrue(e.getMessage().contains("must be equal"), e.getMessage());

        Domain noPartner = domain(String.format(VIRTIO, ""), TEAMED_VF);
        e = assertThrows(InvalidRequestException.class, () ->
                Failover.checkPaired(noPartner, "g", Failover.transientVf(noPartner).orElseThrow()));
        assertTrue(e.getMessage().contains("no interface with that alias"), e.getMessage());
    }

    @Test
    void attachFailoverFindsThePersistentPartnerOrSaysHowToAddOne() {
        Failover.Pair p = Failover.persistentPartner(domain(TEAMED_VIRTIO), "g", null);
        assertEquals("ua-fo0", p.alias());
        assertEquals(MacAddress.parse("52:54:00:00:00:01"), p.mac());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () ->
                Failover.persistentPartner(domain(String.format(VIRTIO, "")), "g", null));
        assertTrue(e.getMessage().contains("<teaming type='persistent'/>") && e.getMessage().contains("restart"),
                e.getMessage());
        e = assertThrows(InvalidRequestException.class, () -> Failover.persistentPartner(
                domain(String.format(VIRTIO, "<teaming type='persistent'/>")), "g", null));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void theFailoverVfElementCarriesItsTeaming() {
        DomainInterface i = new PassthroughDevice.Vf(PciAddress.parse("0000:01:10.2"),
                MacAddress.parse("52:54:00:00:00:01"), null, false, "ua-fo0").element();
        String xml = XmlCodec.marshal(i);
        assertTrue(xml.contains("<teaming type=\"transient\" persistent=\"ua-fo0\"/>"), xml);
    }

    @Test
    void aVfOutsideAnyBondIsRefusedWithWhatTheGuestHasAndWhoOwnsItsLinks() {
        io.passthru.agent.GuestLink vf = new io.passthru.agent.GuestLink("enp5s0", "52:54:00:00:00:02", "UP", true,
                true, null, null, null, "pci");
        io.passthru.agent.GuestLink virtio = new io.passthru.agent.GuestLink("enp1s0", "52:54:00:00:00:01", "UP",
                true, true, null, null, null, "virtio");
        io.passthru.agent.GuestLink bond = new io.passthru.agent.GuestLink("bond0", "52:54:00:00:00:01", "UP", true,
                true, null, "bond");
        PciAddress addr = PciAddress.parse("0000:01:10.0");
        String none = MigrationFlow.notEnslaved(addr, vf, java.util.List.of(virtio, vf),
                io.passthru.agent.GuestLinkOwner.NONE_FOUND, "52:54:00:00:00:02");
        assertTrue(none.contains("the guest has no bond device") && none.contains("passthru attach --bond BOND")
                && none.contains("--mode unplug-replug") && none.contains("Nothing was changed"), none);
        String nm = MigrationFlow.notEnslaved(addr, vf, java.util.List.of(virtio, vf, bond),
                io.passthru.agent.GuestLinkOwner.NETWORK_MANAGER, "52:54:00:00:00:02");
        assertTrue(nm.contains("the guest's bonds [bond0] do not hold it") && nm.contains("NetworkManager manages")
                && nm.contains("ethernet.mac-address 52:54:00:00:00:02 master bond0 slave-type bond"), nm);
        String networkd = MigrationFlow.notEnslaved(addr, vf, java.util.List.of(virtio, vf, bond),
                io.passthru.agent.GuestLinkOwner.SYSTEMD_NETWORKD, "52:54:00:00:00:02");
        assertTrue(networkd.contains("systemd-networkd manages") && networkd.contains("Bond=bond0")
                && networkd.contains("MACAddress=52:54:00:00:00:02"), networkd);
    }
}
