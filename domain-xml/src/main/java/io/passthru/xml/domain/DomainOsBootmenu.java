package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <bootmenu enable='yes' timeout='3000'/>} (formatdomain.html#operating-system-booting).
 */
@XmlType(propOrder = {"extra"})
public class DomainOsBootmenu extends XmlCatchAll {
    @XmlAttribute(name = "enable")
    private String enable;
    @XmlAttribute(name = "timeout")
    private String timeout;

    public DomainOsBootmenu() {
    }

    /** Raw {@code enable} attribute, {@code null} if absent. */
    public String getEnable() {
        return enable;
    }

    public void setEnable(String enable) {
        this.enable = enable;
    }

    /** Raw {@code timeout} attribute, {@code null} if absent. */
    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
