package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <ivgen name='plain64' hash='sha256'/>} of a LUKS encryption (formatstorageencryption.html).
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskEncryptionIvgen extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "hash")
    private String hash;

    public DomainDiskEncryptionIvgen() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }
}
