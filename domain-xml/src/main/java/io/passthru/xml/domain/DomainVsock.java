package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <vsock model='virtio'>} (formatdomain.html#vsock).
 */
@XmlRootElement(name = "vsock")
@XmlType(propOrder = {"cid", "driver", "alias", "acpi", "address", "extra"})
public class DomainVsock extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "cid")
    private DomainVsockCid cid;
    @XmlElement(name = "driver")
    private DomainVsockDriver driver;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainVsock() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public DomainVsockCid getCid() {
        return cid;
    }

    public void setCid(DomainVsockCid cid) {
        this.cid = cid;
    }

    public DomainVsockDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainVsockDriver driver) {
        this.driver = driver;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
