package io.passthru.xml.domain;

import io.passthru.xml.MacAddress;
import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <mac address='52:54:00:ab:cd:ef'/>} of an interface (formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceMac extends XmlCatchAll {
    @XmlAttribute(name = "address")
    private String address;

    public DomainInterfaceMac() {
    }

    /** Raw MAC as written. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public static DomainInterfaceMac of(MacAddress mac) {
        DomainInterfaceMac m = new DomainInterfaceMac();
        m.address = mac.toString();
        return m;
    }

    /** The parsed MAC, or {@code null} if no address attribute. */
    public MacAddress toMacAddress() {
        return address == null ? null : MacAddress.parse(address);
    }
}
