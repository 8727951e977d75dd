package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <cpu><model fallback='allow' vendor_id='GenuineIntel'>Skylake-Client</model>} (formatdomain.html#cpu-model-and-topology).
 */
public class DomainCpuModel extends XmlAttributeCatchAll {
    @XmlAttribute(name = "fallback")
    private String fallback;
    @XmlAttribute(name = "vendor_id")
    private String vendorId;
    @XmlValue
    private String value;

    public DomainCpuModel() {
    }

    /** Raw {@code fallback} attribute, {@code null} if absent. */
    public String getFallback() {
        return fallback;
    }

    public void setFallback(String fallback) {
        this.fallback = fallback;
    }

    /** Raw {@code vendor_id} attribute, {@code null} if absent. */
    public String getVendorId() {
        return vendorId;
    }

    public void setVendorId(String vendorId) {
        this.vendorId = vendorId;
    }

    /** CPU model name, e.g. {@code Skylake-Client}. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
