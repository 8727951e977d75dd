package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <snapshot name='..'/>} of an rbd disk source.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSourceSnapshot extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public DomainDiskSourceSnapshot() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
