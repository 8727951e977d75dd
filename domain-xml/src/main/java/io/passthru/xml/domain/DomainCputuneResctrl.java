package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code <cachetune>} and {@code <memorytune>} share (libvirt's resctrl allocations,
 * formatdomain.html#cpu-tuning): the {@code vcpus} and {@code id} attributes and the {@code <monitor>} children. The
 * subclasses add their allocation children; their {@code propOrder} lists the inherited properties.
 */
@XmlTransient
public abstract class DomainCputuneResctrl extends XmlCatchAll {
    @XmlAttribute(name = "vcpus")
    private String vcpus;
    @XmlAttribute(name = "id")
    private String id;
    @XmlElement(name = "monitor")
    private List<DomainCputuneMonitor> monitors;

    protected DomainCputuneResctrl() {
    }

    /** Raw {@code vcpus} attribute, {@code null} if absent. */
    public String getVcpus() {
        return vcpus;
    }

    public void setVcpus(String vcpus) {
        this.vcpus = vcpus;
    }

    /** Raw {@code id} attribute, {@code null} if absent. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The {@code <monitor>} children in document order; live, never {@code null}. */
    public List<DomainCputuneMonitor> getMonitors() {
        if (monitors == null) {
            monitors = new ArrayList<>();
        }
        return monitors;
    }
}
