package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <sandbox .../>} of a virtiofsd {@code <binary>} (formatdomain.html#filesystems).
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemBinarySandbox extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;

    public DomainFilesystemBinarySandbox() {
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
