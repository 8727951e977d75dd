package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <range start='2022' end='2023' to='22' exclude='no'/>} (formatdomain.html#userspace-slirp-or-passt-connection).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfacePortForwardRange extends XmlCatchAll {
    @XmlAttribute(name = "start")
    private String start;
    @XmlAttribute(name = "end")
    private String end;
    @XmlAttribute(name = "to")
    private String to;
    @XmlAttribute(name = "exclude")
    private String exclude;

    public DomainInterfacePortForwardRange() {
    }

    /** Raw {@code start} attribute, {@code null} if absent. */
    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    /** Raw {@code end} attribute, {@code null} if absent. */
    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    /** Raw {@code to} attribute, {@code null} if absent. */
    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    /** Raw {@code exclude} attribute, {@code null} if absent. */
    public String getExclude() {
        return exclude;
    }

    public void setExclude(String exclude) {
        this.exclude = exclude;
    }
}
