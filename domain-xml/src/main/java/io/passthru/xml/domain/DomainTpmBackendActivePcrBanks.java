package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <active_pcr_banks><sha256/></active_pcr_banks>} of an emulator TPM backend.
 */
@XmlType(propOrder = {"sha1", "sha256", "sha384", "sha512", "extra"})
public class DomainTpmBackendActivePcrBanks extends XmlCatchAll {
    @XmlElement(name = "sha1")
    private DomainTpmBackendPcrBank sha1;
    @XmlElement(name = "sha256")
    private DomainTpmBackendPcrBank sha256;
    @XmlElement(name = "sha384")
    private DomainTpmBackendPcrBank sha384;
    @XmlElement(name = "sha512")
    private DomainTpmBackendPcrBank sha512;

    public DomainTpmBackendActivePcrBanks() {
    }

    public DomainTpmBackendPcrBank getSha1() {
        return sha1;
    }

    public void setSha1(DomainTpmBackendPcrBank sha1) {
        this.sha1 = sha1;
    }

    public DomainTpmBackendPcrBank getSha256() {
        return sha256;
    }

    public void setSha256(DomainTpmBackendPcrBank sha256) {
        this.sha256 = sha256;
    }

    public DomainTpmBackendPcrBank getSha384() {
        return sha384;
    }

    public void setSha384(DomainTpmBackendPcrBank sha384) {
        this.sha384 = sha384;
    }

    public DomainTpmBackendPcrBank getSha512() {
        return sha512;
    }

    public void setSha512(DomainTpmBackendPcrBank sha512) {
        this.sha512 = sha512;
    }
}
