package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source type='file'|'dir' path='..'/>} of an emulator TPM backend (state location), or
 * {@code <source mode='connect' type='unix' path='..'/>} of an external one.
 */
@XmlType(propOrder = {"extra"})
public class DomainTpmBackendSource extends DomainPathModeSource {
    public DomainTpmBackendSource() {
    }
}
