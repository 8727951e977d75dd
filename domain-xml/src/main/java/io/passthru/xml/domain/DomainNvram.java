package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <nvram>} device of pSeries guests (formatdomain.html#nvram-device).
 */
@XmlRootElement(name = "nvram")
@XmlType(propOrder = {"alias", "address", "extra"})
public class DomainNvram extends XmlCatchAll {
    @XmlElement(name = "alias")
    private DomainAlias alias;
    @XmlElement(name = "address")
    private DomainAddress address;

    public DomainNvram() {
    }

    public DomainAlias getAlias() {
        return alias;
    }

    public void setAlias(DomainAlias alias) {
        this.alias = alias;
    }

    /** Guest-side address. */
    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }
}
