package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <readahead size='65536'/>} of a curl disk source.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSourceReadahead extends XmlCatchAll {
    @XmlAttribute(name = "size")
    private String sizeRaw;

    public DomainDiskSourceReadahead() {
    }

    /** Raw {@code size} attribute text, decimal number. */
    public String getSizeRaw() {
        return sizeRaw;
    }

    public void setSizeRaw(String sizeRaw) {
        this.sizeRaw = sizeRaw;
    }

    /** {@code size} attribute as Long, {@code null} if absent. */
    public Long getSize() {
        return XmlValues.decimalLong(sizeRaw, "size");
    }

    public void setSize(Long size) {
        this.sizeRaw = XmlValues.decimal(size);
    }
}
