package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <initiator><iqn name='..'/></initiator>} of an iSCSI disk source.
 */
@XmlType(propOrder = {"iqn", "extra"})
public class DomainDiskSourceInitiator extends XmlCatchAll {
    @XmlElement(name = "iqn")
    private DomainDiskSourceInitiatorIqn iqn;

    public DomainDiskSourceInitiator() {
    }

    public DomainDiskSourceInitiatorIqn getIqn() {
        return iqn;
    }

    public void setIqn(DomainDiskSourceInitiatorIqn iqn) {
        this.iqn = iqn;
    }
}
