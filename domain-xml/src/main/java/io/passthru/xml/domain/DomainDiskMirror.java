package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <mirror type='file' job='copy' ready='yes'>} of a disk during a block copy or active commit (live XML).
 * Type, format, source and backing chain are in {@link DomainDiskStorageSource} and {@link DomainDiskStorageChain}.
 */
@XmlType(propOrder = {"format", "source", "backingStore", "extra"})
public class DomainDiskMirror extends DomainDiskStorageChain {
    @XmlAttribute(name = "job")
    private String job;
    @XmlAttribute(name = "ready")
    private String ready;
    @XmlAttribute(name = "file")
    private String file;
    @XmlAttribute(name = "format")
    private String formatName;

    public DomainDiskMirror() {
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
}
