package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <cache level='3' mode='emulate'/>}; mode {@code emulate|passthrough|disable} (formatdomain.html#cpu-model-and-topology).
 */
@XmlType(propOrder = {"extra"})
public class DomainCpuCache extends XmlCatchAll {
    @XmlAttribute(name = "level")
    private String level;
    @XmlAttribute(name = "mode")
    private String mode;

    public DomainCpuCache() {
    }

    /** Raw {@code level} attribute, {@code null} if absent. */
    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
