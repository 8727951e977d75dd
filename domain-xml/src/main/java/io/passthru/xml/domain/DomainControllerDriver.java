package io.passthru.xml.domain;

import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver queues='4' iothread='2' .../>} of a controller (formatdomain.html#controllers).
 */
@XmlType(propOrder = {"iothreads", "extra"})
public class DomainControllerDriver extends DomainVirtioDriverOptions {
    @XmlAttribute(name = "queues")
    private String queuesRaw;
    @XmlAttribute(name = "cmd_per_lun")
    private String cmdPerLunRaw;
    @XmlAttribute(name = "max_sectors")
    private String maxSectorsRaw;
    @XmlAttribute(name = "ioeventfd")
    private String ioeventfdRaw;
    @XmlAttribute(name = "iothread")
    private String iothreadRaw;
    @XmlElement(name = "iothreads")
    private DomainControllerDriverIothreads iothreads;

    public DomainControllerDriver() {
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

    /** Raw {@code cmd_per_lun} attribute text, number (decimal or 0x hex). */
    public String getCmdPerLunRaw() {
        return cmdPerLunRaw;
    }

    public void setCmdPerLunRaw(String cmdPerLunRaw) {
        this.cmdPerLunRaw = cmdPerLunRaw;
    }

    /** {@code cmd_per_lun} attribute as Integer, {@code null} if absent. */
    public Integer getCmdPerLun() {
        return XmlValues.integer(cmdPerLunRaw, "cmd_per_lun");
    }

    public void setCmdPerLun(Integer cmdPerLun) {
        this.cmdPerLunRaw = XmlValues.decimal(cmdPerLun);
    }

    /** Raw {@code max_sectors} attribute text, number (decimal or 0x hex). */
    public String getMaxSectorsRaw() {
        return maxSectorsRaw;
    }

    public void setMaxSectorsRaw(String maxSectorsRaw) {
        this.maxSectorsRaw = maxSectorsRaw;
    }

    /** {@code max_sectors} attribute as Integer, {@code null} if absent. */
    public Integer getMaxSectors() {
        return XmlValues.integer(maxSectorsRaw, "max_sectors");
    }

    public void setMaxSectors(Integer maxSectors) {
        this.maxSectorsRaw = XmlValues.decimal(maxSectors);
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

    public DomainControllerDriverIothreads getIothreads() {
        return iothreads;
    }

    public void setIothreads(DomainControllerDriverIothreads iothreads) {
        this.iothreads = iothreads;
    }
}
