package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <zpci uid='0x0001' fid='0x00000000'/>} of an s390 PCI address (formatdomain.html#device-addresses).
 */
@XmlType(propOrder = {"extra"})
public class DomainAddressZpci extends XmlCatchAll {
    @XmlAttribute(name = "uid")
    private String uid;
    @XmlAttribute(name = "fid")
    private String fid;

    public DomainAddressZpci() {
    }

    /** Raw {@code uid} attribute, {@code null} if absent. */
    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    /** Raw {@code fid} attribute, {@code null} if absent. */
    public String getFid() {
        return fid;
    }

    public void setFid(String fid) {
        this.fid = fid;
    }
}
