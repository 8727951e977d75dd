package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <master startport='0'/>} of a USB companion controller (formatdomain.html#controllers).
 */
@XmlType(propOrder = {"extra"})
public class DomainControllerMaster extends XmlCatchAll {
    @XmlAttribute(name = "startport")
    private String startportRaw;

    public DomainControllerMaster() {
    }

    /** Raw {@code startport} attribute text, number (decimal or 0x hex). */
    public String getStartportRaw() {
        return startportRaw;
    }

    public void setStartportRaw(String startportRaw) {
        this.startportRaw = startportRaw;
    }

    /** {@code startport} attribute as Integer, {@code null} if absent. */
    public Integer getStartport() {
        return XmlValues.integer(startportRaw, "startport");
    }

    public void setStartport(Integer startport) {
        this.startportRaw = XmlValues.decimal(startport);
    }
}
