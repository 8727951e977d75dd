package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <knownHosts path='..'/>} of an ssh disk source.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSourceKnownHosts extends XmlCatchAll {
    @XmlAttribute(name = "path")
    private String path;

    public DomainDiskSourceKnownHosts() {
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
