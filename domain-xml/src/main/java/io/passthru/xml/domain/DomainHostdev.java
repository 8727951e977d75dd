package io.passthru.xml.domain;

import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.Optional;

/**
 * {@code <hostdev mode='subsystem' type='pci' managed='yes'>}: a host device assigned to the guest
 * (formatdomain.html#host-device-assignment). With {@code managed='yes'} libvirt detaches the device from its host
 * driver and binds it to vfio-pci on attach, and gives it back on detach. Also the root of a device fragment for
 * {@code virsh attach-device}/{@code detach-device}.
 */
@XmlRootElement(name = "hostdev")
@XmlType(propOrder = {"driver", "source", "teaming", "boot", "alias", "rom", "address", "readonly", "shareable", "extra"})
public class DomainHostdev extends DomainDeviceBase {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "managed")
    private String managedRaw;
    @XmlElement(name = "driver")
    private DomainHostdevDriver driver;
    @XmlElement(name = "source")
    private DomainHostdevSource source;
    @XmlElement(name = "teaming")
    private DomainInterfaceTeaming teaming;
    @XmlElement(name = "boot")
    private DomainDeviceBoot boot;
    @XmlElement(name = "rom")
    private DomainRom rom;

    @XmlAttribute(name = "rawio")
    private String rawio;
    @XmlAttribute(name = "sgio")
    private String sgio;
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "display")
    private String display;
    @XmlAttribute(name = "ramfb")
    private String ramfb;
    @XmlElement(name = "readonly")
    private DomainFlag readonly;
    @XmlElement(name = "shareable")
    private DomainFlag shareable;

    public DomainHostdev() {
    }

    /**
     * A managed VFIO PCI hostdev for host device {@code host}: {@code <hostdev mode='subsystem' type='pci'
     * managed='yes'><driver name='vfio'/><source><address domain='0x0000' bus='0x01' slot='0x10'
     * function='0x2'/></source></hostdev>} (formatdomain.html#host-device-assignment).
     */
    public static DomainHostdev pciVfio(PciAddress host) {
        DomainHostdev h = new DomainHostdev();
        h.mode = "subsystem";
        h.type = "pci";
        h.managedRaw = "yes";
        h.driver = DomainHostdevDriver.vfio();
        h.source = new DomainHostdevSource();
        DomainAddress a = new DomainAddress();
        a.setPci(host);
        h.source.setAddress(a);
        return h;
    }

    /**
     * A mediated device hostdev for the mdev with {@code uuid}: {@code <hostdev mode='subsystem' type='mdev'
     * model='vfio-pci'><source><address uuid='...'/></source></hostdev>} (formatdomain.html "Host device assignment",
     * mediated devices: libvirt manages no driver binding for it, the mdev must exist on the host).
     */
    public static DomainHostdev mdev(String uuid) {
        DomainHostdev h = new DomainHostdev();
        h.mode = "subsystem";
        h.type = "mdev";
        h.model = "vfio-pci";
        h.source = new DomainHostdevSource();
        DomainAddress a = new DomainAddress();
        a.setUuid(uuid);
        h.source.setAddress(a);
        return h;
    }

    /** True for {@code type='mdev'}. */
    public boolean isMdev() {
        return "mdev".equals(type);
    }

    /** The UUID of an mdev hostdev ({@code <source><address uuid=.../>}), if it is one. */
    public java.util.Optional<String> mdevUuid() {
        return isMdev() && source != null && source.getAddress() != null
                ? java.util.Optional.ofNullable(source.getAddress().getUuid()) : java.util.Optional.empty();
    }

    /** True for {@code type='pci'}. */
    public boolean isPci() {
        return "pci".equals(type);
    }

    /** Host PCI address of a {@code type='pci'} hostdev, if it has one. */
    public Optional<PciAddress> sourcePciAddress() {
        if (!isPci() || source == null || source.getAddress() == null) {
            return Optional.empty();
        }
        DomainAddress a = source.getAddress();
        return a.getType() == null || "pci".equals(a.getType()) ? Optional.of(a.toPciAddress()) : Optional.empty();
    }

    /** {@code 'subsystem'|'capabilities'}. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** {@code 'pci'|'usb'|'scsi'|'scsi_host'|'mdev'} (subsystem) or {@code 'storage'|'misc'|'net'}. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code managed} attribute, {@code "yes"|"no"|null}. */
    public String getManagedRaw() {
        return managedRaw;
    }

    public void setManagedRaw(String managedRaw) {
        this.managedRaw = managedRaw;
    }

    /** {@code managed} as Boolean, {@code null} if absent (libvirt's default is no). */
    public Boolean getManaged() {
        return XmlValues.yesNo(managedRaw, "hostdev managed");
    }

    public void setManaged(Boolean managed) {
        this.managedRaw = XmlValues.yesNo(managed);
    }

    public DomainHostdevDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainHostdevDriver driver) {
        this.driver = driver;
    }

    public DomainHostdevSource getSource() {
        return source;
    }

    public void setSource(DomainHostdevSource source) {
        this.source = source;
    }

    public DomainInterfaceTeaming getTeaming() {
        return teaming;
    }

    public void setTeaming(DomainInterfaceTeaming teaming) {
        this.teaming = teaming;
    }

    public DomainDeviceBoot getBoot() {
        return boot;
    }

    public void setBoot(DomainDeviceBoot boot) {
        this.boot = boot;
    }

    public DomainRom getRom() {
        return rom;
    }

    public void setRom(DomainRom rom) {
        this.rom = rom;
    }

    /** Raw {@code rawio} attribute, {@code null} if absent. */
    public String getRawio() {
        return rawio;
    }

    public void setRawio(String rawio) {
        this.rawio = rawio;
    }

    /** Raw {@code sgio} attribute, {@code null} if absent. */
    public String getSgio() {
        return sgio;
    }

    public void setSgio(String sgio) {
        this.sgio = sgio;
    }

    /** Raw {@code model} attribute, {@code null} if absent. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** Raw {@code display} attribute, {@code null} if absent. */
    public String getDisplay() {
        return display;
    }

    public void setDisplay(String display) {
        this.display = display;
    }

    /** Raw {@code ramfb} attribute, {@code null} if absent. */
    public String getRamfb() {
        return ramfb;
    }

    public void setRamfb(String ramfb) {
        this.ramfb = ramfb;
    }

    /** {@code <readonly>}, {@code null} if absent. */
    public DomainFlag getReadonly() {
        return readonly;
    }

    public void setReadonly(DomainFlag readonly) {
        this.readonly = readonly;
    }

    /** {@code <shareable>}, {@code null} if absent. */
    public DomainFlag getShareable() {
        return shareable;
    }

    public void setShareable(DomainFlag shareable) {
        this.shareable = shareable;
    }
}
