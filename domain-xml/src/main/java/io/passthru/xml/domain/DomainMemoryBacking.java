package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <memoryBacking>} (formatdomain.html#memory-backing).
 */
@XmlType(propOrder = {"hugepages", "nosharepages", "locked", "source", "access", "allocation", "discard", "extra"})
public class DomainMemoryBacking extends XmlCatchAll {
    @XmlElement(name = "hugepages")
    private DomainMemoryBackingHugepages hugepages;
    @XmlElement(name = "nosharepages")
    private DomainFlag nosharepages;
    @XmlElement(name = "locked")
    private DomainFlag locked;
    @XmlElement(name = "source")
    private DomainMemoryBackingSource source;
    @XmlElement(name = "access")
    private DomainMemoryBackingAccess access;
    @XmlElement(name = "allocation")
    private DomainMemoryBackingAllocation allocation;
    @XmlElement(name = "discard")
    private DomainFlag discard;

    public DomainMemoryBacking() {
    }

    /** {@code <hugepages>}, {@code null} if absent. */
    public DomainMemoryBackingHugepages getHugepages() {
        return hugepages;
    }

    public void setHugepages(DomainMemoryBackingHugepages hugepages) {
        this.hugepages = hugepages;
    }

    /** {@code <nosharepages>}, {@code null} if absent. */
    public DomainFlag getNosharepages() {
        return nosharepages;
    }

    public void setNosharepages(DomainFlag nosharepages) {
        this.nosharepages = nosharepages;
    }

    /** {@code <locked>}, {@code null} if absent. */
    public DomainFlag getLocked() {
        return locked;
    }

    public void setLocked(DomainFlag locked) {
        this.locked = locked;
    }

    /** {@code <source>}, {@code null} if absent. */
    public DomainMemoryBackingSource getSource() {
        return source;
    }

    public void setSource(DomainMemoryBackingSource source) {
        this.source = source;
    }

    /** {@code <access>}, {@code null} if absent. */
    public DomainMemoryBackingAccess getAccess() {
        return access;
    }

    public void setAccess(DomainMemoryBackingAccess access) {
        this.access = access;
    }

    /** {@code <allocation>}, {@code null} if absent. */
    public DomainMemoryBackingAllocation getAllocation() {
        return allocation;
    }

    public void setAllocation(DomainMemoryBackingAllocation allocation) {
        this.allocation = allocation;
    }

    /** {@code <discard>}, {@code null} if absent. */
    public DomainFlag getDiscard() {
        return discard;
    }

    public void setDiscard(DomainFlag discard) {
        this.discard = discard;
    }
}
