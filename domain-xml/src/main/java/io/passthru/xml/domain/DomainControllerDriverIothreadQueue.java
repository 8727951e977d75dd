package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <queue id='1'/>} of a controller iothread mapping.
 */
@XmlType(propOrder = {"extra"})
public class DomainControllerDriverIothreadQueue extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String idRaw;

    public DomainControllerDriverIothreadQueue() {
    }

    /** Raw {@code id} attribute text, number (decimal or 0x hex). */
    public String getIdRaw() {
        return idRaw;
    }

    public void setIdRaw(String idRaw) {
        this.idRaw = idRaw;
    }

    /** {@code id} attribute as Integer, {@code null} if absent. */
    public Integer getId() {
        return XmlValues.integer(idRaw, "id");
    }

    public void setId(Integer id) {
        this.idRaw = XmlValues.decimal(id);
    }
}
