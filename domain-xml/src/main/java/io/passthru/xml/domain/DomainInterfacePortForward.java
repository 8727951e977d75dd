package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <portForward proto='tcp' address='..' dev='..'>} of a passt interface (formatdomain.html#userspace-slirp-or-passt-connection).
 */
@XmlType(propOrder = {"ranges", "extra"})
public class DomainInterfacePortForward extends XmlCatchAll {
    @XmlAttribute(name = "proto")
    private String proto;
    @XmlAttribute(name = "address")
    private String address;
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlElement(name = "range")
    private List<DomainInterfacePortForwardRange> ranges;

    public DomainInterfacePortForward() {
    }

    /** Raw {@code proto} attribute, {@code null} if absent. */
    public String getProto() {
        return proto;
    }

    public void setProto(String proto) {
        this.proto = proto;
    }

    /** Raw {@code address} attribute, {@code null} if absent. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** Raw {@code dev} attribute, {@code null} if absent. */
    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    /** The {@code <range>} children in document order; live, never {@code null}. */
    public List<DomainInterfacePortForwardRange> getRanges() {
        if (ranges == null) {
            ranges = new ArrayList<>();
        }
        return ranges;
    }
}
