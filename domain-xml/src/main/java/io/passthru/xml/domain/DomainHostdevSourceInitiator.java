package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <initiator>} of an iSCSI hostdev source (formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"iqn", "extra"})
public class DomainHostdevSourceInitiator extends XmlCatchAll {
    @XmlElement(name = "iqn")
    private DomainHostdevSourceInitiatorIqn iqn;

    public DomainHostdevSourceInitiator() {
    }

    /** {@code <iqn>}, {@code null} if absent. */
    public DomainHostdevSourceInitiatorIqn getIqn() {
        return iqn;
    }

    public void setIqn(DomainHostdevSourceInitiatorIqn iqn) {
        this.iqn = iqn;
    }
}
