package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <vcpu max='255'/>} (formatdomaincaps.html#overview).
 */
@XmlType(propOrder = {"extra"})
public class DomainCapsVcpu extends XmlCatchAll {
    @XmlAttribute(name = "max")
    private String max;

    public DomainCapsVcpu() {
    }

    /** Raw {@code max} attribute, {@code null} if absent. */
    public String getMax() {
        return max;
    }

    public void setMax(String max) {
        this.max = max;
    }
}
