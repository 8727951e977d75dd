package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <access mode='shared|private'/>} (formatdomain.html#memory-backing).
 */
@XmlType(propOrder = {"extra"})
public class DomainMemoryBackingAccess extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;

    public DomainMemoryBackingAccess() {
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
