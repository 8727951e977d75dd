package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <numatune>} (formatdomain.html#numa-node-tuning).
 */
@XmlType(propOrder = {"memory", "memnodes", "extra"})
public class DomainNumatune extends XmlCatchAll {
    @XmlElement(name = "memory")
    private DomainNumatuneMemory memory;
    @XmlElement(name = "memnode")
    private List<DomainNumatuneMemnode> memnodes;

    public DomainNumatune() {
    }

    /** {@code <memory>}, {@code null} if absent. */
    public DomainNumatuneMemory getMemory() {
        return memory;
    }

    public void setMemory(DomainNumatuneMemory memory) {
        this.memory = memory;
    }

    /** The {@code <memnode>} children in document order; live, never {@code null}. */
    public List<DomainNumatuneMemnode> getMemnodes() {
        if (memnodes == null) {
            memnodes = new ArrayList<>();
        }
        return memnodes;
    }
}
