package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <tune><sndbuf>1600</sndbuf></tune>} (formatdomain.html#setting-nic-driver-specific-options).
 */
@XmlType(propOrder = {"sndbuf", "extra"})
public class DomainInterfaceTune extends XmlCatchAll {
    @XmlElement(name = "sndbuf")
    private String sndbuf;

    public DomainInterfaceTune() {
    }

    /** {@code <sndbuf>}, {@code null} if absent. */
    public String getSndbuf() {
        return sndbuf;
    }

    public void setSndbuf(String sndbuf) {
        this.sndbuf = sndbuf;
    }
}
