package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target type='isa-serial' port='0'><model name='isa-serial'/></target>} of a serial device.
 */
@XmlType(propOrder = {"model", "extra"})
public class DomainSerialTarget extends DomainQemuCdevTarget {
    @XmlElement(name = "model")
    private DomainSerialTargetModel model;

    public DomainSerialTarget() {
    }

    public DomainSerialTargetModel getModel() {
        return model;
    }

    public void setModel(DomainSerialTargetModel model) {
        this.model = model;
    }
}
