package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <keywrap>} (s390, formatdomain.html#key-wrap).
 */
@XmlType(propOrder = {"ciphers", "extra"})
public class DomainKeywrap extends XmlCatchAll {
    @XmlElement(name = "cipher")
    private List<DomainKeywrapCipher> ciphers;

    public DomainKeywrap() {
    }

    /** The {@code <cipher>} children in document order; live, never {@code null}. */
    public List<DomainKeywrapCipher> getCiphers() {
        if (ciphers == null) {
            ciphers = new ArrayList<>();
        }
        return ciphers;
    }
}
