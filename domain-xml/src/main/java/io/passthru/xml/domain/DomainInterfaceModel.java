package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <model type='virtio'/>} of an interface (formatdomain.html#setting-the-nic-model).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceModel extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;

    public DomainInterfaceModel() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
