package io.passthru.xml.nodedev;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <vendor id='0x8086'>Intel Corporation</vendor>} / {@code <product id='0x10ca'>82576 Virtual Function</product>}
 * (formatnode.html#pci).
 */
public class NodeDeviceIdName extends XmlAttributeCatchAll {
    @XmlAttribute(name = "id")
    private String id;
    @XmlValue
    private String name;

    public NodeDeviceIdName() {
    }

    /** Hex id as written, e.g. {@code 0x8086}. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Human-readable name. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
