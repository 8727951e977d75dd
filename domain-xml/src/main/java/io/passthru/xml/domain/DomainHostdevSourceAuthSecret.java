package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <secret type='iscsi' usage='..' uuid='..'/>} (formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"extra"})
public class DomainHostdevSourceAuthSecret extends DomainSecretLookup {
    public DomainHostdevSourceAuthSecret() {
    }
}
