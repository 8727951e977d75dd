package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <backingStore type='file' index='1'><format type='qcow2'/><source file='..'/><backingStore/></backingStore>}:
 * one link of a disk's backing chain (formatstorage.html; formatdomain.html#hard-drives-floppy-disks-cdroms). An empty
 * {@code <backingStore/>} marks the end of the chain.
 */
@XmlType(propOrder = {"format", "source", "backingStore", "extra"})
public class DomainDiskBackingStore extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "index")
    private String indexRaw;
    @XmlElement(name = "format")
    private DomainDiskFormat format;
    @XmlElement(name = "source")
    private DomainDiskSource source;
    @XmlElement(name = "backingStore")
    private DomainDiskBackingStore backingStore;

    public DomainDiskBackingStore() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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

    public DomainDiskFormat getFormat() {
        return format;
    }

    public void setFormat(DomainDiskFormat format) {
        this.format = format;
    }

    public DomainDiskSource getSource() {
        return source;
    }

    public void setSource(DomainDiskSource source) {
        this.source = source;
    }

    public DomainDiskBackingStore getBackingStore() {
        return backingStore;
    }

    public void setBackingStore(DomainDiskBackingStore backingStore) {
        this.backingStore = backingStore;
    }
}
