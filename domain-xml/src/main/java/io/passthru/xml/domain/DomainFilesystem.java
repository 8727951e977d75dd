package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <filesystem type='mount'|'file'|'block'|'ram'|'bind'|'template'|'volume' accessmode='passthrough'|'mapped'|'squash'>}
 * (formatdomain.html#filesystems).
 */
@XmlRootElement(name = "filesystem")
@XmlType(propOrder = {"driver", "binary", "idmap", "source", "target", "readOnly", "spaceHardLimit", "spaceSoftLimit", "boot", "alias", "acpi", "address", "extra"})
public class DomainFilesystem extends DomainDeviceBase {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "accessmode")
    private String accessmode;
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "multidevs")
    private String multidevs;
    @XmlAttribute(name = "fmode")
    private String fmode;
    @XmlAttribute(name = "dmode")
    private String dmode;
    @XmlElement(name = "driver")
    private DomainFilesystemDriver driver;
    @XmlElement(name = "binary")
    private DomainFilesystemBinary binary;
    @XmlElement(name = "idmap")
    private DomainFilesystemIdmap idmap;
    @XmlElement(name = "source")
    private DomainFilesystemSource source;
    @XmlElement(name = "target")
    private DomainFilesystemTarget target;
    @XmlElement(name = "readonly")
    private DomainFilesystemReadOnly readOnly;
    @XmlElement(name = "space_hard_limit")
    private DomainMemory spaceHardLimit;
    @XmlElement(name = "space_soft_limit")
    private DomainMemory spaceSoftLimit;
    @XmlElement(name = "boot")
    private DomainDeviceBoot boot;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainFilesystem() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getAccessmode() {
        return accessmode;
    }

    public void setAccessmode(String accessmode) {
        this.accessmode = accessmode;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getMultidevs() {
        return multidevs;
    }

    public void setMultidevs(String multidevs) {
        this.multidevs = multidevs;
    }

    public String getFmode() {
        return fmode;
    }

    public void setFmode(String fmode) {
        this.fmode = fmode;
    }

    public String getDmode() {
        return dmode;
    }

    public void setDmode(String dmode) {
        this.dmode = dmode;
    }

    public DomainFilesystemDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainFilesystemDriver driver) {
        this.driver = driver;
    }

    public DomainFilesystemBinary getBinary() {
        return binary;
    }

    public void setBinary(DomainFilesystemBinary binary) {
        this.binary = binary;
    }

    public DomainFilesystemIdmap getIdmap() {
        return idmap;
    }

    public void setIdmap(DomainFilesystemIdmap idmap) {
        this.idmap = idmap;
    }

    public DomainFilesystemSource getSource() {
        return source;
    }

    public void setSource(DomainFilesystemSource source) {
        this.source = source;
    }

    public DomainFilesystemTarget getTarget() {
        return target;
    }

    public void setTarget(DomainFilesystemTarget target) {
        this.target = target;
    }

    public DomainFilesystemReadOnly getReadOnly() {
        return readOnly;
    }

    public void setReadOnly(DomainFilesystemReadOnly readOnly) {
        this.readOnly = readOnly;
    }

    public DomainMemory getSpaceHardLimit() {
        return spaceHardLimit;
    }

    public void setSpaceHardLimit(DomainMemory spaceHardLimit) {
        this.spaceHardLimit = spaceHardLimit;
    }

    public DomainMemory getSpaceSoftLimit() {
        return spaceSoftLimit;
    }

    public void setSpaceSoftLimit(DomainMemory spaceSoftLimit) {
        this.spaceSoftLimit = spaceSoftLimit;
    }

    /** Per-device boot order. */
    public DomainDeviceBoot getBoot() {
        return boot;
    }

    public void setBoot(DomainDeviceBoot boot) {
        this.boot = boot;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
