package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import io.passthru.xml.HexIntAdapter;
import io.passthru.xml.InvalidXmlValueException;
import io.passthru.xml.PciAddress;
import io.passthru.xml.PciAddressParts;
import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code <address>} of a device: the guest-side address ({@code type='pci'|'drive'|'virtio-serial'|'usb'|'ccw'|...},
 * formatdomain.html#device-addresses) and the host-side source address of a PCI hostdev
 * (formatdomain.html#host-device-assignment, where {@code type} is usually absent). All attributes are kept as the
 * original strings ({@code domain='0x0000'}), so output is lossless; typed views per type convert and check ranges:
 * {@link #toPciAddress()} / {@link #pci(PciAddress)} (PCI, with the {@code <zpci>} child on s390),
 * {@link #drive()}, {@link #virtioSerial()}, {@link #ccid()}, {@link #usb()}, {@link #ccw()}, {@link #spaprVioReg()},
 * {@link #isa()}, {@link #dimm()}; {@code virtio-mmio} and {@code unassigned} have no attributes
 * ({@link #isType(String)}). Numbers are read as hex ({@code 0x} prefix) or decimal.
 */
@XmlType(propOrder = {"zpci", "extra"})
public class DomainAddress extends XmlCatchAll implements PciAddressParts {
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
        return pciAddressOfParts();
    }

    /** {@link #toPciAddress()} if {@link #isPci()}, else empty. */
    public Optional<PciAddress> pciAddress() {
        return isPci() ? Optional.of(toPciAddress()) : Optional.empty();
    }

    // ---- typed views per address type (formatdomain.html#device-addresses); the raw strings stay as written

    /** {@code type='drive'}: controller, bus, target, unit (decimal as libvirt writes them). */
    public record Drive(int controller, int bus, int target, int unit) {
    }

    /** {@code type='virtio-serial'}: controller, bus, port. */
    public record VirtioSerial(int controller, int bus, int port) {
    }

    /** {@code type='ccid'}: controller, slot. */
    public record Ccid(int controller, int slot) {
    }

    /** {@code type='usb'}: bus and port path, e.g. {@code port='1.2'} (up to 4 levels of hubs). */
    public record Usb(int bus, String port) {
    }

    /** {@code type='ccw'}: cssid {@code 0..0xfe}, ssid {@code 0..3}, devno {@code 0..0xffff}. */
    public record Ccw(int cssid, int ssid, int devno) {
        public Ccw {
            range("ccw cssid", cssid, 0xfe);
            range("ccw ssid", ssid, 0x3);
            range("ccw devno", devno, 0xffff);
        }
    }

    /** {@code type='isa'}: iobase and irq. */
    public record Isa(Integer iobase, Integer irq) {
    }

    /** {@code type='dimm'}: slot and base address. */
    public record Dimm(Integer slot, Long base) {
    }

    /** {@code <zpci uid='0x0001' fid='0x00000000'/>}: uid {@code 1..0xffff}, fid {@code 0..0xffffffff}. */
    public record Zpci(Integer uid, Long fid) {
        public Zpci {
            if (uid != null && (uid < 1 || uid > 0xffff)) {
                throw new InvalidXmlValueException("zpci uid " + uid + " is out of range 0x1-0xffff");
            }
            if (fid != null && (fid < 0 || fid > 0xffffffffL)) {
                throw new InvalidXmlValueException("zpci fid " + fid + " is out of range 0x0-0xffffffff");
            }
        }
    }

    private static void range(String what, int v, int max) {
        if (v < 0 || v > max) {
            throw new InvalidXmlValueException(what + " " + v + " (0x" + Integer.toHexString(v)
                    + ") is out of range 0x0-0x" + Integer.toHexString(max));
        }
    }

    private void requireType(String expected) {
        if (!expected.equals(type)) {
            throw new InvalidXmlValueException("address type='" + type + "' is not a " + expected
                    + " address (expected type='" + expected + "')");
        }
    }

    private static int num(String raw, String what) {
        Integer v = XmlValues.integer(raw, what);
        return v == null ? 0 : v;
    }

    private static Long bigNum(String raw, String what) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        try {
            boolean hex = t.startsWith("0x") || t.startsWith("0X");
            long v = Long.parseUnsignedLong(hex ? t.substring(2) : t, hex ? 16 : 10);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new InvalidXmlValueException(what + "='" + raw + "' is invalid: expected a number (decimal, or hex"
                + " with 0x prefix) 0-0x7fffffffffffffff");
    }

    /** Typed drive address; missing attributes count as 0. @throws InvalidXmlValueException if not type='drive' */
    public Drive drive() {
        requireType("drive");
        return new Drive(num(controller, "controller"), num(bus, "bus"), num(target, "target"), num(unit, "unit"));
    }

    /** {@code <address type='drive' controller='0' bus='0' target='0' unit='1'/>}. */
    public static DomainAddress drive(Drive d) {
        DomainAddress a = new DomainAddress();
        a.type = "drive";
        a.controller = Integer.toString(d.controller());
        a.bus = Integer.toString(d.bus());
        a.target = Integer.toString(d.target());
        a.unit = Integer.toString(d.unit());
        return a;
    }

    /** Typed virtio-serial address. @throws InvalidXmlValueException if not type='virtio-serial' */
    public VirtioSerial virtioSerial() {
        requireType("virtio-serial");
        return new VirtioSerial(num(controller, "controller"), num(bus, "bus"), num(port, "port"));
    }

    /** {@code <address type='virtio-serial' controller='0' bus='0' port='1'/>}. */
    public static DomainAddress virtioSerial(VirtioSerial v) {
        DomainAddress a = new DomainAddress();
        a.type = "virtio-serial";
        a.controller = Integer.toString(v.controller());
        a.bus = Integer.toString(v.bus());
        a.port = Integer.toString(v.port());
        return a;
    }

    /** Typed ccid address. @throws InvalidXmlValueException if not type='ccid' */
    public Ccid ccid() {
        requireType("ccid");
        return new Ccid(num(controller, "controller"), num(slot, "slot"));
    }

    /** Typed usb address. @throws InvalidXmlValueException if not type='usb' or the port path is malformed */
    public Usb usb() {
        requireType("usb");
        if (port != null && !port.matches("\\d+(\\.\\d+){0,3}")) {
            throw new InvalidXmlValueException("usb address port='" + port
                    + "' is invalid: expected 1 to 4 dot-separated numbers, e.g. 1.2");
        }
        return new Usb(num(bus, "bus"), port);
    }

    /** Typed ccw address (ranges checked). @throws InvalidXmlValueException if not type='ccw' or out of range */
    public Ccw ccw() {
        requireType("ccw");
        return new Ccw(num(cssid, "cssid"), num(ssid, "ssid"), num(devno, "devno"));
    }

    /** {@code <address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/>}, libvirt's style. */
    public static DomainAddress ccw(Ccw c) {
        DomainAddress a = new DomainAddress();
        a.type = "ccw";
        a.cssid = String.format(Locale.ROOT, "0x%x", c.cssid());
        a.ssid = String.format(Locale.ROOT, "0x%x", c.ssid());
        a.devno = String.format(Locale.ROOT, "0x%04x", c.devno());
        return a;
    }

    /** spapr-vio {@code reg}, or {@code null}. @throws InvalidXmlValueException if not type='spapr-vio' */
    public Long spaprVioReg() {
        requireType("spapr-vio");
        return bigNum(reg, "reg");
    }

    /** Typed isa address. @throws InvalidXmlValueException if not type='isa' */
    public Isa isa() {
        requireType("isa");
        return new Isa(XmlValues.integer(iobase, "iobase"), XmlValues.integer(irq, "irq"));
    }

    /** Typed dimm address. @throws InvalidXmlValueException if not type='dimm' */
    public Dimm dimm() {
        requireType("dimm");
        return new Dimm(XmlValues.integer(slot, "slot"), bigNum(base, "base"));
    }

    /** True for the address types without attributes: {@code virtio-mmio}, {@code unassigned}, ... */
    public boolean isType(String addressType) {
        return addressType.equals(type);
    }

    /** The typed zpci child of an s390 PCI address, if any (ranges checked). */
    public Optional<Zpci> zpciValues() {
        if (zpci == null) {
            return Optional.empty();
        }
        return Optional.of(new Zpci(XmlValues.integer(zpci.getUid(), "zpci uid"),
                bigNum(zpci.getFid(), "zpci fid")));
    }

    /** Sets the zpci child in libvirt's style ({@code uid='0x%04x' fid='0x%08x'}). */
    public void setZpciValues(Zpci z) {
        DomainAddressZpci e = new DomainAddressZpci();
        e.setUid(z.uid() == null ? null : String.format(Locale.ROOT, "0x%04x", z.uid()));
        e.setFid(z.fid() == null ? null : String.format(Locale.ROOT, "0x%08x", z.fid()));
        zpci = e;
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
