package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <rng model='virtio'|'virtio-transitional'|'virtio-non-transitional'>} (formatdomain.html#random-number-generator-device).
 */
@XmlRootElement(name = "rng")
@XmlType(propOrder = {"rate", "backend", "driver", "alias", "acpi", "address", "extra"})
public class DomainRng extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "rate")
    private DomainRngRate rate;
    @XmlElement(name = "backend")
    private DomainRngBackend backend;
    @XmlElement(name = "driver")
    private DomainRngDriver driver;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainRng() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public DomainRngRate getRate() {
        return rate;
    }

    public void setRate(DomainRngRate rate) {
        this.rate = rate;
    }

    public DomainRngBackend getBackend() {
        return backend;
    }

    public void setBackend(DomainRngBackend backend) {
        this.backend = backend;
    }

    public DomainRngDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainRngDriver driver) {
        this.driver = driver;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
