package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target dev='vnet0'/>}: host-side tap/macvtap name (formatdomain.html#overriding-the-target-element).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceTarget extends XmlCatchAll {
    @XmlAttribute(name = "dev")
    private String dev;

    public DomainInterfaceTarget() {
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }
}
