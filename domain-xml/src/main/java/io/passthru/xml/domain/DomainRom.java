package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <rom bar='on|off' file='..' enabled='yes|no'/>} of a PCI device
 * (formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"extra"})
public class DomainRom extends XmlCatchAll {
    @XmlAttribute(name = "bar")
    private String bar;
    @XmlAttribute(name = "file")
    private String file;
    @XmlAttribute(name = "enabled")
    private String enabled;

    public DomainRom() {
    }

    /** {@code 'on'|'off'}. */
    public String getBar() {
        return bar;
    }

    public void setBar(String bar) {
        this.bar = bar;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    /** {@code 'yes'|'no'}. */
    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled;
    }
}
