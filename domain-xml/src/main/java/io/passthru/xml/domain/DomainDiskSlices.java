package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <slices>} of a disk source.
 */
@XmlType(propOrder = {"slices", "extra"})
public class DomainDiskSlices extends XmlCatchAll {
    @XmlElement(name = "slice")
    private List<DomainDiskSlice> slices;

    public DomainDiskSlices() {
    }

    /** The {@code <slice>} elements in document order; live, never {@code null}. */
    public List<DomainDiskSlice> getSlices() {
        if (slices == null) {
            slices = new ArrayList<>();
        }
        return slices;
    }
}
