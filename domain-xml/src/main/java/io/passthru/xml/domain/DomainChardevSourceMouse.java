package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <mouse mode='client'/>} of a qemu-vdagent source (formatdomain.html#channel).
 */
@XmlType(propOrder = {"extra"})
public class DomainChardevSourceMouse extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;

    public DomainChardevSourceMouse() {
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
