package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <vcpus>}: state of each vCPU (formatdomain.html#cpu-allocation).
 */
@XmlType(propOrder = {"vcpus", "extra"})
public class DomainVcpus extends XmlCatchAll {
    @XmlElement(name = "vcpu")
    private List<DomainVcpusVcpu> vcpus;

    public DomainVcpus() {
    }

    /** The {@code <vcpu>} children in document order; live, never {@code null}. */
    public List<DomainVcpusVcpu> getVcpus() {
        if (vcpus == null) {
            vcpus = new ArrayList<>();
        }
        return vcpus;
    }
}
