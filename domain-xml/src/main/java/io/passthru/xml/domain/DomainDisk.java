package io.passthru.xml.domain;

import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <disk type='file'|'block'|'network'|'volume'|'dir'|'nvme'|'vhostuser' device='disk'|'cdrom'|'floppy'|'lun'>}
 * (formatdomain.html#hard-drives-floppy-disks-cdroms). Children are written in libvirt's order; the backing chain is
 * {@link #getBackingStore()}.
 */
@XmlRootElement(name = "disk")
@XmlType(propOrder = {"driver", "auth", "source", "backingStore", "mirror", "backendDomain", "geometry", "blockIo", "target", "iotune", "throttleFilters", "readOnly", "shareable", "transientDisk", "serial", "wwn", "vendor", "product", "encryption", "boot", "alias", "acpi", "address", "extra"})
public class DomainDisk extends DomainDeviceBase {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "device")
    private String device;
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "rawio")
    private String rawioRaw;
    @XmlAttribute(name = "sgio")
    private String sgio;
    @XmlAttribute(name = "snapshot")
    private String snapshot;
    @XmlElement(name = "driver")
    private DomainDiskDriver driver;
    @XmlElement(name = "auth")
    private DomainDiskAuth auth;
    @XmlElement(name = "source")
    private DomainDiskSource source;
    @XmlElement(name = "backingStore")
    private DomainDiskBackingStore backingStore;
    @XmlElement(name = "mirror")
    private DomainDiskMirror mirror;
    @XmlElement(name = "backenddomain")
    private DomainDiskBackendDomain backendDomain;
    @XmlElement(name = "geometry")
    private DomainDiskGeometry geometry;
    @XmlElement(name = "blockio")
    private DomainDiskBlockIo blockIo;
    @XmlElement(name = "target")
    private DomainDiskTarget target;
    @XmlElement(name = "iotune")
    private DomainDiskIotune iotune;
    @XmlElement(name = "throttlefilters")
    private DomainDiskThrottleFilters throttleFilters;
    @XmlElement(name = "readonly")
    private DomainDiskReadOnly readOnly;
    @XmlElement(name = "shareable")
    private DomainDiskShareable shareable;
    @XmlElement(name = "transient")
    private DomainDiskTransient transientDisk;
    @XmlElement(name = "serial")
    private String serial;
    @XmlElement(name = "wwn")
    private String wwn;
    @XmlElement(name = "vendor")
    private String vendor;
    @XmlElement(name = "product")
    private String product;
    @XmlElement(name = "encryption")
    private DomainDiskEncryption encryption;
    @XmlElement(name = "boot")
    private DomainDeviceBoot boot;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainDisk() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** Raw {@code rawio} attribute text, {@code 'yes'|'no'}. */
    public String getRawioRaw() {
        return rawioRaw;
    }

    public void setRawioRaw(String rawioRaw) {
        this.rawioRaw = rawioRaw;
    }

    /** {@code rawio} attribute as Boolean, {@code null} if absent. */
    public Boolean getRawio() {
        return XmlValues.yesNo(rawioRaw, "rawio");
    }

    public void setRawio(Boolean rawio) {
        this.rawioRaw = XmlValues.yesNo(rawio);
    }

    public String getSgio() {
        return sgio;
    }

    public void setSgio(String sgio) {
        this.sgio = sgio;
    }

    public String getSnapshot() {
        return snapshot;
    }

    public void setSnapshot(String snapshot) {
        this.snapshot = snapshot;
    }

    public DomainDiskDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainDiskDriver driver) {
        this.driver = driver;
    }

    /** Old position of {@code <auth>} (before the source). */
    public DomainDiskAuth getAuth() {
        return auth;
    }

    public void setAuth(DomainDiskAuth auth) {
        this.auth = auth;
    }

    public DomainDiskSource getSource() {
        return source;
    }

    public void setSource(DomainDiskSource source) {
        this.source = source;
    }

    public DomainDiskBackingStore getBackingStore() {
        return backingStore;
    }

    public void setBackingStore(DomainDiskBackingStore backingStore) {
        this.backingStore = backingStore;
    }

    public DomainDiskMirror getMirror() {
        return mirror;
    }

    public void setMirror(DomainDiskMirror mirror) {
        this.mirror = mirror;
    }

    public DomainDiskBackendDomain getBackendDomain() {
        return backendDomain;
    }

    public void setBackendDomain(DomainDiskBackendDomain backendDomain) {
        this.backendDomain = backendDomain;
    }

    public DomainDiskGeometry getGeometry() {
        return geometry;
    }

    public void setGeometry(DomainDiskGeometry geometry) {
        this.geometry = geometry;
    }

    public DomainDiskBlockIo getBlockIo() {
        return blockIo;
    }

    public void setBlockIo(DomainDiskBlockIo blockIo) {
        this.blockIo = blockIo;
    }

    public DomainDiskTarget getTarget() {
        return target;
    }

    public void setTarget(DomainDiskTarget target) {
        this.target = target;
    }

    public DomainDiskIotune getIotune() {
        return iotune;
    }

    public void setIotune(DomainDiskIotune iotune) {
        this.iotune = iotune;
    }

    public DomainDiskThrottleFilters getThrottleFilters() {
        return throttleFilters;
    }

    public void setThrottleFilters(DomainDiskThrottleFilters throttleFilters) {
        this.throttleFilters = throttleFilters;
    }

    public DomainDiskReadOnly getReadOnly() {
        return readOnly;
    }

    public void setReadOnly(DomainDiskReadOnly readOnly) {
        this.readOnly = readOnly;
    }

    public DomainDiskShareable getShareable() {
        return shareable;
    }

    public void setShareable(DomainDiskShareable shareable) {
        this.shareable = shareable;
    }

    public DomainDiskTransient getTransientDisk() {
        return transientDisk;
    }

    public void setTransientDisk(DomainDiskTransient transientDisk) {
        this.transientDisk = transientDisk;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public String getWwn() {
        return wwn;
    }

    public void setWwn(String wwn) {
        this.wwn = wwn;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    /** Old position of {@code <encryption>} (outside the source). */
    public DomainDiskEncryption getEncryption() {
        return encryption;
    }

    public void setEncryption(DomainDiskEncryption encryption) {
        this.encryption = encryption;
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

    /**
     * A file-backed disk {@code <disk type='file' device='disk'><driver name='qemu' type='FORMAT'/><source file='PATH'/>
     * <target dev='DEV' bus='BUS'/></disk>} (formatdomain.html#hard-drives-floppy-disks-cdroms).
     *
     * @param format driver type, e.g. {@code qcow2} or {@code raw}; {@code null} for no {@code <driver>}
     */
    public static DomainDisk file(String path, String format, String dev, String bus) {
        DomainDisk d = new DomainDisk();
        d.type = "file";
        d.device = "disk";
        if (format != null) {
            d.driver = new DomainDiskDriver();
            d.driver.setName("qemu");
            d.driver.setType(format);
        }
        d.source = new DomainDiskSource();
        d.source.setFile(path);
        d.target = new DomainDiskTarget();
        d.target.setDev(dev);
        d.target.setBus(bus);
        return d;
    }

    /** Target device name ({@code vda}, {@code sdb}, ...), if any. */
    public Optional<String> targetDev() {
        return Optional.ofNullable(target).map(DomainDiskTarget::getDev);
    }

    /** Path of the image or block device: the source's {@code file}, {@code dev} or {@code dir}, if any. */
    public Optional<String> sourcePath() {
        if (source == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(source.getFile() != null ? source.getFile()
                : source.getDev() != null ? source.getDev() : source.getDir());
    }

    /** True if the disk has {@code <readonly/>}. */
    public boolean isReadOnlyDisk() {
        return readOnly != null;
    }

    /** Adds or removes {@code <readonly/>}. */
    public void setReadOnlyDisk(boolean value) {
        readOnly = value ? (readOnly != null ? readOnly : new DomainDiskReadOnly()) : null;
    }

    /** True if the disk has {@code <shareable/>}. */
    public boolean isShareableDisk() {
        return shareable != null;
    }

    /** Adds or removes {@code <shareable/>}. */
    public void setShareableDisk(boolean value) {
        shareable = value ? (shareable != null ? shareable : new DomainDiskShareable()) : null;
    }

    /** The backing chain below the top image, in order, without the empty end marker (a snapshot). */
    public List<DomainDiskBackingStore> backingChain() {
        List<DomainDiskBackingStore> out = new ArrayList<>();
        for (DomainDiskBackingStore b = backingStore; b != null; b = b.getBackingStore()) {
            if (b.getType() != null || b.getSource() != null) {
                out.add(b);
            }
        }
        return out;
    }
}
