package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <vendor id='0x1234'/>} or {@code <product id='0xbeef'/>} of a USB hostdev source (formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"extra"})
public class DomainHostdevSourceId extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String id;

    public DomainHostdevSourceId() {
    }

    /** Raw {@code id} attribute, {@code null} if absent. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
