package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <encryption secret='uuid'/>} of an emulator TPM backend.
 */
@XmlType(propOrder = {"extra"})
public class DomainTpmBackendEncryption extends XmlCatchAll {
    @XmlAttribute(name = "secret")
    private String secret;

    public DomainTpmBackendEncryption() {
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }
}
