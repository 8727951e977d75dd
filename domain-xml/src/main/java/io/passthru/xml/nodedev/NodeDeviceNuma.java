package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <numa node='0'/>} of a PCI device (formatnode.html#pci).
 */
@XmlType(propOrder = {"extra"})
public class NodeDeviceNuma extends XmlCatchAll {
    @XmlAttribute(name = "node")
    private String node;

    public NodeDeviceNuma() {
    }

    /** Raw NUMA node number. */
    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
    }
}
