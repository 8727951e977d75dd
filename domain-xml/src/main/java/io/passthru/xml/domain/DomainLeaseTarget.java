package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target path='/some/lease/path' offset='1024'/>} of a lease.
 */
@XmlType(propOrder = {"extra"})
public class DomainLeaseTarget extends XmlCatchAll {
    @XmlAttribute(name = "path")
    private String path;
    @XmlAttribute(name = "offset")
    private String offsetRaw;

    public DomainLeaseTarget() {
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** Raw {@code offset} attribute text, decimal number. */
    public String getOffsetRaw() {
        return offsetRaw;
    }

    public void setOffsetRaw(String offsetRaw) {
        this.offsetRaw = offsetRaw;
    }

    /** {@code offset} attribute as Long, {@code null} if absent. */
    public Long getOffset() {
        return XmlValues.decimalLong(offsetRaw, "offset");
    }

    public void setOffset(Long offset) {
        this.offsetRaw = XmlValues.decimal(offset);
    }
}
