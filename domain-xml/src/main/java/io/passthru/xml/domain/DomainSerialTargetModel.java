package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <model name='isa-serial'|'pci-serial'|'usb-serial'|'pl011'|...'/>} of a serial target.
 */
@XmlType(propOrder = {"extra"})
public class DomainSerialTargetModel extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public DomainSerialTargetModel() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
