package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <ip address='192.168.122.5' family='ipv4' prefix='24' peer='..'/>} of an interface or its source (formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceIp extends XmlCatchAll {
    @XmlAttribute(name = "address")
    private String address;
    @XmlAttribute(name = "family")
    private String family;
    @XmlAttribute(name = "prefix")
    private String prefix;
    @XmlAttribute(name = "peer")
    private String peer;

    public DomainInterfaceIp() {
    }

    /** Raw {@code address} attribute, {@code null} if absent. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** Raw {@code family} attribute, {@code null} if absent. */
    public String getFamily() {
        return family;
    }

    public void setFamily(String family) {
        this.family = family;
    }

    /** Raw {@code prefix} attribute, {@code null} if absent. */
    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** Raw {@code peer} attribute, {@code null} if absent. */
    public String getPeer() {
        return peer;
    }

    public void setPeer(String peer) {
        this.peer = peer;
    }
}
