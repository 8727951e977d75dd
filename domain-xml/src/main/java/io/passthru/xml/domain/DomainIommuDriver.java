package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver intremap='on' caching_mode='on' eim='on' iotlb='on' aw_bits='48' dma_translation='on'/>} of an
 * IOMMU (formatdomain.html#iommu-devices). Attribute names follow libvirt 11.3's schema; attributes of later
 * libvirt versions (e.g. {@code xtsup}, {@code passthrough}) stay in the catch-all ({@link #getExtraAttribute(String)}).
 */
@XmlType(propOrder = {"extra"})
public class DomainIommuDriver extends XmlCatchAll {
    @XmlAttribute(name = "intremap")
    private String intremapRaw;
    @XmlAttribute(name = "caching_mode")
    private String cachingModeRaw;
    @XmlAttribute(name = "eim")
    private String eimRaw;
    @XmlAttribute(name = "iotlb")
    private String iotlbRaw;
    @XmlAttribute(name = "aw_bits")
    private String awBitsRaw;
    @XmlAttribute(name = "dma_translation")
    private String dmaTranslationRaw;
    /** {@code xtsup} (amd: x2APIC support, on/off); newer than libvirt 11.3's schema, kept typed for round-trips. */
    @XmlAttribute(name = "xtsup")
    private String xtsupRaw;
    /** {@code passthrough} (amd: devices bypass translation, on/off); newer than libvirt 11.3's schema. */
    @XmlAttribute(name = "passthrough")
    private String passthroughRaw;
    /** {@code granule} (virtio: page granule, e.g. "4K" or "host"); newer than libvirt 11.3's schema. */
    @XmlAttribute(name = "granule")
    private String granule;

    public DomainIommuDriver() {
    }

    /** Raw {@code intremap} attribute text, {@code 'on'|'off'}. Interrupt remapping. */
    public String getIntremapRaw() {
        return intremapRaw;
    }

    public void setIntremapRaw(String intremapRaw) {
        this.intremapRaw = intremapRaw;
    }

    /** {@code intremap} attribute as Boolean, {@code null} if absent. */
    public Boolean getIntremap() {
        return XmlValues.onOff(intremapRaw, "intremap");
    }

    public void setIntremap(Boolean intremap) {
        this.intremapRaw = XmlValues.onOff(intremap);
    }

    /** Raw {@code caching_mode} attribute text, {@code 'on'|'off'}. */
    public String getCachingModeRaw() {
        return cachingModeRaw;
    }

    public void setCachingModeRaw(String cachingModeRaw) {
        this.cachingModeRaw = cachingModeRaw;
    }

    /** {@code caching_mode} attribute as Boolean, {@code null} if absent. */
    public Boolean getCachingMode() {
        return XmlValues.onOff(cachingModeRaw, "caching_mode");
    }

    public void setCachingMode(Boolean cachingMode) {
        this.cachingModeRaw = XmlValues.onOff(cachingMode);
    }

    /** Raw {@code eim} attribute text, {@code 'on'|'off'}. Extended interrupt mode. */
    public String getEimRaw() {
        return eimRaw;
    }

    public void setEimRaw(String eimRaw) {
        this.eimRaw = eimRaw;
    }

    /** {@code eim} attribute as Boolean, {@code null} if absent. */
    public Boolean getEim() {
        return XmlValues.onOff(eimRaw, "eim");
    }

    public void setEim(Boolean eim) {
        this.eimRaw = XmlValues.onOff(eim);
    }

    /** Raw {@code iotlb} attribute text, {@code 'on'|'off'}. Device IOTLB. */
    public String getIotlbRaw() {
        return iotlbRaw;
    }

    public void setIotlbRaw(String iotlbRaw) {
        this.iotlbRaw = iotlbRaw;
    }

    /** {@code iotlb} attribute as Boolean, {@code null} if absent. */
    public Boolean getIotlb() {
        return XmlValues.onOff(iotlbRaw, "iotlb");
    }

    public void setIotlb(Boolean iotlb) {
        this.iotlbRaw = XmlValues.onOff(iotlb);
    }

    /** Raw {@code aw_bits} attribute text, number (decimal or 0x hex). Address width in bits. */
    public String getAwBitsRaw() {
        return awBitsRaw;
    }

    public void setAwBitsRaw(String awBitsRaw) {
        this.awBitsRaw = awBitsRaw;
    }

    /** {@code aw_bits} attribute as Integer, {@code null} if absent. */
    public Integer getAwBits() {
        return XmlValues.integer(awBitsRaw, "aw_bits");
    }

    public void setAwBits(Integer awBits) {
        this.awBitsRaw = XmlValues.decimal(awBits);
    }

    /** Raw {@code dma_translation} attribute text, {@code 'on'|'off'}. */
    public String getDmaTranslationRaw() {
        return dmaTranslationRaw;
    }

    public void setDmaTranslationRaw(String dmaTranslationRaw) {
        this.dmaTranslationRaw = dmaTranslationRaw;
    }

    /** {@code dma_translation} attribute as Boolean, {@code null} if absent. */
    public Boolean getDmaTranslation() {
        return XmlValues.onOff(dmaTranslationRaw, "dma_translation");
    }

    public void setDmaTranslation(Boolean dmaTranslation) {
        this.dmaTranslationRaw = XmlValues.onOff(dmaTranslation);
    }

    public String getXtsupRaw() {
        return xtsupRaw;
    }

    public void setXtsupRaw(String xtsupRaw) {
        this.xtsupRaw = xtsupRaw;
    }

    public Boolean getXtsup() {
        return XmlValues.onOff(xtsupRaw, "xtsup");
    }

    public String getPassthroughRaw() {
        return passthroughRaw;
    }

    public void setPassthroughRaw(String passthroughRaw) {
        this.passthroughRaw = passthroughRaw;
    }

    public Boolean getPassthrough() {
        return XmlValues.onOff(passthroughRaw, "passthrough");
    }

    public String getGranule() {
        return granule;
    }

    public void setGranule(String granule) {
        this.granule = granule;
    }
}
