package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <memorytune vcpus='0-3'>} (formatdomain.html#cpu-tuning).
 */
@XmlType(propOrder = {"nodes", "monitors", "extra"})
public class DomainCputuneMemorytune extends XmlCatchAll {
    @XmlAttribute(name = "vcpus")
    private String vcpus;
    @XmlAttribute(name = "id")
    private String id;
    @XmlElement(name = "node")
    private List<DomainCputuneMemorytuneNode> nodes;
    @XmlElement(name = "monitor")
    private List<DomainCputuneMonitor> monitors;

    public DomainCputuneMemorytune() {
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

    /** The {@code <node>} children in document order; live, never {@code null}. */
    public List<DomainCputuneMemorytuneNode> getNodes() {
        if (nodes == null) {
            nodes = new ArrayList<>();
        }
        return nodes;
    }

    /** The {@code <monitor>} children in document order; live, never {@code null}. */
    public List<DomainCputuneMonitor> getMonitors() {
        if (monitors == null) {
            monitors = new ArrayList<>();
        }
        return monitors;
    }
}
