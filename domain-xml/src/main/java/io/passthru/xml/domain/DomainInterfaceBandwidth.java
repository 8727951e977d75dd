package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <bandwidth>} (formatdomain.html#quality-of-service).
 */
@XmlType(propOrder = {"inbound", "outbound", "extra"})
public class DomainInterfaceBandwidth extends XmlCatchAll {
    @XmlElement(name = "inbound")
    private DomainInterfaceBandwidthLimit inbound;
    @XmlElement(name = "outbound")
    private DomainInterfaceBandwidthLimit outbound;

    public DomainInterfaceBandwidth() {
    }

    /** {@code <inbound>}, {@code null} if absent. */
    public DomainInterfaceBandwidthLimit getInbound() {
        return inbound;
    }

    public void setInbound(DomainInterfaceBandwidthLimit inbound) {
        this.inbound = inbound;
    }

    /** {@code <outbound>}, {@code null} if absent. */
    public DomainInterfaceBandwidthLimit getOutbound() {
        return outbound;
    }

    public void setOutbound(DomainInterfaceBandwidthLimit outbound) {
        this.outbound = outbound;
    }
}
