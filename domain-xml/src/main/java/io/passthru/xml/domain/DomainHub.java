package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <hub type='usb'>} (formatdomain.html#hub-devices).
 */
@XmlRootElement(name = "hub")
@XmlType(propOrder = {"alias", "address", "extra"})
public class DomainHub extends DomainDeviceBase {
    @XmlAttribute(name = "type")
    private String type;

    public DomainHub() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
