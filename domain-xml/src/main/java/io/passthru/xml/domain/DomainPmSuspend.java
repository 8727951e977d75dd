package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <suspend-to-mem enabled='no'/>} or {@code <suspend-to-disk>} (formatdomain.html#power-management).
 */
@XmlType(propOrder = {"extra"})
public class DomainPmSuspend extends XmlCatchAll {
    @XmlAttribute(name = "enabled")
    private String enabled;

    public DomainPmSuspend() {
    }

    /** Raw {@code enabled} attribute, {@code null} if absent. */
    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled;
    }
}
