package io.passthru.xml.domain;

import io.passthru.xml.RoundTrip;
import io.passthru.xml.TestData;
import io.passthru.xml.XmlCodec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** libvirt's own domain XML (the test corpus) survives unmarshal → marshal (XMLUnit-similar). */
class DomainRoundTripTest {

    @Test
    void allDomainXmlFilesRoundTrip() {
        RoundTrip.Result r = RoundTrip.run(TestData.xmlFiles("domain"), Map.of("domain", Domain.class));
        RoundTrip.report("roundtrip", r);
        assertTrue(r.files() > 1500, "expected the domain corpus, found " + r.files() + " domain files");
        assertEquals(List.of(), r.failures());
    }

    @Test
    void liveAndGenericDomainXmlAndHotplugFragmentsRoundTrip() {
        List<Path> files = new ArrayList<>(TestData.xmlFiles("hotplug-domains"));
        files.addAll(TestData.xmlFiles("domain-generic"));
        files.addAll(TestData.xmlFiles("hotplug-devices"));
        RoundTrip.Result r = RoundTrip.run(files, Map.of("domain", Domain.class, "hostdev", DomainHostdev.class,
                "interface", DomainInterface.class, "channel", DomainChannel.class,
                "controller", DomainController.class));
        RoundTrip.report("roundtrip hotplug-domains+domain-generic+hotplug-devices", r);
        assertTrue(r.files() > 80, "found only " + r.files() + " files");
        assertEquals(List.of(), r.failures());
    }

    /** The comparison used above does notice a lost element, so the zero above means something. */
    @Test
    void comparisonDetectsALostElement() {
        String xml = TestData.read("domain/net-hostdev-vfio.x86_64-latest.xml");
        Domain d = XmlCodec.unmarshal(xml, Domain.class);
        d.getDevices().interfaces().get(0).setVlan(null);
        assertTrue(TestData.similar(xml, XmlCodec.marshal(d)).hasDifferences());
        d.getDevices().interfaces().get(0).getExtra().clear(); // drops <virtualport>
        assertTrue(TestData.similar(xml, XmlCodec.marshal(d)).hasDifferences());
        assertFalse(TestData.similar(xml, XmlCodec.marshal(XmlCodec.unmarshal(xml, Domain.class))).hasDifferences());
    }
}
