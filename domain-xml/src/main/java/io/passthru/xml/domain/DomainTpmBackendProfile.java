package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <profile source='..' removeDisabled='..' name='..'/>} of an emulator TPM backend.
 */
@XmlType(propOrder = {"extra"})
public class DomainTpmBackendProfile extends XmlCatchAll {
    @XmlAttribute(name = "source")
    private String source;
    @XmlAttribute(name = "removeDisabled")
    private String removeDisabled;
    @XmlAttribute(name = "name")
    private String name;

    public DomainTpmBackendProfile() {
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getRemoveDisabled() {
        return removeDisabled;
    }

    public void setRemoveDisabled(String removeDisabled) {
        this.removeDisabled = removeDisabled;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
