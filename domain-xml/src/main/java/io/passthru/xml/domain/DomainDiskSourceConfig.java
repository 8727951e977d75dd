package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <config file='..'/>} of an rbd disk source.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSourceConfig extends XmlCatchAll {
    @XmlAttribute(name = "file")
    private String file;

    public DomainDiskSourceConfig() {
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }
}
