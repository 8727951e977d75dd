package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <tpm model='tpm-tis'|'tpm-crb'|'tpm-spapr'|'spapr-tpm-proxy'>} (formatdomain.html#tpm-device).
 */
@XmlRootElement(name = "tpm")
@XmlType(propOrder = {"backend", "alias", "acpi", "address", "extra"})
public class DomainTpm extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "backend")
    private DomainTpmBackend backend;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

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

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
