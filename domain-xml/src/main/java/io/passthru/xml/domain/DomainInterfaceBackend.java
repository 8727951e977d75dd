package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <backend tap='/dev/net/tun' vhost='/dev/vhost-net'/>} or {@code <backend type='passt' logFile='..'/>} (formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceBackend extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "tap")
    private String tap;
    @XmlAttribute(name = "vhost")
    private String vhost;
    @XmlAttribute(name = "logFile")
    private String logFile;

    public DomainInterfaceBackend() {
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code tap} attribute, {@code null} if absent. */
    public String getTap() {
        return tap;
    }

    public void setTap(String tap) {
        this.tap = tap;
    }

    /** Raw {@code vhost} attribute, {@code null} if absent. */
    public String getVhost() {
        return vhost;
    }

    public void setVhost(String vhost) {
        this.vhost = vhost;
    }

    /** Raw {@code logFile} attribute, {@code null} if absent. */
    public String getLogFile() {
        return logFile;
    }

    public void setLogFile(String logFile) {
        this.logFile = logFile;
    }
}
