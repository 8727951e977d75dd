package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <label><size unit='KiB'>128</size></label>} of an nvdimm target.
 */
@XmlType(propOrder = {"size", "extra"})
public class DomainMemorydevTargetLabel extends XmlCatchAll {
    @XmlElement(name = "size")
    private DomainMemory size;

    public DomainMemorydevTargetLabel() {
    }

    public DomainMemory getSize() {
        return size;
    }

    public void setSize(DomainMemory size) {
        this.size = size;
    }
}
