package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <crypto model='virtio' type='qemu'>} (formatdomain.html#crypto).
 */
@XmlRootElement(name = "crypto")
@XmlType(propOrder = {"backend", "driver", "alias", "address", "extra"})
public class DomainCrypto extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "backend")
    private DomainCryptoBackend backend;
    @XmlElement(name = "driver")
    private DomainCryptoDriver driver;

    public DomainCrypto() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public DomainCryptoBackend getBackend() {
        return backend;
    }

    public void setBackend(DomainCryptoBackend backend) {
        this.backend = backend;
    }

    public DomainCryptoDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainCryptoDriver driver) {
        this.driver = driver;
    }
}
