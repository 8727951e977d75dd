package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <link state='up'|'down'/>} (formatdomain.html#modifying-virtual-link-state).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceLink extends XmlCatchAll {
    @XmlAttribute(name = "state")
    private String state;

    public DomainInterfaceLink() {
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
