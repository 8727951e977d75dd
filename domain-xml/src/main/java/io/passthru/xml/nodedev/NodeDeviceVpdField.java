package io.passthru.xml.nodedev;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <vendor_field index='0'>..</vendor_field>} or {@code <system_field index='..'>} of PCI VPD (formatnode.html).
 */
public class NodeDeviceVpdField extends XmlAttributeCatchAll {
    @XmlAttribute(name = "index")
    private String index;
    @XmlValue
    private String value;

    public NodeDeviceVpdField() {
    }

    /** Raw {@code index} attribute, {@code null} if absent. */
    public String getIndex() {
        return index;
    }

    public void setIndex(String index) {
        this.index = index;
    }

    /** Element text, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
