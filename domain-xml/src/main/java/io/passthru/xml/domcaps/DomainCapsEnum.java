package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <enum name='pciBackend'><value>vfio</value></enum>} (formatdomaincaps.html).
 */
@XmlType(propOrder = {"values", "extra"})
public class DomainCapsEnum extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlElement(name = "value")
    private List<String> values;

    public DomainCapsEnum() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Values in order. */
    public List<String> getValues() {
        if (values == null) {
            values = new ArrayList<>();
        }
        return values;
    }
}
