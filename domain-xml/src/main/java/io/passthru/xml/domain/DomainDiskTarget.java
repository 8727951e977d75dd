package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target dev='vda' bus='virtio' tray='open' removable='on' rotation_rate='1'/>} of a disk
 * (formatdomain.html#hard-drives-floppy-disks-cdroms).
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskTarget extends XmlCatchAll {
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlAttribute(name = "bus")
    private String bus;
    @XmlAttribute(name = "tray")
    private String tray;
    @XmlAttribute(name = "removable")
    private String removableRaw;
    @XmlAttribute(name = "rotation_rate")
    private String rotationRateRaw;

    public DomainDiskTarget() {
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    public String getTray() {
        return tray;
    }

    public void setTray(String tray) {
        this.tray = tray;
    }

    /** Raw {@code removable} attribute text, {@code 'on'|'off'}. */
    public String getRemovableRaw() {
        return removableRaw;
    }

    public void setRemovableRaw(String removableRaw) {
        this.removableRaw = removableRaw;
    }

    /** {@code removable} attribute as Boolean, {@code null} if absent. */
    public Boolean getRemovable() {
        return XmlValues.onOff(removableRaw, "removable");
    }

    public void setRemovable(Boolean removable) {
        this.removableRaw = XmlValues.onOff(removable);
    }

    /** Raw {@code rotation_rate} attribute text, number (decimal or 0x hex). */
    public String getRotationRateRaw() {
        return rotationRateRaw;
    }

    public void setRotationRateRaw(String rotationRateRaw) {
        this.rotationRateRaw = rotationRateRaw;
    }

    /** {@code rotation_rate} attribute as Integer, {@code null} if absent. */
    public Integer getRotationRate() {
        return XmlValues.integer(rotationRateRaw, "rotation_rate");
    }

    public void setRotationRate(Integer rotationRate) {
        this.rotationRateRaw = XmlValues.decimal(rotationRate);
    }
}
