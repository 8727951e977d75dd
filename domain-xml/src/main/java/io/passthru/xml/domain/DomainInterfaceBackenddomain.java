package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <backenddomain name='..'/>} (Xen driver domain, formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceBackenddomain extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public DomainInterfaceBackenddomain() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
