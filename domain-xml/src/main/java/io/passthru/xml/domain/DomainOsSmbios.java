package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <smbios mode='emulate|host|sysinfo'/>} (formatdomain.html#operating-system-booting).
 */
@XmlType(propOrder = {"extra"})
public class DomainOsSmbios extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;

    public DomainOsSmbios() {
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
