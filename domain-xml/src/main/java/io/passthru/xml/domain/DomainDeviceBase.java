package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;

import java.util.Optional;

/**
 * What most devices under {@code <devices>} share: the {@code <alias name='..'/>} libvirt assigns and the guest-side
 * {@code <address>} (formatdomain.html#device-addresses). The subclasses' {@code propOrder} lists the inherited
 * {@code alias} and {@code address} where the schema puts them.
 */
@XmlTransient
public abstract class DomainDeviceBase extends XmlCatchAll {
    @XmlElement(name = "alias")
    private DomainAlias alias;
    @XmlElement(name = "address")
    private DomainAddress address;

    protected DomainDeviceBase() {
    }

    public DomainAlias getAlias() {
        return alias;
    }

    public void setAlias(DomainAlias alias) {
        this.alias = alias;
    }

    /** Alias name (e.g. {@code hostdev0}, {@code net0}), if any. */
    public Optional<String> aliasName() {
        return Optional.ofNullable(alias).map(DomainAlias::getName);
    }

    /** Guest-side address. */
    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }
}
