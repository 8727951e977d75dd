package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <panic model='isa'|'pseries'|'hyperv'|'s390'|'pvpanic'|...>} (formatdomain.html#panic-device).
 */
@XmlRootElement(name = "panic")
@XmlType(propOrder = {"alias", "address", "extra"})
public class DomainPanic extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;

    public DomainPanic() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }
}
