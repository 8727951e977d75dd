package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <mirror type='file' job='copy' ready='yes'>} of a disk during a block copy or active commit (live XML).
 */
@XmlType(propOrder = {"format", "source", "backingStore", "extra"})
public class DomainDiskMirror extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "job")
    private String job;
    @XmlAttribute(name = "ready")
    private String ready;
    @XmlAttribute(name = "file")
    private String file;
    @XmlAttribute(name = "format")
    private String formatName;
    @XmlElement(name = "format")
    private DomainDiskFormat format;
    @XmlElement(name = "source")
    private DomainDiskSource source;
    @XmlElement(name = "backingStore")
    private DomainDiskBackingStore backingStore;

    public DomainDiskMirror() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public String getReady() {
        return ready;
    }

    public void setReady(String ready) {
        this.ready = ready;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    /** Old-style {@code format} attribute (with {@code file}). */
    public String getFormatName() {
        return formatName;
    }

    public void setFormatName(String formatName) {
        this.formatName = formatName;
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
