package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <zlib compression='..'/>} of SPICE graphics (formatdomain.html#graphical-framebuffers).
 */
@XmlType(propOrder = {"extra"})
public class DomainGraphicsZlib extends XmlCatchAll {
    @XmlAttribute(name = "compression")
    private String compression;

    public DomainGraphicsZlib() {
    }

    public String getCompression() {
        return compression;
    }

    public void setCompression(String compression) {
        this.compression = compression;
    }
}
