package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <openfiles .../>} of a virtiofsd {@code <binary>} (formatdomain.html#filesystems).
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemBinaryOpenFiles extends XmlCatchAll {
    @XmlAttribute(name = "max")
    private String maxRaw;

    public DomainFilesystemBinaryOpenFiles() {
    }

    /** Raw {@code max} attribute text, decimal number. */
    public String getMaxRaw() {
        return maxRaw;
    }

    public void setMaxRaw(String maxRaw) {
        this.maxRaw = maxRaw;
    }

    /** {@code max} attribute as Long, {@code null} if absent. */
    public Long getMax() {
        return XmlValues.decimalLong(maxRaw, "max");
    }

    public void setMax(Long max) {
        this.maxRaw = XmlValues.decimal(max);
    }
}
