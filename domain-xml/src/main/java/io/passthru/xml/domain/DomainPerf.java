package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <perf>} (formatdomain.html#performance-monitoring-events).
 */
@XmlType(propOrder = {"events", "extra"})
public class DomainPerf extends XmlCatchAll {
    @XmlElement(name = "event")
    private List<DomainPerfEvent> events;

    public DomainPerf() {
    }

    /** The {@code <event>} children in document order; live, never {@code null}. */
    public List<DomainPerfEvent> getEvents() {
        if (events == null) {
            events = new ArrayList<>();
        }
        return events;
    }
}
