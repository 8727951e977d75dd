package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <iqn name='..'/>} of an iSCSI initiator.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSourceInitiatorIqn extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public DomainDiskSourceInitiatorIqn() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
