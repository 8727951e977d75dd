package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <parameter name='IP' value='10.0.0.1'/>} of a filterref (formatdomain.html#traffic-filtering-with-nwfilter).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceFilterrefParameter extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "value")
    private String value;

    public DomainInterfaceFilterrefParameter() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code value} attribute, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
