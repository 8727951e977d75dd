package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <cpu><numa>}: guest NUMA cells (formatdomain.html#numa-topology).
 */
@XmlType(propOrder = {"cells", "interconnects", "extra"})
public class DomainCpuNuma extends XmlCatchAll {
    @XmlElement(name = "cell")
    private List<DomainCpuNumaCell> cells;
    @XmlElement(name = "interconnects")
    private DomainCpuNumaInterconnects interconnects;

    public DomainCpuNuma() {
    }

    /** The {@code <cell>} children in document order; live, never {@code null}. */
    public List<DomainCpuNumaCell> getCells() {
        if (cells == null) {
            cells = new ArrayList<>();
        }
        return cells;
    }

    /** {@code <interconnects>}, {@code null} if absent. */
    public DomainCpuNumaInterconnects getInterconnects() {
        return interconnects;
    }

    public void setInterconnects(DomainCpuNumaInterconnects interconnects) {
        this.interconnects = interconnects;
    }
}
