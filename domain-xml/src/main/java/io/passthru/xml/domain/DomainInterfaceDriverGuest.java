package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <guest csum='off' tso4='off' tso6='off' ecn='off' ufo='off'/>} offloads of the virtio-net driver (formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceDriverGuest extends DomainInterfaceDriverOffloads {
    public DomainInterfaceDriverGuest() {
    }
}
