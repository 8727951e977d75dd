package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <ioapic driver='qemu'|'kvm'/>} (formatdomain.html#hypervisor-features); a split
 * (qemu) IOAPIC is needed for an intel-iommu with interrupt remapping.
 */
@XmlType(propOrder = {"extra"})
public class DomainFeatureIoapic extends XmlCatchAll {
    @XmlAttribute(name = "driver")
    private String driver;

    public DomainFeatureIoapic() {
    }

    public String getDriver() {
        return driver;
    }

    public void setDriver(String driver) {
        this.driver = driver;
    }
}
