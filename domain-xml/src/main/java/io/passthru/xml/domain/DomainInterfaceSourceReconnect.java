package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <reconnect enabled='yes' timeout='10'/>} of a vhostuser source (formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceSourceReconnect extends XmlCatchAll {
    @XmlAttribute(name = "enabled")
    private String enabled;
    @XmlAttribute(name = "timeout")
    private String timeout;

    public DomainInterfaceSourceReconnect() {
    }

    /** Raw {@code enabled} attribute, {@code null} if absent. */
    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled;
    }

    /** Raw {@code timeout} attribute, {@code null} if absent. */
    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
