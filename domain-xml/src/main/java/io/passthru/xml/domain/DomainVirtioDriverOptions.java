package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * The virtio options every virtio device's {@code <driver>} takes: {@code iommu}, {@code ats}, {@code packed},
 * {@code page_per_vq}, each {@code on|off} (libvirt formatdomain "Virtio-related options"). Raw text kept for
 * lossless output; typed accessors check the values.
 */
@XmlTransient
public abstract class DomainVirtioDriverOptions extends XmlCatchAll {
    @XmlAttribute(name = "iommu")
    private String iommuRaw;
    @XmlAttribute(name = "ats")
    private String atsRaw;
    @XmlAttribute(name = "packed")
    private String packedRaw;
    @XmlAttribute(name = "page_per_vq")
    private String pagePerVqRaw;

    /** Raw {@code iommu} attribute text, {@code 'on'|'off'}. */
    public String getIommuRaw() {
        return iommuRaw;
    }

    public void setIommuRaw(String iommuRaw) {
        this.iommuRaw = iommuRaw;
    }

    /** {@code iommu} attribute as Boolean, {@code null} if absent. */
    public Boolean getIommu() {
        return XmlValues.onOff(iommuRaw, "iommu");
    }

    public void setIommu(Boolean iommu) {
        this.iommuRaw = XmlValues.onOff(iommu);
    }

    /** Raw {@code ats} attribute text, {@code 'on'|'off'}. */
    public String getAtsRaw() {
        return atsRaw;
    }

    public void setAtsRaw(String atsRaw) {
        this.atsRaw = atsRaw;
    }

    /** {@code ats} attribute as Boolean, {@code null} if absent. */
    public Boolean getAts() {
        return XmlValues.onOff(atsRaw, "ats");
    }

    public void setAts(Boolean ats) {
        this.atsRaw = XmlValues.onOff(ats);
    }

    /** Raw {@code packed} attribute text, {@code 'on'|'off'}. */
    public String getPackedRaw() {
        return packedRaw;
    }

    public void setPackedRaw(String packedRaw) {
        this.packedRaw = packedRaw;
    }

    /** {@code packed} attribute as Boolean, {@code null} if absent. */
    public Boolean getPacked() {
        return XmlValues.onOff(packedRaw, "packed");
    }

    public void setPacked(Boolean packed) {
        this.packedRaw = XmlValues.onOff(packed);
    }

    /** Raw {@code page_per_vq} attribute text, {@code 'on'|'off'}. */
    public String getPagePerVqRaw() {
        return pagePerVqRaw;
    }

    public void setPagePerVqRaw(String pagePerVqRaw) {
        this.pagePerVqRaw = pagePerVqRaw;
    }

    /** {@code page_per_vq} attribute as Boolean, {@code null} if absent. */
    public Boolean getPagePerVq() {
        return XmlValues.onOff(pagePerVqRaw, "page_per_vq");
    }

    public void setPagePerVq(Boolean pagePerVq) {
        this.pagePerVqRaw = XmlValues.onOff(pagePerVq);
    }
}
