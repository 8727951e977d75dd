package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <feature enabled='yes' name='secure-boot'/>} of {@code <os><firmware>} (formatdomain.html#operating-system-booting).
 */
@XmlType(propOrder = {"extra"})
public class DomainOsFirmwareFeature extends XmlCatchAll {
    @XmlAttribute(name = "enabled")
    private String enabled;
    @XmlAttribute(name = "name")
    private String name;

    public DomainOsFirmwareFeature() {
    }

    /** Raw {@code enabled} attribute, {@code null} if absent. */
    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled;
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
