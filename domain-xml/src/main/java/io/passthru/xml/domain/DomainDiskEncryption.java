package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <encryption format='luks' engine='qemu'><secret type='passphrase' uuid='..'/></encryption>}
 * (formatstorageencryption.html).
 */
@XmlType(propOrder = {"secrets", "cipher", "ivgen", "extra"})
public class DomainDiskEncryption extends XmlCatchAll {
    @XmlAttribute(name = "format")
    private String format;
    @XmlAttribute(name = "engine")
    private String engine;
    @XmlElement(name = "secret")
    private List<DomainDiskSecret> secrets;
    @XmlElement(name = "cipher")
    private DomainDiskEncryptionCipher cipher;
    @XmlElement(name = "ivgen")
    private DomainDiskEncryptionIvgen ivgen;

    public DomainDiskEncryption() {
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    /** The {@code <secret>} elements in document order; live, never {@code null}. */
    public List<DomainDiskSecret> getSecrets() {
        if (secrets == null) {
            secrets = new ArrayList<>();
        }
        return secrets;
    }

    public DomainDiskEncryptionCipher getCipher() {
        return cipher;
    }

    public void setCipher(DomainDiskEncryptionCipher cipher) {
        this.cipher = cipher;
    }

    public DomainDiskEncryptionIvgen getIvgen() {
        return ivgen;
    }

    public void setIvgen(DomainDiskEncryptionIvgen ivgen) {
        this.ivgen = ivgen;
    }
}
