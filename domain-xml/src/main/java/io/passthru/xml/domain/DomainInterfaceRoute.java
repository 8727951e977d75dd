package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <route family='ipv4' address='192.168.42.0' prefix='24' gateway='192.168.122.1' metric='1'/>} (formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceRoute extends XmlCatchAll {
    @XmlAttribute(name = "family")
    private String family;
    @XmlAttribute(name = "address")
    private String address;
    @XmlAttribute(name = "netmask")
    private String netmask;
    @XmlAttribute(name = "prefix")
    private String prefix;
    @XmlAttribute(name = "gateway")
    private String gateway;
    @XmlAttribute(name = "metric")
    private String metric;

    public DomainInterfaceRoute() {
    }

    /** Raw {@code family} attribute, {@code null} if absent. */
    public String getFamily() {
        return family;
    }

    public void setFamily(String family) {
        this.family = family;
    }

    /** Raw {@code address} attribute, {@code null} if absent. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** Raw {@code netmask} attribute, {@code null} if absent. */
    public String getNetmask() {
        return netmask;
    }

    public void setNetmask(String netmask) {
        this.netmask = netmask;
    }

    /** Raw {@code prefix} attribute, {@code null} if absent. */
    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** Raw {@code gateway} attribute, {@code null} if absent. */
    public String getGateway() {
        return gateway;
    }

    public void setGateway(String gateway) {
        this.gateway = gateway;
    }

    /** Raw {@code metric} attribute, {@code null} if absent. */
    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }
}
