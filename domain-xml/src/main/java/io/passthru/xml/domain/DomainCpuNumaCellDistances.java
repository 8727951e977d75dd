package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <distances>} of a NUMA cell: distance to each sibling cell (formatdomain.html#numa-topology).
 */
@XmlType(propOrder = {"siblings", "extra"})
public class DomainCpuNumaCellDistances extends XmlCatchAll {
    @XmlElement(name = "sibling")
    private List<DomainCpuNumaCellSibling> siblings;

    public DomainCpuNumaCellDistances() {
    }

    /** The {@code <sibling>} children in document order; live, never {@code null}. */
    public List<DomainCpuNumaCellSibling> getSiblings() {
        if (siblings == null) {
            siblings = new ArrayList<>();
        }
        return siblings;
    }
}
