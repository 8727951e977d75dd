package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <feature name='rx'/>}: an offload feature of a net capability (formatnode.html).
 */
@XmlType(propOrder = {"extra"})
public class NodeDeviceFeature extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public NodeDeviceFeature() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
