package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <guest dev='eth0' actual='..'/>} (containers, formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceGuest extends XmlCatchAll {
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlAttribute(name = "actual")
    private String actual;

    public DomainInterfaceGuest() {
    }

    /** Raw {@code dev} attribute, {@code null} if absent. */
    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    /** Raw {@code actual} attribute, {@code null} if absent. */
    public String getActual() {
        return actual;
    }

    public void setActual(String actual) {
        this.actual = actual;
    }
}
