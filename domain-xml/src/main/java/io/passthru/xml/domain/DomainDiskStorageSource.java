package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * What a disk's {@code <dataStore>}, {@code <backingStore>} and {@code <mirror>} share (all format libvirt's
 * {@code virStorageSource}): the {@code type} attribute and the {@code <format>} and {@code <source>} children
 * (formatdomain.html#hard-drives-floppy-disks-cdroms). {@link DomainDiskStorageChain} adds the nested
 * {@code <backingStore>}. The subclasses' {@code propOrder} lists the inherited properties.
 */
@XmlTransient
public abstract class DomainDiskStorageSource extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "format")
    private DomainDiskFormat format;
    @XmlElement(name = "source")
    private DomainDiskSource source;

    protected DomainDiskStorageSource() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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
}
