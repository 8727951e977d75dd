package io.passthru.xml.domain;

import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver type='path'|'handle'|'loop'|'nbd'|'ploop'|'virtiofs' format='raw' wrpolicy='immediate' queue='1024'/>}
 * of a filesystem (formatdomain.html#filesystems).
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemDriver extends DomainVirtioDriverOptions {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "format")
    private String format;
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "wrpolicy")
    private String wrpolicy;
    @XmlAttribute(name = "queue")
    private String queueRaw;

    public DomainFilesystemDriver() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getWrpolicy() {
        return wrpolicy;
    }

    public void setWrpolicy(String wrpolicy) {
        this.wrpolicy = wrpolicy;
    }

    /** Raw {@code queue} attribute text, number (decimal or 0x hex). */
    public String getQueueRaw() {
        return queueRaw;
    }

    public void setQueueRaw(String queueRaw) {
        this.queueRaw = queueRaw;
    }

    /** {@code queue} attribute as Integer, {@code null} if absent. */
    public Integer getQueue() {
        return XmlValues.integer(queueRaw, "queue");
    }

    public void setQueue(Integer queue) {
        this.queueRaw = XmlValues.decimal(queue);
    }

}
