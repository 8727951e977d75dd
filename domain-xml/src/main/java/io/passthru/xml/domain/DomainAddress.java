package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import io.passthru.xml.HexIntAdapter;
import io.passthru.xml.InvalidXmlValueException;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

import java.util.Optional;

/**
 * {@code <address>} of a device: the guest-side address ({@code type='pci'|'drive'|'virtio-serial'|'usb'|'ccw'|...},
 * formatdomain.html#device-addresses) and the host-side source address of a PCI hostdev
 * (formatdomain.html#host-device-assignment, where {@code type} is usually absent). All attributes are kept as the
 * original strings ({@code domain='0x0000'}); {@link #toPciAddress()} and {@link #pci(PciAddress)} convert.
 */
@XmlType(propOrder = {"zpci", "extra"})
public class DomainAddress extends XmlCatchAll {
    private static final HexIntAdapter.PciDomain DOMAIN = new HexIntAdapter.PciDomain();
    private static final HexIntAdapter.PciBus BUS = new HexIntAdapter.PciBus();
    private static final HexIntAdapter.PciSlot SLOT = new HexIntAdapter.PciSlot();
    private static final HexIntAdapter.PciFunction FUNCTION = new HexIntAdapter.PciFunction();

    @XmlAttribute
    private String type;
    @XmlAttribute
    private String domain;
    @XmlAttribute
    private String bus;
    @XmlAttribute
    private String slot;
    @XmlAttribute
    private String function;
    @XmlAttribute
    private String multifunction;
    @XmlAttribute
    private String controller;
    @XmlAttribute
    private String target;
    @XmlAttribute
    private String unit;
    @XmlAttribute
    private String port;
    @XmlAttribute
    private String device;
    @XmlAttribute
    private String cssid;
    @XmlAttribute
    private String ssid;
    @XmlAttribute
    private String devno;
    @XmlAttribute
    private String uuid;

    @XmlAttribute(name = "reg")
    private String reg;
    @XmlAttribute(name = "iobase")
    private String iobase;
    @XmlAttribute(name = "irq")
    private String irq;
    @XmlAttribute(name = "base")
    private String base;
    @XmlElement(name = "zpci")
    private DomainAddressZpci zpci;

    public DomainAddress() {
    }

    /**
     * Guest or source PCI address {@code <address type='pci' domain='0x0000' bus='0x01' slot='0x10'
     * function='0x2'/>}, numbers written in libvirt's style (domain {@code 0x%04x}, bus and slot {@code 0x%02x},
     * function {@code 0x%x}).
     */
    public static DomainAddress pci(PciAddress address) {
        DomainAddress a = new DomainAddress();
        a.type = "pci";
        a.setPci(address);
        return a;
    }

    /** Sets the four PCI attributes from {@code address} in libvirt's style; leaves {@code type} alone. */
    public void setPci(PciAddress address) {
        domain = DOMAIN.format(address.domain());
        bus = BUS.format(address.bus());
        slot = SLOT.format(address.slot());
        function = FUNCTION.format(address.function());
    }

    /**
     * True for {@code type='pci'}, and for an address without {@code type} that has a {@code slot} or
     * {@code function} attribute (a hostdev source address).
     */
    public boolean isPci() {
        if (type != null) {
            return "pci".equals(type);
        }
        return slot != null || function != null;
    }

    /**
     * The PCI address; missing attributes count as 0 as in libvirt's {@code virPCIDeviceAddressParseXML}.
     *
     * @throws InvalidXmlValueException if this is not a PCI address ({@link #isPci()}) or a value is invalid
     */
    public PciAddress toPciAddress() {
        if (type != null && !"pci".equals(type)) {
            throw new InvalidXmlValueException("address type='" + type + "' is not a PCI address (expected type='pci')");
        }
        return PciAddress.fromXmlAttributes(domain, bus, slot, function);
    }

    /** {@link #toPciAddress()} if {@link #isPci()}, else empty. */
    public Optional<PciAddress> pciAddress() {
        return isPci() ? Optional.of(toPciAddress()) : Optional.empty();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    /** {@code 'on'|'off'} (PCI). */
    public String getMultifunction() {
        return multifunction;
    }

    public void setMultifunction(String multifunction) {
        this.multifunction = multifunction;
    }

    public String getController() {
        return controller;
    }

    public void setController(String controller) {
        this.controller = controller;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    /** USB hostdev source address device number. */
    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public String getCssid() {
        return cssid;
    }

    public void setCssid(String cssid) {
        this.cssid = cssid;
    }

    public String getSsid() {
        return ssid;
    }

    public void setSsid(String ssid) {
        this.ssid = ssid;
    }

    public String getDevno() {
        return devno;
    }

    public void setDevno(String devno) {
        this.devno = devno;
    }

    /** mdev hostdev source UUID. */
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    /** Raw {@code reg} attribute, {@code null} if absent. */
    public String getReg() {
        return reg;
    }

    public void setReg(String reg) {
        this.reg = reg;
    }

    /** Raw {@code iobase} attribute, {@code null} if absent. */
    public String getIobase() {
        return iobase;
    }

    public void setIobase(String iobase) {
        this.iobase = iobase;
    }

    /** Raw {@code irq} attribute, {@code null} if absent. */
    public String getIrq() {
        return irq;
    }

    public void setIrq(String irq) {
        this.irq = irq;
    }

    /** Raw {@code base} attribute, {@code null} if absent. */
    public String getBase() {
        return base;
    }

    public void setBase(String base) {
        this.base = base;
    }

    /** {@code <zpci>}, {@code null} if absent. */
    public DomainAddressZpci getZpci() {
        return zpci;
    }

    public void setZpci(DomainAddressZpci zpci) {
        this.zpci = zpci;
    }
}
