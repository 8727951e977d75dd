package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <dirty-ring state='on' size='4096'/>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"extra"})
public class DomainFeatureKvmDirtyRing extends XmlCatchAll {
    @XmlAttribute(name = "state")
    private String state;
    @XmlAttribute(name = "size")
    private String size;

    public DomainFeatureKvmDirtyRing() {
    }

    /** Raw {@code state} attribute, {@code null} if absent. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** Raw {@code size} attribute, {@code null} if absent. */
    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }
}
