package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <device path='/dev/tpm0'/>} of a passthrough TPM backend.
 */
@XmlType(propOrder = {"extra"})
public class DomainTpmBackendDevice extends XmlCatchAll {
    @XmlAttribute(name = "path")
    private String path;

    public DomainTpmBackendDevice() {
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
