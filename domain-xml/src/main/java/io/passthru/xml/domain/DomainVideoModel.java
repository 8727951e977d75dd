package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <model type='vga'|'cirrus'|'qxl'|'virtio'|'bochs'|'ramfb'|'none' vram='16384' heads='1' primary='yes'/>}
 * of a video device (formatdomain.html#video-devices). Sizes in KiB.
 */
@XmlType(propOrder = {"acceleration", "resolution", "extra"})
public class DomainVideoModel extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "ram")
    private String ramRaw;
    @XmlAttribute(name = "vram")
    private String vramRaw;
    @XmlAttribute(name = "vram64")
    private String vram64Raw;
    @XmlAttribute(name = "vgamem")
    private String vgamemRaw;
    @XmlAttribute(name = "heads")
    private String headsRaw;
    @XmlAttribute(name = "primary")
    private String primaryRaw;
    @XmlAttribute(name = "blob")
    private String blobRaw;
    @XmlElement(name = "acceleration")
    private DomainVideoAcceleration acceleration;
    @XmlElement(name = "resolution")
    private DomainVideoResolution resolution;

    public DomainVideoModel() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code ram} attribute text, decimal number. */
    public String getRamRaw() {
        return ramRaw;
    }

    public void setRamRaw(String ramRaw) {
        this.ramRaw = ramRaw;
    }

    /** {@code ram} attribute as Long, {@code null} if absent. */
    public Long getRam() {
        return XmlValues.decimalLong(ramRaw, "ram");
    }

    public void setRam(Long ram) {
        this.ramRaw = XmlValues.decimal(ram);
    }

    /** Raw {@code vram} attribute text, decimal number. */
    public String getVramRaw() {
        return vramRaw;
    }

    public void setVramRaw(String vramRaw) {
        this.vramRaw = vramRaw;
    }

    /** {@code vram} attribute as Long, {@code null} if absent. */
    public Long getVram() {
        return XmlValues.decimalLong(vramRaw, "vram");
    }

    public void setVram(Long vram) {
        this.vramRaw = XmlValues.decimal(vram);
    }

    /** Raw {@code vram64} attribute text, decimal number. */
    public String getVram64Raw() {
        return vram64Raw;
    }

    public void setVram64Raw(String vram64Raw) {
        this.vram64Raw = vram64Raw;
    }

    /** {@code vram64} attribute as Long, {@code null} if absent. */
    public Long getVram64() {
        return XmlValues.decimalLong(vram64Raw, "vram64");
    }

    public void setVram64(Long vram64) {
        this.vram64Raw = XmlValues.decimal(vram64);
    }

    /** Raw {@code vgamem} attribute text, decimal number. */
    public String getVgamemRaw() {
        return vgamemRaw;
    }

    public void setVgamemRaw(String vgamemRaw) {
        this.vgamemRaw = vgamemRaw;
    }

    /** {@code vgamem} attribute as Long, {@code null} if absent. */
    public Long getVgamem() {
        return XmlValues.decimalLong(vgamemRaw, "vgamem");
    }

    public void setVgamem(Long vgamem) {
        this.vgamemRaw = XmlValues.decimal(vgamem);
    }

    /** Raw {@code heads} attribute text, number (decimal or 0x hex). */
    public String getHeadsRaw() {
        return headsRaw;
    }

    public void setHeadsRaw(String headsRaw) {
        this.headsRaw = headsRaw;
    }

    /** {@code heads} attribute as Integer, {@code null} if absent. */
    public Integer getHeads() {
        return XmlValues.integer(headsRaw, "heads");
    }

    public void setHeads(Integer heads) {
        this.headsRaw = XmlValues.decimal(heads);
    }

    /** Raw {@code primary} attribute text, {@code 'yes'|'no'}. */
    public String getPrimaryRaw() {
        return primaryRaw;
    }

    public void setPrimaryRaw(String primaryRaw) {
        this.primaryRaw = primaryRaw;
    }

    /** {@code primary} attribute as Boolean, {@code null} if absent. */
    public Boolean getPrimary() {
        return XmlValues.yesNo(primaryRaw, "primary");
    }

    public void setPrimary(Boolean primary) {
        this.primaryRaw = XmlValues.yesNo(primary);
    }

    /** Raw {@code blob} attribute text, {@code 'on'|'off'}. */
    public String getBlobRaw() {
        return blobRaw;
    }

    public void setBlobRaw(String blobRaw) {
        this.blobRaw = blobRaw;
    }

    /** {@code blob} attribute as Boolean, {@code null} if absent. */
    public Boolean getBlob() {
        return XmlValues.onOff(blobRaw, "blob");
    }

    public void setBlob(Boolean blob) {
        this.blobRaw = XmlValues.onOff(blob);
    }

    public DomainVideoAcceleration getAcceleration() {
        return acceleration;
    }

    public void setAcceleration(DomainVideoAcceleration acceleration) {
        this.acceleration = acceleration;
    }

    public DomainVideoResolution getResolution() {
        return resolution;
    }

    public void setResolution(DomainVideoResolution resolution) {
        this.resolution = resolution;
    }
}
