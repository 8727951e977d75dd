package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * A {@link DomainChardev} with the optional {@code tty} attribute (live XML of type pty): libvirt's {@code qemucdev}
 * define, shared by {@code <serial>}, {@code <parallel>} and {@code <console>} ({@code <channel>} has no tty).
 */
@XmlTransient
public abstract class DomainQemuCdev extends DomainChardev {
    @XmlAttribute(name = "tty")
    private String tty;

    protected DomainQemuCdev() {
    }

    public String getTty() {
        return tty;
    }

    public void setTty(String tty) {
        this.tty = tty;
    }
}
