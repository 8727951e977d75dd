package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source>} of a hostdev: for {@code type='pci'} one {@code <address domain bus slot function/>}
 * naming the host device (formatdomain.html#host-device-assignment). USB, SCSI, mdev children are kept in the catch-all.
 */
@XmlType(propOrder = {"address", "extra"})
public class DomainHostdevSource extends XmlCatchAll {
    @XmlAttribute(name = "startupPolicy")
    private String startupPolicy;
    @XmlElement(name = "address")
    private DomainAddress address;

    public DomainHostdevSource() {
    }

    public String getStartupPolicy() {
        return startupPolicy;
    }

    public void setStartupPolicy(String startupPolicy) {
        this.startupPolicy = startupPolicy;
    }

    /** Host address. */
    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }
}
