package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <async-teardown enabled='yes'/>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"extra"})
public class DomainFeatureAsyncTeardown extends XmlCatchAll {
    @XmlAttribute(name = "enabled")
    private String enabled;

    public DomainFeatureAsyncTeardown() {
    }

    /** Raw {@code enabled} attribute, {@code null} if absent. */
    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled;
    }
}
