package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <memorytune vcpus='0-3'>} (formatdomain.html#cpu-tuning); vcpus, id and monitors are in
 * {@link DomainCputuneResctrl}.
 */
@XmlType(propOrder = {"nodes", "monitors", "extra"})
public class DomainCputuneMemorytune extends DomainCputuneResctrl {
    @XmlElement(name = "node")
    private List<DomainCputuneMemorytuneNode> nodes;

    public DomainCputuneMemorytune() {
    }

    /** The {@code <node>} children in document order; live, never {@code null}. */
    public List<DomainCputuneMemorytuneNode> getNodes() {
        if (nodes == null) {
            nodes = new ArrayList<>();
        }
        return nodes;
    }
}
