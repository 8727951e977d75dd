package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <smm state='on'><tseg unit='MiB'>48</tseg></smm>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"tseg", "extra"})
public class DomainFeatureSmm extends XmlCatchAll {
    @XmlAttribute(name = "state")
    private String state;
    @XmlElement(name = "tseg")
    private DomainScaledInteger tseg;

    public DomainFeatureSmm() {
    }

    /** Raw {@code state} attribute, {@code null} if absent. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** {@code <tseg>}, {@code null} if absent. */
    public DomainScaledInteger getTseg() {
        return tseg;
    }

    public void setTseg(DomainScaledInteger tseg) {
        this.tseg = tseg;
    }
}
