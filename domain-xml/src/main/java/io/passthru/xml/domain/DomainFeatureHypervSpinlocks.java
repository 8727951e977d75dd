package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <spinlocks state='on' retries='4096'/>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"extra"})
public class DomainFeatureHypervSpinlocks extends XmlCatchAll {
    @XmlAttribute(name = "state")
    private String state;
    @XmlAttribute(name = "retries")
    private String retries;

    public DomainFeatureHypervSpinlocks() {
    }

    /** Raw {@code state} attribute, {@code null} if absent. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** Raw {@code retries} attribute, {@code null} if absent. */
    public String getRetries() {
        return retries;
    }

    public void setRetries(String retries) {
        this.retries = retries;
    }
}
