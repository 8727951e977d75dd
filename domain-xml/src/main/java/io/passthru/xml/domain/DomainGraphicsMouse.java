package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <mouse mode='..'/>} of SPICE graphics (formatdomain.html#graphical-framebuffers).
 */
@XmlType(propOrder = {"extra"})
public class DomainGraphicsMouse extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;

    public DomainGraphicsMouse() {
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
