package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <pm>} (formatdomain.html#power-management).
 */
@XmlType(propOrder = {"suspendToMem", "suspendToDisk", "extra"})
public class DomainPm extends XmlCatchAll {
    @XmlElement(name = "suspend-to-mem")
    private DomainPmSuspend suspendToMem;
    @XmlElement(name = "suspend-to-disk")
    private DomainPmSuspend suspendToDisk;

    public DomainPm() {
    }

    /** {@code <suspend-to-mem>}, {@code null} if absent. */
    public DomainPmSuspend getSuspendToMem() {
        return suspendToMem;
    }

    public void setSuspendToMem(DomainPmSuspend suspendToMem) {
        this.suspendToMem = suspendToMem;
    }

    /** {@code <suspend-to-disk>}, {@code null} if absent. */
    public DomainPmSuspend getSuspendToDisk() {
        return suspendToDisk;
    }

    public void setSuspendToDisk(DomainPmSuspend suspendToDisk) {
        this.suspendToDisk = suspendToDisk;
    }
}
