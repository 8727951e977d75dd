package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <features>} (formatdomain.html#hypervisor-features): acpi, apic, pae, ioapic typed;
 * every other feature (hyperv, kvm, vmport, smm, ...) in the catch-all.
 */
@XmlType(propOrder = {"acpi", "apic", "pae", "ioapic", "extra"})
public class DomainFeatures extends XmlCatchAll {
    @XmlElement(name = "acpi")
    private DomainFeature acpi;
    @XmlElement(name = "apic")
    private DomainFeatureApic apic;
    @XmlElement(name = "pae")
    private DomainFeature pae;
    @XmlElement(name = "ioapic")
    private DomainFeatureIoapic ioapic;

    public DomainFeatures() {
    }

    public DomainFeature getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainFeature acpi) {
        this.acpi = acpi;
    }

    public DomainFeatureApic getApic() {
        return apic;
    }

    public void setApic(DomainFeatureApic apic) {
        this.apic = apic;
    }

    public DomainFeature getPae() {
        return pae;
    }

    public void setPae(DomainFeature pae) {
        this.pae = pae;
    }

    public DomainFeatureIoapic getIoapic() {
        return ioapic;
    }

    public void setIoapic(DomainFeatureIoapic ioapic) {
        this.ioapic = ioapic;
    }
}
