package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <image compression='..'/>} of SPICE graphics (formatdomain.html#graphical-framebuffers).
 */
@XmlType(propOrder = {"extra"})
public class DomainGraphicsImage extends XmlCatchAll {
    @XmlAttribute(name = "compression")
    private String compression;

    public DomainGraphicsImage() {
    }

    public String getCompression() {
        return compression;
    }

    public void setCompression(String compression) {
        this.compression = compression;
    }
}
