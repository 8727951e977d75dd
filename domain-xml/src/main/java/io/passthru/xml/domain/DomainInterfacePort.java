package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <port isolated='yes'/>} (formatdomain.html#isolating-guests-s-network-traffic-from-each-other).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfacePort extends XmlCatchAll {
    @XmlAttribute(name = "isolated")
    private String isolated;

    public DomainInterfacePort() {
    }

    /** Raw {@code isolated} attribute, {@code null} if absent. */
    public String getIsolated() {
        return isolated;
    }

    public void setIsolated(String isolated) {
        this.isolated = isolated;
    }
}
