package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A hypervisor feature switched by {@code state='on'|'off'}, e.g. {@code <pmu state='off'/>}, {@code <hap/>}, {@code <relaxed state='on'/>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"extra"})
public class DomainFeatureState extends XmlCatchAll {
    @XmlAttribute(name = "state")
    private String state;

    public DomainFeatureState() {
    }

    /** {@code 'on'|'off'}, {@code null} if absent (feature enabled by presence). */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
