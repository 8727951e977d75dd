package io.passthru.xml.domain;

import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison used by {@code CorpusRoundTripTest} notices lost content. */
class DomainRoundTripTest {

    /** The comparison used above does notice a lost element, so the zero above means something. */
    @Test
    void comparisonDetectsALostElement() {
        String xml = TestData.read("domain/net-hostdev-vfio.x86_64-latest.xml");
        Domain d = XmlCodec.unmarshal(xml, Domain.class);
        d.getDevices().interfaces().get(0).setVlan(null);
        assertTrue(TestData.similar(xml, XmlCodec.marshal(d)).hasDifferences());
        d.getDevices().interfaces().get(0).setVirtualport(null);
        assertTrue(TestData.similar(xml, XmlCodec.marshal(d)).hasDifferences());
        assertFalse(TestData.similar(xml, XmlCodec.marshal(XmlCodec.unmarshal(xml, Domain.class))).hasDifferences());
    }
}
