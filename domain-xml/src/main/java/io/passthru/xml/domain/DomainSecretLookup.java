package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * A {@code <secret type='..' usage='..' uuid='..'/>} reference to a libvirt secret by usage or UUID (libvirt's
 * {@code virSecretLookupTypeDef}), as in a disk's {@code <auth>}/{@code <encryption>} and a hostdev's {@code <auth>}.
 */
@XmlTransient
public abstract class DomainSecretLookup extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "usage")
    private String usage;
    @XmlAttribute(name = "uuid")
    private String uuid;

    protected DomainSecretLookup() {
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code usage} attribute, {@code null} if absent. */
    public String getUsage() {
        return usage;
    }

    public void setUsage(String usage) {
        this.usage = usage;
    }

    /** Raw {@code uuid} attribute, {@code null} if absent. */
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }
}
