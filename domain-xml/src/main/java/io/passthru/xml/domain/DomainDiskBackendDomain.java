package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <backenddomain name='..'/>} of a Xen disk.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskBackendDomain extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public DomainDiskBackendDomain() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
