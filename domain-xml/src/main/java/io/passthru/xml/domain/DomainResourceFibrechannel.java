package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <fibrechannel appid='..'/>} (formatdomain.html#resource-partitioning).
 */
@XmlType(propOrder = {"extra"})
public class DomainResourceFibrechannel extends XmlCatchAll {
    @XmlAttribute(name = "appid")
    private String appid;

    public DomainResourceFibrechannel() {
    }

    /** Raw {@code appid} attribute, {@code null} if absent. */
    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }
}
