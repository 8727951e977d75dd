package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <event name='cmt' enabled='yes'/>} (formatdomain.html#performance-monitoring-events).
 */
@XmlType(propOrder = {"extra"})
public class DomainPerfEvent extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "enabled")
    private String enabled;

    public DomainPerfEvent() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code enabled} attribute, {@code null} if absent. */
    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled;
    }
}
