package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <hugepages>} (formatdomain.html#memory-backing).
 */
@XmlType(propOrder = {"pages", "extra"})
public class DomainMemoryBackingHugepages extends XmlCatchAll {
    @XmlElement(name = "page")
    private List<DomainMemoryBackingHugepagesPage> pages;

    public DomainMemoryBackingHugepages() {
    }

    /** The {@code <page>} children in document order; live, never {@code null}. */
    public List<DomainMemoryBackingHugepagesPage> getPages() {
        if (pages == null) {
            pages = new ArrayList<>();
        }
        return pages;
    }
}
