package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <model name='pcie-root-port'/>} child of a PCI controller: the QEMU device
 * (formatdomain.html#pci-controllers).
 */
@XmlType(propOrder = {"extra"})
public class DomainControllerModel extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public DomainControllerModel() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
