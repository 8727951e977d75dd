package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <cachetune vcpus='0-3'>} (formatdomain.html#cpu-tuning).
 */
@XmlType(propOrder = {"caches", "monitors", "extra"})
public class DomainCputuneCachetune extends XmlCatchAll {
    @XmlAttribute(name = "vcpus")
    private String vcpus;
    @XmlAttribute(name = "id")
    private String id;
    @XmlElement(name = "cache")
    private List<DomainCputuneCachetuneCache> caches;
    @XmlElement(name = "monitor")
    private List<DomainCputuneMonitor> monitors;

    public DomainCputuneCachetune() {
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

    /** The {@code <cache>} children in document order; live, never {@code null}. */
    public List<DomainCputuneCachetuneCache> getCaches() {
        if (caches == null) {
            caches = new ArrayList<>();
        }
        return caches;
    }

    /** The {@code <monitor>} children in document order; live, never {@code null}. */
    public List<DomainCputuneMonitor> getMonitors() {
        if (monitors == null) {
            monitors = new ArrayList<>();
        }
        return monitors;
    }
}
