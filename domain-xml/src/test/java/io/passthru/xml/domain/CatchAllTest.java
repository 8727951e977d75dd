package io.passthru.xml.domain;

import io.passthru.xml.PciAddress;
import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Elements and attributes the model does not know survive, inside the element they were in. */
class CatchAllTest {
    private static final String XML = """
            <domain type='kvm' futureDomainAttr='1'>
              <name>vm</name>
              <devices>
                <hostdev mode='subsystem' type='pci' managed='yes' futureAttr='x'>
                  <driver name='vfio' futureDriverAttr='d'/>
                  <source startupPolicy='optional'>
                    <address domain='0x0000' bus='0x01' slot='0x10' function='0x2' futureAddrAttr='a'/>
                    <futureSourceChild/>
                  </source>
                  <futureChild level='3'><deep>text</deep></futureChild>
                  <f:ext xmlns:f='urn:future'>ns</f:ext>
                </hostdev>
                <futureDevice kind='new'><x/></futureDevice>
                <interface type='hostdev' managed='no' futureIfAttr='y'>
                  <mac address='52:54:00:00:00:01' type='static'/>
                  <source><address type='pci' domain='0x0000' bus='0x01' slot='0x10' function='0x3'/></source>
                  <coalesce><rx><frames max='7'/></rx></coalesce>
                  <vlan trunk='yes'><tag id='10'/><tag id='20' nativeMode='untagged'/></vlan>
                </interface>
              </devices>
              <futureTopLevel a='b'/>
            </domain>
            """;

    @Test
    void unknownContentSurvivesInPlace() {
        Domain d = XmlCodec.unmarshal(XML, Domain.class);
        assertEquals("1", d.getExtraAttribute("futureDomainAttr"));
        assertEquals("futureTopLevel", d.getExtra().get(0).getLocalName());

        List<Object> devs = d.getDevices().getDevices();
        assertInstanceOf(DomainHostdev.class, devs.get(0));
        assertEquals("futureDevice", ((Element) devs.get(1)).getLocalName());
        assertInstanceOf(DomainInterface.class, devs.get(2));

        DomainHostdev h = (DomainHostdev) devs.get(0);
        assertEquals("x", h.getExtraAttribute("futureAttr"));
        assertEquals("d", h.getDriver().getExtraAttribute("futureDriverAttr"));
        assertEquals("a", h.getSource().getAddress().getExtraAttribute("futureAddrAttr"));
        assertEquals("futureSourceChild", h.getSource().getExtra().get(0).getLocalName());
        assertEquals(List.of("futureChild", "ext"), h.getExtra().stream().map(Element::getLocalName).toList());
        assertEquals("urn:future", h.getExtra().get(1).getNamespaceURI());

        DomainInterface i = (DomainInterface) devs.get(2);
        assertEquals(Boolean.FALSE, i.getManaged());
        assertEquals("y", i.getExtraAttributes().get(new QName("futureIfAttr")));
        assertEquals("static", i.getMac().getExtraAttribute("type"));
        assertEquals("7", i.getCoalesce().getRx().getFrames().getMax(), "coalesce is typed");
        assertEquals(List.of(), i.getExtra());
        assertEquals("yes", i.getVlan().getTrunk());
        assertEquals("untagged", i.getVlan().getTags().get(1).getNativeMode());

        String out = XmlCodec.marshal(d);
        assertFalse(TestData.similar(XML, out).hasDifferences(), () -> TestData.similar(XML, out) + "\n" + out);
        // the device order (hostdev, unknown device, interface) is kept
        assertTrue(out.indexOf("<hostdev") < out.indexOf("<futureDevice") && out.indexOf("<futureDevice") < out.indexOf("<interface"), out);
    }

    @Test
    void unknownContentSurvivesEditsOfTypedFields() {
        Domain d = XmlCodec.unmarshal(XML, Domain.class);
        DomainHostdev h = d.getDevices().hostdevs().get(0);
        h.getSource().getAddress().setPci(PciAddress.parse("0000:02:00.1"));
        h.setManaged(false);
        Domain back = XmlCodec.unmarshal(XmlCodec.marshal(d), Domain.class);
        DomainHostdev h2 = back.getDevices().hostdevs().get(0);
        assertEquals(PciAddress.parse("0000:02:00.1"), h2.sourcePciAddress().orElseThrow());
        assertEquals("0x00", h2.getSource().getAddress().getSlot());
        assertEquals("a", h2.getSource().getAddress().getExtraAttribute("futureAddrAttr"));
        assertEquals("text", ((Element) h2.getExtra().get(0).getElementsByTagName("deep").item(0)).getTextContent());
        assertEquals(Boolean.FALSE, h2.getManaged());
    }

    @Test
    void absentAndNoStayDifferent() {
        String xml = "<interface type='hostdev'><source><address type='pci' bus='0x01' slot='0x10' function='0x3'/>"
                + "</source></interface>";
        DomainInterface i = XmlCodec.unmarshal(xml, DomainInterface.class);
        assertNull(i.getManaged());
        assertNull(i.getSource().getAddress().getDomain());
        assertEquals(PciAddress.parse("0000:01:10.3"), i.sourcePciAddress().orElseThrow(), "missing domain is 0");
        assertFalse(XmlCodec.marshal(i).contains("managed"));
        assertFalse(XmlCodec.marshal(i).contains("domain="), "no attribute is invented");
    }

    @Test
    void unusedNamespaceDeclarationsAreNotCopiedOntoUnknownDevices() {
        String xml = TestData.read("domain/qemu-ns-commandline.x86_64-latest.xml");
        String out = XmlCodec.marshal(XmlCodec.unmarshal(xml, Domain.class));
        assertTrue(out.contains("<qemu:commandline xmlns:qemu=\"http://libvirt.org/schemas/domain/qemu/1.0\">"), out);
        assertEquals(1, out.split("xmlns:qemu", -1).length - 1, out);
    }

    @Test
    void metadataPut() {
        Domain d = XmlCodec.unmarshal(TestData.read("domain/metadata.xml"), Domain.class);
        assertEquals(2, d.getMetadata().getExtra().size());
        d.metadata().put(XmlCodec.parseElement("<p:vf xmlns:p='urn:passthru'>0000:01:10.2</p:vf>"));
        d.metadata().put(XmlCodec.parseElement("<p:vf xmlns:p='urn:passthru'>0000:01:10.3</p:vf>"));
        Domain back = XmlCodec.unmarshal(XmlCodec.marshal(d), Domain.class);
        assertEquals(3, back.getMetadata().getExtra().size());
        assertEquals("0000:01:10.3", back.getMetadata().find("urn:passthru", "vf").orElseThrow().getTextContent());
        assertEquals("fooish", back.getMetadata().find("http://foo.org/", "foo").orElseThrow().getTextContent());
    }
}
