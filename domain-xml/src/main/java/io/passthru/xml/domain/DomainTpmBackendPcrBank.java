package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

/**
 * An empty PCR bank element ({@code <sha1/>}, {@code <sha256/>}, {@code <sha384/>}, {@code <sha512/>}) of
 * {@code <active_pcr_banks>}.
 */
@XmlType(propOrder = {"extra"})
public class DomainTpmBackendPcrBank extends XmlCatchAll {
    public DomainTpmBackendPcrBank() {
    }
}
