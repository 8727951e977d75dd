package io.passthru.xml.domain;

import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap' .../>} of a disk
 * (formatdomain.html#hard-drives-floppy-disks-cdroms).
 */
@XmlType(propOrder = {"metadataCache", "extra"})
public class DomainDiskDriver extends DomainVirtioDriverOptions {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "cache")
    private String cache;
    @XmlAttribute(name = "error_policy")
    private String errorPolicy;
    @XmlAttribute(name = "rerror_policy")
    private String rerrorPolicy;
    @XmlAttribute(name = "io")
    private String io;
    @XmlAttribute(name = "ioeventfd")
    private String ioeventfdRaw;
    @XmlAttribute(name = "event_idx")
    private String eventIdxRaw;
    @XmlAttribute(name = "copy_on_read")
    private String copyOnReadRaw;
    @XmlAttribute(name = "discard")
    private String discard;
    @XmlAttribute(name = "discard_no_unref")
    private String discardNoUnrefRaw;
    @XmlAttribute(name = "detect_zeroes")
    private String detectZeroes;
    @XmlAttribute(name = "iothread")
    private String iothreadRaw;
    @XmlAttribute(name = "queues")
    private String queuesRaw;
    @XmlAttribute(name = "queue_size")
    private String queueSizeRaw;
    @XmlElement(name = "metadata_cache")
    private DomainDiskMetadataCache metadataCache;

    public DomainDiskDriver() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCache() {
        return cache;
    }

    public void setCache(String cache) {
        this.cache = cache;
    }

    public String getErrorPolicy() {
        return errorPolicy;
    }

    public void setErrorPolicy(String errorPolicy) {
        this.errorPolicy = errorPolicy;
    }

    public String getRerrorPolicy() {
        return rerrorPolicy;
    }

    public void setRerrorPolicy(String rerrorPolicy) {
        this.rerrorPolicy = rerrorPolicy;
    }

    public String getIo() {
        return io;
    }

    public void setIo(String io) {
        this.io = io;
    }

    /** Raw {@code ioeventfd} attribute text, {@code 'on'|'off'}. */
    public String getIoeventfdRaw() {
        return ioeventfdRaw;
    }

    public void setIoeventfdRaw(String ioeventfdRaw) {
        this.ioeventfdRaw = ioeventfdRaw;
    }

    /** {@code ioeventfd} attribute as Boolean, {@code null} if absent. */
    public Boolean getIoeventfd() {
        return XmlValues.onOff(ioeventfdRaw, "ioeventfd");
    }

    public void setIoeventfd(Boolean ioeventfd) {
        this.ioeventfdRaw = XmlValues.onOff(ioeventfd);
    }

    /** Raw {@code event_idx} attribute text, {@code 'on'|'off'}. */
    public String getEventIdxRaw() {
        return eventIdxRaw;
    }

    public void setEventIdxRaw(String eventIdxRaw) {
        this.eventIdxRaw = eventIdxRaw;
    }

    /** {@code event_idx} attribute as Boolean, {@code null} if absent. */
    public Boolean getEventIdx() {
        return XmlValues.onOff(eventIdxRaw, "event_idx");
    }

    public void setEventIdx(Boolean eventIdx) {
        this.eventIdxRaw = XmlValues.onOff(eventIdx);
    }

    /** Raw {@code copy_on_read} attribute text, {@code 'on'|'off'}. */
    public String getCopyOnReadRaw() {
        return copyOnReadRaw;
    }

    public void setCopyOnReadRaw(String copyOnReadRaw) {
        this.copyOnReadRaw = copyOnReadRaw;
    }

    /** {@code copy_on_read} attribute as Boolean, {@code null} if absent. */
    public Boolean getCopyOnRead() {
        return XmlValues.onOff(copyOnReadRaw, "copy_on_read");
    }

    public void setCopyOnRead(Boolean copyOnRead) {
        this.copyOnReadRaw = XmlValues.onOff(copyOnRead);
    }

    public String getDiscard() {
        return discard;
    }

    public void setDiscard(String discard) {
        this.discard = discard;
    }

    /** Raw {@code discard_no_unref} attribute text, {@code 'on'|'off'}. */
    public String getDiscardNoUnrefRaw() {
        return discardNoUnrefRaw;
    }

    public void setDiscardNoUnrefRaw(String discardNoUnrefRaw) {
        this.discardNoUnrefRaw = discardNoUnrefRaw;
    }

    /** {@code discard_no_unref} attribute as Boolean, {@code null} if absent. */
    public Boolean getDiscardNoUnref() {
        return XmlValues.onOff(discardNoUnrefRaw, "discard_no_unref");
    }

    public void setDiscardNoUnref(Boolean discardNoUnref) {
        this.discardNoUnrefRaw = XmlValues.onOff(discardNoUnref);
    }

    public String getDetectZeroes() {
        return detectZeroes;
    }

    public void setDetectZeroes(String detectZeroes) {
        this.detectZeroes = detectZeroes;
    }

    /** Raw {@code iothread} attribute text, number (decimal or 0x hex). */
    public String getIothreadRaw() {
        return iothreadRaw;
    }

    public void setIothreadRaw(String iothreadRaw) {
        this.iothreadRaw = iothreadRaw;
    }

    /** {@code iothread} attribute as Integer, {@code null} if absent. */
    public Integer getIothread() {
        return XmlValues.integer(iothreadRaw, "iothread");
    }

    public void setIothread(Integer iothread) {
        this.iothreadRaw = XmlValues.decimal(iothread);
    }

    /** Raw {@code queues} attribute text, number (decimal or 0x hex). */
    public String getQueuesRaw() {
        return queuesRaw;
    }

    public void setQueuesRaw(String queuesRaw) {
        this.queuesRaw = queuesRaw;
    }

    /** {@code queues} attribute as Integer, {@code null} if absent. */
    public Integer getQueues() {
        return XmlValues.integer(queuesRaw, "queues");
    }

    public void setQueues(Integer queues) {
        this.queuesRaw = XmlValues.decimal(queues);
    }

    /** Raw {@code queue_size} attribute text, number (decimal or 0x hex). */
    public String getQueueSizeRaw() {
        return queueSizeRaw;
    }

    public void setQueueSizeRaw(String queueSizeRaw) {
        this.queueSizeRaw = queueSizeRaw;
    }

    /** {@code queue_size} attribute as Integer, {@code null} if absent. */
    public Integer getQueueSize() {
        return XmlValues.integer(queueSizeRaw, "queue_size");
    }

    public void setQueueSize(Integer queueSize) {
        this.queueSizeRaw = XmlValues.decimal(queueSize);
    }

    public DomainDiskMetadataCache getMetadataCache() {
        return metadataCache;
    }

    public void setMetadataCache(DomainDiskMetadataCache metadataCache) {
        this.metadataCache = metadataCache;
    }
}
