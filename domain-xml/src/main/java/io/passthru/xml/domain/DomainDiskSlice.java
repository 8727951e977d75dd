package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <slice type='storage' offset='..' size='..'/>} of a disk source.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSlice extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "offset")
    private String offsetRaw;
    @XmlAttribute(name = "size")
    private String sizeRaw;

    public DomainDiskSlice() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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
