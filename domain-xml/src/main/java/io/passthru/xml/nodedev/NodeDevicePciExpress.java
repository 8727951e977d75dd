package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <pci-express>} with its {@code <link>} children (formatnode.html#pci).
 */
@XmlType(propOrder = {"links", "extra"})
public class NodeDevicePciExpress extends XmlCatchAll {
    @XmlElement(name = "link")
    private List<NodeDevicePciExpressLink> links;

    public NodeDevicePciExpress() {
    }

    public List<NodeDevicePciExpressLink> getLinks() {
        if (links == null) {
            links = new ArrayList<>();
        }
        return links;
    }
}
