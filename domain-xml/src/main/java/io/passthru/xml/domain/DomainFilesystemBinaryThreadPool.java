package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <thread_pool .../>} of a virtiofsd {@code <binary>} (formatdomain.html#filesystems).
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemBinaryThreadPool extends XmlCatchAll {
    @XmlAttribute(name = "size")
    private String sizeRaw;

    public DomainFilesystemBinaryThreadPool() {
    }

    /** Raw {@code size} attribute text, number (decimal or 0x hex). */
    public String getSizeRaw() {
        return sizeRaw;
    }

    public void setSizeRaw(String sizeRaw) {
        this.sizeRaw = sizeRaw;
    }

    /** {@code size} attribute as Integer, {@code null} if absent. */
    public Integer getSize() {
        return XmlValues.integer(sizeRaw, "size");
    }

    public void setSize(Integer size) {
        this.sizeRaw = XmlValues.decimal(size);
    }
}
