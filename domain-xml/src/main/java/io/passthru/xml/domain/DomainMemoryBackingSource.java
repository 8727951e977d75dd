package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source type='file|anonymous|memfd'/>} (formatdomain.html#memory-backing).
 */
@XmlType(propOrder = {"extra"})
public class DomainMemoryBackingSource extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;

    public DomainMemoryBackingSource() {
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
