package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver name='vfio' model='vfio-pci-igb'/>} of a PCI hostdev: the host backend
 * (formatdomain.html#host-device-assignment).
 */
@XmlType(propOrder = {"extra"})
public class DomainHostdevDriver extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "model")
    private String model;

    public DomainHostdevDriver() {
    }

    /** Backend, {@code 'vfio'} (the only one QEMU supports) or {@code 'kvm'|'xen'}. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Variant driver, e.g. {@code vfio-pci-igb}. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public static DomainHostdevDriver vfio() {
        DomainHostdevDriver d = new DomainHostdevDriver();
        d.name = "vfio";
        return d;
    }
}
