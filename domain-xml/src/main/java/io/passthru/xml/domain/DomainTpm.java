package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <tpm model='tpm-tis'|'tpm-crb'|'tpm-spapr'|'spapr-tpm-proxy'>} (formatdomain.html#tpm-device).
 */
@XmlRootElement(name = "tpm")
@XmlType(propOrder = {"backend", "alias", "acpi", "address", "extra"})
public class DomainTpm extends XmlCatchAll {
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "backend")
    private DomainTpmBackend backend;
    @XmlElement(name = "alias")
    private DomainAlias alias;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;
    @XmlElement(name = "address")
    private DomainAddress address;

    public DomainTpm() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public DomainTpmBackend getBackend() {
        return backend;
    }

    public void setBackend(DomainTpmBackend backend) {
        this.backend = backend;
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
