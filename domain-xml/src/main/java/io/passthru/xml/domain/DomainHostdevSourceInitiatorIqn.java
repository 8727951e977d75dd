package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <iqn name='iqn.2020-07.com.example:test'/>} (formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"extra"})
public class DomainHostdevSourceInitiatorIqn extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public DomainHostdevSourceInitiatorIqn() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
