package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <apic eoi='on'/>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"extra"})
public class DomainFeatureApic extends XmlCatchAll {
    @XmlAttribute(name = "eoi")
    private String eoi;

    public DomainFeatureApic() {
    }

    public String getEoi() {
        return eoi;
    }

    public void setEoi(String eoi) {
        this.eoi = eoi;
    }
}
