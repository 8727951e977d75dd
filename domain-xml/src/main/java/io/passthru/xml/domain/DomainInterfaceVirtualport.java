package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <virtualport type='802.1Qbg|802.1Qbh|openvswitch|midonet'>} (formatdomain.html#direct-attachment-to-physical-interface).
 */
@XmlType(propOrder = {"parameters", "extra"})
public class DomainInterfaceVirtualport extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "parameters")
    private DomainInterfaceVirtualportParameters parameters;

    public DomainInterfaceVirtualport() {
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** {@code <parameters>}, {@code null} if absent. */
    public DomainInterfaceVirtualportParameters getParameters() {
        return parameters;
    }

    public void setParameters(DomainInterfaceVirtualportParameters parameters) {
        this.parameters = parameters;
    }
}
