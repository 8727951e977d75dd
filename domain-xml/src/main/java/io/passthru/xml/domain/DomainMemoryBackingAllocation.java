package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <allocation mode='immediate|ondemand' threads='8'/>} (formatdomain.html#memory-backing).
 */
@XmlType(propOrder = {"extra"})
public class DomainMemoryBackingAllocation extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "threads")
    private String threads;

    public DomainMemoryBackingAllocation() {
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** Raw {@code threads} attribute, {@code null} if absent. */
    public String getThreads() {
        return threads;
    }

    public void setThreads(String threads) {
        this.threads = threads;
    }
}
