package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <playback compression='..'/>} of SPICE graphics (formatdomain.html#graphical-framebuffers).
 */
@XmlType(propOrder = {"extra"})
public class DomainGraphicsPlayback extends XmlCatchAll {
    @XmlAttribute(name = "compression")
    private String compressionRaw;

    public DomainGraphicsPlayback() {
    }

    /** Raw {@code compression} attribute text, {@code 'on'|'off'}. */
    public String getCompressionRaw() {
        return compressionRaw;
    }

    public void setCompressionRaw(String compressionRaw) {
        this.compressionRaw = compressionRaw;
    }

    /** {@code compression} attribute as Boolean, {@code null} if absent. */
    public Boolean getCompression() {
        return XmlValues.onOff(compressionRaw, "compression");
    }

    public void setCompression(Boolean compression) {
        this.compressionRaw = XmlValues.onOff(compression);
    }
}
