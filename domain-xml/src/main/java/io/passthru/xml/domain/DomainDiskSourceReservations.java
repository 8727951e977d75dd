package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <reservations managed='yes'>} of a disk source (persistent reservations).
 */
@XmlType(propOrder = {"source", "extra"})
public class DomainDiskSourceReservations extends XmlCatchAll {
    @XmlAttribute(name = "managed")
    private String managedRaw;
    @XmlElement(name = "source")
    private DomainDiskReservationsSource source;

    public DomainDiskSourceReservations() {
    }

    /** Raw {@code managed} attribute text, {@code 'yes'|'no'}. */
    public String getManagedRaw() {
        return managedRaw;
    }

    public void setManagedRaw(String managedRaw) {
        this.managedRaw = managedRaw;
    }

    /** {@code managed} attribute as Boolean, {@code null} if absent. */
    public Boolean getManaged() {
        return XmlValues.yesNo(managedRaw, "managed");
    }

    public void setManaged(Boolean managed) {
        this.managedRaw = XmlValues.yesNo(managed);
    }

    public DomainDiskReservationsSource getSource() {
        return source;
    }

    public void setSource(DomainDiskReservationsSource source) {
        this.source = source;
    }
}
