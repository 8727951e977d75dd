package io.passthru.xml.domain;

import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <memballoon model='virtio'|'xen'|'none' autodeflate='on' freePageReporting='on'>}
 * (formatdomain.html#memory-balloon-device).
 */
@XmlRootElement(name = "memballoon")
@XmlType(propOrder = {"stats", "driver", "alias", "acpi", "address", "extra"})
public class DomainMemballoon extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "autodeflate")
    private String autodeflateRaw;
    @XmlAttribute(name = "freePageReporting")
    private String freePageReportingRaw;
    @XmlElement(name = "stats")
    private DomainMemballoonStats stats;
    @XmlElement(name = "driver")
    private DomainMemballoonDriver driver;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainMemballoon() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** Raw {@code autodeflate} attribute text, {@code 'on'|'off'}. */
    public String getAutodeflateRaw() {
        return autodeflateRaw;
    }

    public void setAutodeflateRaw(String autodeflateRaw) {
        this.autodeflateRaw = autodeflateRaw;
    }

    /** {@code autodeflate} attribute as Boolean, {@code null} if absent. */
    public Boolean getAutodeflate() {
        return XmlValues.onOff(autodeflateRaw, "autodeflate");
    }

    public void setAutodeflate(Boolean autodeflate) {
        this.autodeflateRaw = XmlValues.onOff(autodeflate);
    }

    /** Raw {@code freePageReporting} attribute text, {@code 'on'|'off'}. */
    public String getFreePageReportingRaw() {
        return freePageReportingRaw;
    }

    public void setFreePageReportingRaw(String freePageReportingRaw) {
        this.freePageReportingRaw = freePageReportingRaw;
    }

    /** {@code freePageReporting} attribute as Boolean, {@code null} if absent. */
    public Boolean getFreePageReporting() {
        return XmlValues.onOff(freePageReportingRaw, "freePageReporting");
    }

    public void setFreePageReporting(Boolean freePageReporting) {
        this.freePageReportingRaw = XmlValues.onOff(freePageReporting);
    }

    public DomainMemballoonStats getStats() {
        return stats;
    }

    public void setStats(DomainMemballoonStats stats) {
        this.stats = stats;
    }

    public DomainMemballoonDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainMemballoonDriver driver) {
        this.driver = driver;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
