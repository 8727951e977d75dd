package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <vsock model='virtio'>} (formatdomain.html#vsock).
 */
@XmlRootElement(name = "vsock")
@XmlType(propOrder = {"cid", "driver", "alias", "acpi", "address", "extra"})
public class DomainVsock extends XmlCatchAll {
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "cid")
    private DomainVsockCid cid;
    @XmlElement(name = "driver")
    private DomainVsockDriver driver;
    @XmlElement(name = "alias")
    private DomainAlias alias;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;
    @XmlElement(name = "address")
    private DomainAddress address;

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

    public DomainAlias getAlias() {
        return alias;
    }

    public void setAlias(DomainAlias alias) {
        this.alias = alias;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }

    /** Guest-side address. */
    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }
}
