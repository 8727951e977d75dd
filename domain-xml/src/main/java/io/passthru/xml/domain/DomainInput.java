package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <input type='tablet'|'mouse'|'keyboard'|'passthrough'|'evdev' bus='usb'|'ps2'|'virtio'|'xen'>}
 * (formatdomain.html#input-devices).
 */
@XmlRootElement(name = "input")
@XmlType(propOrder = {"driver", "source", "alias", "acpi", "address", "extra"})
public class DomainInput extends DomainDeviceBase {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "bus")
    private String bus;
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "driver")
    private DomainInputDriver driver;
    @XmlElement(name = "source")
    private DomainInputSource source;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainInput() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public DomainInputDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainInputDriver driver) {
        this.driver = driver;
    }

    public DomainInputSource getSource() {
        return source;
    }

    public void setSource(DomainInputSource source) {
        this.source = source;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
