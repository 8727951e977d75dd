package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <throttlefilters>} of a disk (filters referring to {@code <throttlegroups>}).
 */
@XmlType(propOrder = {"throttleFilters", "extra"})
public class DomainDiskThrottleFilters extends XmlCatchAll {
    @XmlElement(name = "throttlefilter")
    private List<DomainDiskThrottleFilter> throttleFilters;

    public DomainDiskThrottleFilters() {
    }

    /** The {@code <throttlefilter>} elements in document order; live, never {@code null}. */
    public List<DomainDiskThrottleFilter> getThrottleFilters() {
        if (throttleFilters == null) {
            throttleFilters = new ArrayList<>();
        }
        return throttleFilters;
    }
}
