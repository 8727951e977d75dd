package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <adapter name='scsi_host0'/>} of a SCSI hostdev source (formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"extra"})
public class DomainHostdevSourceAdapter extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public DomainHostdevSourceAdapter() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
