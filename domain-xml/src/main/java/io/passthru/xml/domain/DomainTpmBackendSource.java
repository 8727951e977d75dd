package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source type='file'|'dir' path='..'/>} of an emulator TPM backend (state location), or
 * {@code <source mode='connect' type='unix' path='..'/>} of an external one.
 */
@XmlType(propOrder = {"extra"})
public class DomainTpmBackendSource extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "path")
    private String path;
    @XmlAttribute(name = "mode")
    private String mode;

    public DomainTpmBackendSource() {
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
