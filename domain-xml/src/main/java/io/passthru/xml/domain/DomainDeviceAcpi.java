package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <acpi index='1'/>} of a device: ACPI index of the device (formatdomain.html#devices).
 */
@XmlType(propOrder = {"extra"})
public class DomainDeviceAcpi extends XmlCatchAll {
    @XmlAttribute(name = "index")
    private String indexRaw;

    public DomainDeviceAcpi() {
    }

    /** Raw {@code index} attribute text, number (decimal or 0x hex). */
    public String getIndexRaw() {
        return indexRaw;
    }

    public void setIndexRaw(String indexRaw) {
        this.indexRaw = indexRaw;
    }

    /** {@code index} attribute as Integer, {@code null} if absent. */
    public Integer getIndex() {
        return XmlValues.integer(indexRaw, "index");
    }

    public void setIndex(Integer index) {
        this.indexRaw = XmlValues.decimal(index);
    }
}
