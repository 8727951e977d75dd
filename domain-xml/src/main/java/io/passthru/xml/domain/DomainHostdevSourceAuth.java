package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <auth username='myuser'>} of an iSCSI hostdev source (formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"secret", "extra"})
public class DomainHostdevSourceAuth extends XmlCatchAll {
    @XmlAttribute(name = "username")
    private String username;
    @XmlElement(name = "secret")
    private DomainHostdevSourceAuthSecret secret;

    public DomainHostdevSourceAuth() {
    }

    /** Raw {@code username} attribute, {@code null} if absent. */
    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** {@code <secret>}, {@code null} if absent. */
    public DomainHostdevSourceAuthSecret getSecret() {
        return secret;
    }

    public void setSecret(DomainHostdevSourceAuthSecret secret) {
        this.secret = secret;
    }
}
