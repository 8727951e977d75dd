package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <cell id='0' cpus='0-3' memory='512000' unit='KiB' memAccess='shared' discard='yes'/>} (formatdomain.html#numa-topology). Memory without unit is KiB; see {@link #memoryKiB()}.
 */
@XmlType(propOrder = {"distances", "caches", "extra"})
public class DomainCpuNumaCell extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String id;
    @XmlAttribute(name = "cpus")
    private String cpus;
    @XmlAttribute(name = "memory")
    private String memory;
    @XmlAttribute(name = "unit")
    private String unit;
    @XmlAttribute(name = "memAccess")
    private String memAccess;
    @XmlAttribute(name = "discard")
    private String discard;
    @XmlElement(name = "distances")
    private DomainCpuNumaCellDistances distances;
    @XmlElement(name = "cache")
    private List<DomainCpuNumaCellCache> caches;

    public DomainCpuNumaCell() {
    }

    /**
     * The cell's memory in KiB, converted by libvirt's unit rules ({@link DomainMemory#toKiB(long, String)}).
     *
     * @throws io.passthru.xml.InvalidXmlValueException if memory or unit is invalid
     */
    public Long memoryKiB() {
        return memory == null ? null : DomainMemory.toKiB(io.passthru.xml.XmlValues.decimalLong(memory, "cell memory"), unit);
    }

    /** Raw {@code id} attribute, {@code null} if absent. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Raw {@code cpus} attribute, {@code null} if absent. */
    public String getCpus() {
        return cpus;
    }

    public void setCpus(String cpus) {
        this.cpus = cpus;
    }

    /** Raw {@code memory} attribute, {@code null} if absent. */
    public String getMemory() {
        return memory;
    }

    public void setMemory(String memory) {
        this.memory = memory;
    }

    /** Raw {@code unit} attribute, {@code null} if absent. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /** Raw {@code memAccess} attribute, {@code null} if absent. */
    public String getMemAccess() {
        return memAccess;
    }

    public void setMemAccess(String memAccess) {
        this.memAccess = memAccess;
    }

    /** Raw {@code discard} attribute, {@code null} if absent. */
    public String getDiscard() {
        return discard;
    }

    public void setDiscard(String discard) {
        this.discard = discard;
    }

    /** {@code <distances>}, {@code null} if absent. */
    public DomainCpuNumaCellDistances getDistances() {
        return distances;
    }

    public void setDistances(DomainCpuNumaCellDistances distances) {
        this.distances = distances;
    }

    /** The {@code <cache>} children in document order; live, never {@code null}. */
    public List<DomainCpuNumaCellCache> getCaches() {
        if (caches == null) {
            caches = new ArrayList<>();
        }
        return caches;
    }
}
