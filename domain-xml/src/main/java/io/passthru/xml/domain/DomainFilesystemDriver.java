package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver type='path'|'handle'|'loop'|'nbd'|'ploop'|'virtiofs' format='raw' wrpolicy='immediate' queue='1024'/>}
 * of a filesystem (formatdomain.html#filesystems).
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemDriver extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "format")
    private String format;
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "wrpolicy")
    private String wrpolicy;
    @XmlAttribute(name = "queue")
    private String queueRaw;
    @XmlAttribute(name = "iommu")
    private String iommuRaw;
    @XmlAttribute(name = "ats")
    private String atsRaw;
    @XmlAttribute(name = "packed")
    private String packedRaw;
    @XmlAttribute(name = "page_per_vq")
    private String pagePerVqRaw;

    public DomainFilesystemDriver() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getWrpolicy() {
        return wrpolicy;
    }

    public void setWrpolicy(String wrpolicy) {
        this.wrpolicy = wrpolicy;
    }

    /** Raw {@code queue} attribute text, number (decimal or 0x hex). */
    public String getQueueRaw() {
        return queueRaw;
    }

    public void setQueueRaw(String queueRaw) {
        this.queueRaw = queueRaw;
    }

    /** {@code queue} attribute as Integer, {@code null} if absent. */
    public Integer getQueue() {
        return XmlValues.integer(queueRaw, "queue");
    }

    public void setQueue(Integer queue) {
        this.queueRaw = XmlValues.decimal(queue);
    }

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
