package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <cipher name='aes' size='256' mode='cbc' hash='sha256'/>} of a LUKS encryption (formatstorageencryption.html).
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskEncryptionCipher extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "size")
    private String sizeRaw;
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "hash")
    private String hash;

    public DomainDiskEncryptionCipher() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code size} attribute text, number (decimal or 0x hex). */
    public String getSizeRaw() {
        return sizeRaw;
    }

    public void setSizeRaw(String sizeRaw) {
        this.sizeRaw = sizeRaw;
    }

    /** {@code size} attribute as Integer, {@code null} if absent. */
    public Integer getSize() {
        return XmlValues.integer(sizeRaw, "size");
    }

    public void setSize(Integer size) {
        this.sizeRaw = XmlValues.decimal(size);
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }
}
