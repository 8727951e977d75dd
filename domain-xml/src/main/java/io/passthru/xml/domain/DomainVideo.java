package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <video>} (formatdomain.html#video-devices).
 */
@XmlRootElement(name = "video")
@XmlType(propOrder = {"driver", "model", "alias", "acpi", "address", "extra"})
public class DomainVideo extends DomainDeviceBase {
    @XmlElement(name = "driver")
    private DomainVideoDriver driver;
    @XmlElement(name = "model")
    private DomainVideoModel model;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainVideo() {
    }

    public DomainVideoDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainVideoDriver driver) {
        this.driver = driver;
    }

    public DomainVideoModel getModel() {
        return model;
    }

    public void setModel(DomainVideoModel model) {
        this.model = model;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
