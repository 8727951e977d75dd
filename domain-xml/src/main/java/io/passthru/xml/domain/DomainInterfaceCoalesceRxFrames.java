package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <frames max='7'/>} (formatdomain.html#coalesce-settings).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceCoalesceRxFrames extends XmlCatchAll {
    @XmlAttribute(name = "max")
    private String max;

    public DomainInterfaceCoalesceRxFrames() {
    }

    /** Raw {@code max} attribute, {@code null} if absent. */
    public String getMax() {
        return max;
    }

    public void setMax(String max) {
        this.max = max;
    }
}
