package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <blockers model='Broadwell'>}: the host features missing for a custom CPU model (formatdomaincaps.html#cpu-configuration).
 */
@XmlType(propOrder = {"features", "extra"})
public class DomainCapsCpuBlockers extends XmlCatchAll {
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "feature")
    private List<DomainCapsCpuFeature> features;

    public DomainCapsCpuBlockers() {
    }

    /** Raw {@code model} attribute, {@code null} if absent. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** The {@code <feature>} children in document order; live, never {@code null}. */
    public List<DomainCapsCpuFeature> getFeatures() {
        if (features == null) {
            features = new ArrayList<>();
        }
        return features;
    }
}
