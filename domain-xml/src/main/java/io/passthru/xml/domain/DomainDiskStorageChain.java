package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * A {@link DomainDiskStorageSource} with the next link of its backing chain, the nested {@code <backingStore>}: what
 * a disk's {@code <backingStore>} and {@code <mirror>} share (formatdomain.html#hard-drives-floppy-disks-cdroms).
 */
@XmlTransient
public abstract class DomainDiskStorageChain extends DomainDiskStorageSource {
    @XmlElement(name = "backingStore")
    private DomainDiskBackingStore backingStore;

    protected DomainDiskStorageChain() {
    }

    public DomainDiskBackingStore getBackingStore() {
        return backingStore;
    }

    public void setBackingStore(DomainDiskBackingStore backingStore) {
        this.backingStore = backingStore;
    }
}
