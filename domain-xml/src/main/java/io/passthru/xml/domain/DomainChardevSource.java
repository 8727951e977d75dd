package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source mode='bind'|'connect' path='..'/>} of a character device such as a channel
 * (formatdomain.html#consoles-serial-parallel-channel-devices). Host/service and other attributes in the catch-all.
 */
@XmlType(propOrder = {"extra"})
public class DomainChardevSource extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "path")
    private String path;

    public DomainChardevSource() {
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
