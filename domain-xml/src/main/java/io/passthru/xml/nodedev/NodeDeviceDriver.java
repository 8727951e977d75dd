package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver><name>vfio-pci</name></driver>}: the host driver bound to the device (formatnode.html).
 */
@XmlType(propOrder = {"name", "extra"})
public class NodeDeviceDriver extends XmlCatchAll {
    @XmlElement(name = "name")
    private String name;

    public NodeDeviceDriver() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
