package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <vcpusched vcpus='0-4,^3' scheduler='fifo' priority='1'/>}, {@code <iothreadsched iothreads=..>} or {@code <emulatorsched>} (formatdomain.html#cpu-tuning).
 */
@XmlType(propOrder = {"extra"})
public class DomainCputuneSched extends XmlCatchAll {
    @XmlAttribute(name = "vcpus")
    private String vcpus;
    @XmlAttribute(name = "iothreads")
    private String iothreads;
    @XmlAttribute(name = "scheduler")
    private String scheduler;
    @XmlAttribute(name = "priority")
    private String priority;

    public DomainCputuneSched() {
    }

    /** Raw {@code vcpus} attribute, {@code null} if absent. */
    public String getVcpus() {
        return vcpus;
    }

    public void setVcpus(String vcpus) {
        this.vcpus = vcpus;
    }

    /** Raw {@code iothreads} attribute, {@code null} if absent. */
    public String getIothreads() {
        return iothreads;
    }

    public void setIothreads(String iothreads) {
        this.iothreads = iothreads;
    }

    /** Raw {@code scheduler} attribute, {@code null} if absent. */
    public String getScheduler() {
        return scheduler;
    }

    public void setScheduler(String scheduler) {
        this.scheduler = scheduler;
    }

    /** Raw {@code priority} attribute, {@code null} if absent. */
    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }
}
