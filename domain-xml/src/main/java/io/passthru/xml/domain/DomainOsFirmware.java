package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <os><firmware>}: features required of an automatically selected firmware (formatdomain.html#operating-system-booting).
 */
@XmlType(propOrder = {"features", "extra"})
public class DomainOsFirmware extends XmlCatchAll {
    @XmlElement(name = "feature")
    private List<DomainOsFirmwareFeature> features;

    public DomainOsFirmware() {
    }

    /** The {@code <feature>} children in document order; live, never {@code null}. */
    public List<DomainOsFirmwareFeature> getFeatures() {
        if (features == null) {
            features = new ArrayList<>();
        }
        return features;
    }
}
