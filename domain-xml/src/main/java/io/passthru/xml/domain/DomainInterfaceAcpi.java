package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <acpi index='1'/>}: the guest's predictable NIC name index (formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceAcpi extends XmlCatchAll {
    @XmlAttribute(name = "index")
    private String index;

    public DomainInterfaceAcpi() {
    }

    /** Raw {@code index} attribute, {@code null} if absent. */
    public String getIndex() {
        return index;
    }

    public void setIndex(String index) {
        this.index = index;
    }
}
