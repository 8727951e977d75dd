package io.passthru.xml.domain;

import java.util.List;
import java.util.ArrayList;
import jakarta.xml.bind.annotation.XmlElement;
import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <cpu mode='host-passthrough' match='exact' check='none' migratable='on'>}
 * (formatdomain.html#cpu-model-and-topology): model, vendor, topology, cache, maxphysaddr, features and NUMA cells
 * typed; anything newer is kept by the catch-all.
 */
@XmlType(propOrder = {"model", "vendor", "topology", "cache", "maxphysaddr", "features", "numa", "extra"})
public class DomainCpu extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "match")
    private String match;
    @XmlAttribute(name = "check")
    private String check;

    @XmlAttribute(name = "migratable")
    private String migratable;
    @XmlAttribute(name = "deprecated_features")
    private String deprecatedFeatures;
    @XmlElement(name = "model")
    private DomainCpuModel model;
    @XmlElement(name = "vendor")
    private String vendor;
    @XmlElement(name = "topology")
    private DomainCpuTopology topology;
    @XmlElement(name = "cache")
    private DomainCpuCache cache;
    @XmlElement(name = "maxphysaddr")
    private DomainCpuMaxphysaddr maxphysaddr;
    @XmlElement(name = "feature")
    private List<DomainCpuFeature> features;
    @XmlElement(name = "numa")
    private DomainCpuNuma numa;

    public DomainCpu() {
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getMatch() {
        return match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public String getCheck() {
        return check;
    }

    public void setCheck(String check) {
        this.check = check;
    }

    /** {@code 'on'|'off'} (host-passthrough/maximum). */
    public String getMigratable() {
        return migratable;
    }

    public void setMigratable(String migratable) {
        this.migratable = migratable;
    }

    /** {@code 'on'|'off'}. */
    public String getDeprecatedFeatures() {
        return deprecatedFeatures;
    }

    public void setDeprecatedFeatures(String deprecatedFeatures) {
        this.deprecatedFeatures = deprecatedFeatures;
    }

    /** {@code <model>}, {@code null} if absent. */
    public DomainCpuModel getModel() {
        return model;
    }

    public void setModel(DomainCpuModel model) {
        this.model = model;
    }

    /** {@code <vendor>}, {@code null} if absent. */
    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    /** {@code <topology>}, {@code null} if absent. */
    public DomainCpuTopology getTopology() {
        return topology;
    }

    public void setTopology(DomainCpuTopology topology) {
        this.topology = topology;
    }

    /** {@code <cache>}, {@code null} if absent. */
    public DomainCpuCache getCache() {
        return cache;
    }

    public void setCache(DomainCpuCache cache) {
        this.cache = cache;
    }

    /** {@code <maxphysaddr>}, {@code null} if absent. */
    public DomainCpuMaxphysaddr getMaxphysaddr() {
        return maxphysaddr;
    }

    public void setMaxphysaddr(DomainCpuMaxphysaddr maxphysaddr) {
        this.maxphysaddr = maxphysaddr;
    }

    /** The {@code <feature>} children in document order; live, never {@code null}. */
    public List<DomainCpuFeature> getFeatures() {
        if (features == null) {
            features = new ArrayList<>();
        }
        return features;
    }

    /** {@code <numa>}, {@code null} if absent. */
    public DomainCpuNuma getNuma() {
        return numa;
    }

    public void setNuma(DomainCpuNuma numa) {
        this.numa = numa;
    }
}
