package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <tag id='42' nativeMode='untagged'/>} inside {@code <vlan>} (formatdomain.html#setting-vlan-tag-on-supported-network-types-only).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceVlanTag extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String idRaw;
    @XmlAttribute(name = "nativeMode")
    private String nativeMode;

    public DomainInterfaceVlanTag() {
    }

    /** Raw {@code id} attribute. */
    public String getIdRaw() {
        return idRaw;
    }

    public void setIdRaw(String idRaw) {
        this.idRaw = idRaw;
    }

    /** {@code 'tagged'|'untagged'}. */
    public String getNativeMode() {
        return nativeMode;
    }

    public void setNativeMode(String nativeMode) {
        this.nativeMode = nativeMode;
    }

    public Integer getId() {
        return XmlValues.integer(idRaw, "vlan tag id");
    }

    public void setId(Integer id) {
        this.idRaw = XmlValues.decimal(id);
    }
}
