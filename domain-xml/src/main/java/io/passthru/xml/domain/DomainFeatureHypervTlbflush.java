package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <tlbflush state='on'><direct state='on'/><extended state='on'/></tlbflush>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"direct", "extended", "extra"})
public class DomainFeatureHypervTlbflush extends XmlCatchAll {
    @XmlAttribute(name = "state")
    private String state;
    @XmlElement(name = "direct")
    private DomainFeatureState direct;
    @XmlElement(name = "extended")
    private DomainFeatureState extended;

    public DomainFeatureHypervTlbflush() {
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

    /** {@code <extended>}, {@code null} if absent. */
    public DomainFeatureState getExtended() {
        return extended;
    }

    public void setExtended(DomainFeatureState extended) {
        this.extended = extended;
    }
}
