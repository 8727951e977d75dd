package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <sgx supported='yes'>} with flc, sgx1, sgx2, section_size, sections (formatdomaincaps.html#sgx-capabilities).
 */
@XmlType(propOrder = {"flc", "sgx1", "sgx2", "sectionSize", "sections", "extra"})
public class DomainCapsSgx extends XmlCatchAll {
    @XmlAttribute(name = "supported")
    private String supported;
    @XmlElement(name = "flc")
    private String flc;
    @XmlElement(name = "sgx1")
    private String sgx1;
    @XmlElement(name = "sgx2")
    private String sgx2;
    @XmlElement(name = "section_size")
    private DomainCapsSgxSectionSize sectionSize;
    @XmlElement(name = "sections")
    private DomainCapsSgxSections sections;

    public DomainCapsSgx() {
    }

    /** Raw {@code supported} attribute, {@code null} if absent. */
    public String getSupported() {
        return supported;
    }

    public void setSupported(String supported) {
        this.supported = supported;
    }

    /** {@code <flc>}, {@code null} if absent. */
    public String getFlc() {
        return flc;
    }

    public void setFlc(String flc) {
        this.flc = flc;
    }

    /** {@code <sgx1>}, {@code null} if absent. */
    public String getSgx1() {
        return sgx1;
    }

    public void setSgx1(String sgx1) {
        this.sgx1 = sgx1;
    }

    /** {@code <sgx2>}, {@code null} if absent. */
    public String getSgx2() {
        return sgx2;
    }

    public void setSgx2(String sgx2) {
        this.sgx2 = sgx2;
    }

    /** {@code <section_size>}, {@code null} if absent. */
    public DomainCapsSgxSectionSize getSectionSize() {
        return sectionSize;
    }

    public void setSectionSize(DomainCapsSgxSectionSize sectionSize) {
        this.sectionSize = sectionSize;
    }

    /** {@code <sections>}, {@code null} if absent. */
    public DomainCapsSgxSections getSections() {
        return sections;
    }

    public void setSections(DomainCapsSgxSections sections) {
        this.sections = sections;
    }
}
