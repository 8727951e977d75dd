package io.passthru.xml.domain;

import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <backingStore type='file' index='1'><format type='qcow2'/><source file='..'/><backingStore/></backingStore>}:
 * one link of a disk's backing chain (formatstorage.html; formatdomain.html#hard-drives-floppy-disks-cdroms). An empty
 * {@code <backingStore/>} marks the end of the chain. Type, format, source and the next link are in
 * {@link DomainDiskStorageSource} and {@link DomainDiskStorageChain}.
 */
@XmlType(propOrder = {"format", "source", "backingStore", "extra"})
public class DomainDiskBackingStore extends DomainDiskStorageChain {
    @XmlAttribute(name = "index")
    private String indexRaw;

    public DomainDiskBackingStore() {
    }

    /** Raw {@code index} attribute text, number (decimal or 0x hex). */
    public String getIndexRaw() {
        return indexRaw;
    }

    public void setIndexRaw(String indexRaw) {
        this.indexRaw = indexRaw;
    }

    /** {@code index} attribute as Integer, {@code null} if absent. */
    public Integer getIndex() {
        return XmlValues.integer(indexRaw, "index");
    }

    public void setIndex(Integer index) {
        this.indexRaw = XmlValues.decimal(index);
    }
}
