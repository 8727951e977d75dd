package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source type='unix' path='..' mode='client'/>} of persistent reservations.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskReservationsSource extends DomainPathModeSource {
    public DomainDiskReservationsSource() {
    }
}
