package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <mtu size='9000'/>} (formatdomain.html#mtu-configuration).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceMtu extends XmlCatchAll {
    @XmlAttribute(name = "size")
    private String sizeRaw;

    public DomainInterfaceMtu() {
    }

    /** Raw {@code size} attribute. */
    public String getSizeRaw() {
        return sizeRaw;
    }

    public void setSizeRaw(String sizeRaw) {
        this.sizeRaw = sizeRaw;
    }

    public Integer getSize() {
        return XmlValues.integer(sizeRaw, "mtu size");
    }

    public void setSize(Integer size) {
        this.sizeRaw = XmlValues.decimal(size);
    }
}
