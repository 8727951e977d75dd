package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <cache level='1' associativity='direct' policy='writeback'>} of a NUMA cell, with size and line (formatdomain.html#numa-topology).
 */
@XmlType(propOrder = {"size", "line", "extra"})
public class DomainCpuNumaCellCache extends XmlCatchAll {
    @XmlAttribute(name = "level")
    private String level;
    @XmlAttribute(name = "associativity")
    private String associativity;
    @XmlAttribute(name = "policy")
    private String policy;
    @XmlElement(name = "size")
    private DomainCpuNumaCellCacheValue size;
    @XmlElement(name = "line")
    private DomainCpuNumaCellCacheValue line;

    public DomainCpuNumaCellCache() {
    }

    /** Raw {@code level} attribute, {@code null} if absent. */
    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    /** Raw {@code associativity} attribute, {@code null} if absent. */
    public String getAssociativity() {
        return associativity;
    }

    public void setAssociativity(String associativity) {
        this.associativity = associativity;
    }

    /** Raw {@code policy} attribute, {@code null} if absent. */
    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    /** {@code <size>}, {@code null} if absent. */
    public DomainCpuNumaCellCacheValue getSize() {
        return size;
    }

    public void setSize(DomainCpuNumaCellCacheValue size) {
        this.size = size;
    }

    /** {@code <line>}, {@code null} if absent. */
    public DomainCpuNumaCellCacheValue getLine() {
        return line;
    }

    public void setLine(DomainCpuNumaCellCacheValue line) {
        this.line = line;
    }
}
