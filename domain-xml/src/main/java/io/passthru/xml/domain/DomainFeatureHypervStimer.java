package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <stimer state='on'><direct state='on'/></stimer>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"direct", "extra"})
public class DomainFeatureHypervStimer extends XmlCatchAll {
    @XmlAttribute(name = "state")
    private String state;
    @XmlElement(name = "direct")
    private DomainFeatureState direct;

    public DomainFeatureHypervStimer() {
    }

    /** Raw {@code state} attribute, {@code null} if absent. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** {@code <direct>}, {@code null} if absent. */
    public DomainFeatureState getDirect() {
        return direct;
    }

    public void setDirect(DomainFeatureState direct) {
        this.direct = direct;
    }
}
