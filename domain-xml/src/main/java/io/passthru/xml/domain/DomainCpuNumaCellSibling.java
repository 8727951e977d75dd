package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <sibling id='1' value='21'/>} in a NUMA cell's {@code <distances>} (formatdomain.html#numa-topology).
 */
@XmlType(propOrder = {"extra"})
public class DomainCpuNumaCellSibling extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String id;
    @XmlAttribute(name = "value")
    private String value;

    public DomainCpuNumaCellSibling() {
    }

    /** Raw {@code id} attribute, {@code null} if absent. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Raw {@code value} attribute, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
