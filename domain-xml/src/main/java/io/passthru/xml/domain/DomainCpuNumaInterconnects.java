package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <interconnects>}: latencies and bandwidths between NUMA cells (formatdomain.html#numa-topology).
 */
@XmlType(propOrder = {"latencies", "bandwidths", "extra"})
public class DomainCpuNumaInterconnects extends XmlCatchAll {
    @XmlElement(name = "latency")
    private List<DomainCpuNumaInterconnect> latencies;
    @XmlElement(name = "bandwidth")
    private List<DomainCpuNumaInterconnect> bandwidths;

    public DomainCpuNumaInterconnects() {
    }

    /** The {@code <latency>} children in document order; live, never {@code null}. */
    public List<DomainCpuNumaInterconnect> getLatencies() {
        if (latencies == null) {
            latencies = new ArrayList<>();
        }
        return latencies;
    }

    /** The {@code <bandwidth>} children in document order; live, never {@code null}. */
    public List<DomainCpuNumaInterconnect> getBandwidths() {
        if (bandwidths == null) {
            bandwidths = new ArrayList<>();
        }
        return bandwidths;
    }
}
