package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <auth username='..'><secret type='ceph' usage='..'/></auth>} of a network disk source
 * (formatdomain.html#hard-drives-floppy-disks-cdroms).
 */
@XmlType(propOrder = {"secret", "extra"})
public class DomainDiskAuth extends XmlCatchAll {
    @XmlAttribute(name = "username")
    private String username;
    @XmlElement(name = "secret")
    private DomainDiskSecret secret;

    public DomainDiskAuth() {
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public DomainDiskSecret getSecret() {
        return secret;
    }

    public void setSecret(DomainDiskSecret secret) {
        this.secret = secret;
    }
}
