package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <boot dev='hd'|'cdrom'|'network'|'fd'/>} in {@code <os>} (formatdomain.html#bios-bootloader).
 */
@XmlType(propOrder = {"extra"})
public class DomainOsBoot extends XmlCatchAll {
    @XmlAttribute(name = "dev")
    private String dev;

    public DomainOsBoot() {
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }
}
