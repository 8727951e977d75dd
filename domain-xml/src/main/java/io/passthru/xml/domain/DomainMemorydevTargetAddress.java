package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <address base='0x100000000'/>} of a virtio-mem/virtio-pmem target: guest physical base address.
 */
@XmlType(propOrder = {"extra"})
public class DomainMemorydevTargetAddress extends XmlCatchAll {
    @XmlAttribute(name = "base")
    private String base;

    public DomainMemorydevTargetAddress() {
    }

    public String getBase() {
        return base;
    }

    public void setBase(String base) {
        this.base = base;
    }
}
