package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <iothread id='1' thread_pool_min='2' thread_pool_max='32'>} (formatdomain.html#iothreads-allocation).
 */
@XmlType(propOrder = {"poll", "extra"})
public class DomainIothreadidsIothread extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String id;
    @XmlAttribute(name = "thread_pool_min")
    private String threadPoolMin;
    @XmlAttribute(name = "thread_pool_max")
    private String threadPoolMax;
    @XmlElement(name = "poll")
    private DomainIothreadPoll poll;

    public DomainIothreadidsIothread() {
    }

    /** Raw {@code id} attribute, {@code null} if absent. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Raw {@code thread_pool_min} attribute, {@code null} if absent. */
    public String getThreadPoolMin() {
        return threadPoolMin;
    }

    public void setThreadPoolMin(String threadPoolMin) {
        this.threadPoolMin = threadPoolMin;
    }

    /** Raw {@code thread_pool_max} attribute, {@code null} if absent. */
    public String getThreadPoolMax() {
        return threadPoolMax;
    }

    public void setThreadPoolMax(String threadPoolMax) {
        this.threadPoolMax = threadPoolMax;
    }

    /** {@code <poll>}, {@code null} if absent. */
    public DomainIothreadPoll getPoll() {
        return poll;
    }

    public void setPoll(DomainIothreadPoll poll) {
        this.poll = poll;
    }
}
