package io.passthru.xml;

import io.passthru.PassthruException;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainAddress;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.nodedev.NodeDevice;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XmlCodecTest {

    @Test
    void warmUpBuildsTheContextOnceAndLeavesReadingUnchanged() {
        XmlCodec.warmUp(); // its own small domain must stay readable by the model: a throw here is a broken warm-up
        XmlCodec.warmUp();
        assertNotNull(XmlCodec.context());
        Domain d = XmlCodec.unmarshal("<domain type='kvm'><name>after</name></domain>", Domain.class);
        assertEquals("after", d.getName());
    }

    @Test
    void wrongRootIsRefusedNamingExpectedAndActual() {
        String nodedev = TestData.read("nodedev/pci_0000_02_10_7_sriov.xml");
        InvalidXmlException e = assertThrows(InvalidXmlException.class, () -> XmlCodec.unmarshal(nodedev, Domain.class));
        assertTrue(e.getMessage().contains("<domain>") && e.getMessage().contains("Domain")
                && e.getMessage().contains("<device>"), e.getMessage());
        assertInstanceOf(PassthruException.class, e);
    }

    @Test
    void notWellFormedIsWrapped() {
        InvalidXmlException e = assertThrows(InvalidXmlException.class,
                () -> XmlCodec.unmarshal("<domain><name>x</domain>", Domain.class));
        assertTrue(e.getMessage().contains("<domain> (Domain)"), e.getMessage());
        assertThrows(InvalidXmlException.class, () -> XmlCodec.unmarshal(null, Domain.class));
        String broken = TestData.read("domain/broken-xml-invalid.xml");
        assertThrows(InvalidXmlException.class, () -> XmlCodec.unmarshal(broken, Domain.class));
    }

    @Test
    void doctypeAndExternalEntitiesAreRefused() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<domain type='kvm'><name>&x;</name></domain>";
        assertThrows(InvalidXmlException.class, () -> XmlCodec.unmarshal(xxe, Domain.class));
    }

    @Test
    void marshalWritesNoDeclarationIndentedByTwo() {
        Domain d = new Domain();
        d.setType("kvm");
        d.setName("vm1");
        d.devices().add(DomainHostdev.pciVfio(PciAddress.parse("0000:01:10.2")));
        String xml = XmlCodec.marshal(d);
        assertFalse(xml.startsWith("<?xml"), xml);
        assertTrue(xml.startsWith("<domain type=\"kvm\">\n  <name>vm1</name>\n  <devices>\n    <hostdev "), xml);
        assertEquals("vm1", XmlCodec.unmarshal(xml, Domain.class).getName());
    }

    @Test
    void marshalOfNonRootNamesTheClass() {
        InvalidXmlException e = assertThrows(InvalidXmlException.class, () -> XmlCodec.marshal(new DomainAddress()));
        assertTrue(e.getMessage().contains(DomainAddress.class.getName()), e.getMessage());
        assertThrows(InvalidXmlException.class, () -> XmlCodec.marshal(null));
    }

    @Test
    void copyIsDeepAndEqualInXml() {
        Domain d = XmlCodec.unmarshal(TestData.read("domain/hostdev-vfio.x86_64-latest.xml"), Domain.class);
        Domain c = XmlCodec.copy(d);
        assertNotSame(d, c);
        assertEquals(XmlCodec.marshal(d), XmlCodec.marshal(c));
        c.getDevices().hostdevs().get(0).setManaged(false);
        assertEquals(Boolean.TRUE, d.getDevices().hostdevs().get(0).getManaged());
    }

    @Test
    void nonUtf8TextSurvives() {
        Domain d = new Domain();
        d.setName("vm");
        d.setDescription("Zürich – 東京 <&>");
        assertEquals("Zürich – 東京 <&>", XmlCodec.unmarshal(XmlCodec.marshal(d), Domain.class).getDescription());
    }

    @Test
    void parseElementForMetadata() {
        Element e = XmlCodec.parseElement("<p:vf xmlns:p='urn:passthru'>0000:01:10.2</p:vf>");
        assertEquals("urn:passthru", e.getNamespaceURI());
        assertEquals("vf", e.getLocalName());
        assertThrows(InvalidXmlException.class, () -> XmlCodec.parseElement("<a>"));
    }

    @Test
    void rootsIncludeAllDocumentKinds() {
        assertTrue(XmlCodec.rootClasses().contains(NodeDevice.class));
        assertEquals("domain", XmlCodec.rootElementName(Domain.class));
        assertEquals("hostdev", XmlCodec.rootElementName(DomainHostdev.class));
    }
}
