package io.passthru.xml.domcaps;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <model usable='yes' vendor='Intel' canonical='..' deprecated='no'>Skylake-Client</model>} of a CPU mode, or the host-model {@code <model fallback='forbid'>} (formatdomaincaps.html#cpu-configuration).
 */
public class DomainCapsCpuModel extends XmlAttributeCatchAll {
    @XmlAttribute(name = "usable")
    private String usable;
    @XmlAttribute(name = "deprecated")
    private String deprecated;
    @XmlAttribute(name = "vendor")
    private String vendor;
    @XmlAttribute(name = "canonical")
    private String canonical;
    @XmlAttribute(name = "fallback")
    private String fallback;
    @XmlValue
    private String value;

    public DomainCapsCpuModel() {
    }

    /** Raw {@code usable} attribute, {@code null} if absent. */
    public String getUsable() {
        return usable;
    }

    public void setUsable(String usable) {
        this.usable = usable;
    }

    /** Raw {@code deprecated} attribute, {@code null} if absent. */
    public String getDeprecated() {
        return deprecated;
    }

    public void setDeprecated(String deprecated) {
        this.deprecated = deprecated;
    }

    /** Raw {@code vendor} attribute, {@code null} if absent. */
    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    /** Raw {@code canonical} attribute, {@code null} if absent. */
    public String getCanonical() {
        return canonical;
    }

    public void setCanonical(String canonical) {
        this.canonical = canonical;
    }

    /** Raw {@code fallback} attribute, {@code null} if absent. */
    public String getFallback() {
        return fallback;
    }

    public void setFallback(String fallback) {
        this.fallback = fallback;
    }

    /** Element text, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
