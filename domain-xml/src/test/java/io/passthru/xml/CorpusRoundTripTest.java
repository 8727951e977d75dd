package io.passthru.xml;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EVERY {@code *.xml} of libvirt's test corpus ({@code -Dlibvirt.testdata}) survives unmarshal → marshal: domain
 * XML, device fragments, node devices, domain capabilities and any other root (generic holder). No exemptions;
 * files that are not well-formed XML are not counted and are reported on a second line.
 */
class CorpusRoundTripTest {

    @Test
    void everyCorpusFileRoundTrips() {
        RoundTrip.Result r = RoundTrip.run(RoundTrip.allXml(TestData.root()));
        RoundTrip.report("roundtrip", r);
        assertTrue(r.files() > 2000, "expected libvirt's corpus, found " + r.files() + " files");
        assertEquals(List.of(), r.failures());
    }
}
