package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <model type='ivshmem-plain'|'ivshmem-doorbell'|'ivshmem'/>} of a shared memory device.
 */
@XmlType(propOrder = {"extra"})
public class DomainShmemModel extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;

    public DomainShmemModel() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
