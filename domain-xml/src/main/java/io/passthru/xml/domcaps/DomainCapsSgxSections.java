package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <sections>} of SGX EPC per NUMA node (formatdomaincaps.html#sgx-capabilities).
 */
@XmlType(propOrder = {"sections", "extra"})
public class DomainCapsSgxSections extends XmlCatchAll {
    @XmlElement(name = "section")
    private List<DomainCapsSgxSection> sections;

    public DomainCapsSgxSections() {
    }

    /** The {@code <section>} children in document order; live, never {@code null}. */
    public List<DomainCapsSgxSection> getSections() {
        if (sections == null) {
            sections = new ArrayList<>();
        }
        return sections;
    }
}
