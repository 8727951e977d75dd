package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <origstates><unbind/><removeslot/><reprobe/></origstates>}: how libvirt found a PCI device before detaching it (status XML of a running domain, formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"unbind", "removeslot", "reprobe", "extra"})
public class DomainHostdevSourceOrigstates extends XmlCatchAll {
    @XmlElement(name = "unbind")
    private DomainFlag unbind;
    @XmlElement(name = "removeslot")
    private DomainFlag removeslot;
    @XmlElement(name = "reprobe")
    private DomainFlag reprobe;

    public DomainHostdevSourceOrigstates() {
    }

    /** {@code <unbind>}, {@code null} if absent. */
    public DomainFlag getUnbind() {
        return unbind;
    }

    public void setUnbind(DomainFlag unbind) {
        this.unbind = unbind;
    }

    /** {@code <removeslot>}, {@code null} if absent. */
    public DomainFlag getRemoveslot() {
        return removeslot;
    }

    public void setRemoveslot(DomainFlag removeslot) {
        this.removeslot = removeslot;
    }

    /** {@code <reprobe>}, {@code null} if absent. */
    public DomainFlag getReprobe() {
        return reprobe;
    }

    public void setReprobe(DomainFlag reprobe) {
        this.reprobe = reprobe;
    }
}
