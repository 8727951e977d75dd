package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * A {@code <source type='..' path='..' mode='..'/>} with just these three attributes, as in a disk's persistent
 * reservations and a TPM backend; the subclasses name the element.
 */
@XmlTransient
public abstract class DomainPathModeSource extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "path")
    private String path;
    @XmlAttribute(name = "mode")
    private String mode;

    protected DomainPathModeSource() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
