package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <defaultiothread thread_pool_min='8' thread_pool_max='16'/>} (formatdomain.html#iothreads-allocation).
 */
@XmlType(propOrder = {"extra"})
public class DomainDefaultIothread extends XmlCatchAll {
    @XmlAttribute(name = "thread_pool_min")
    private String threadPoolMin;
    @XmlAttribute(name = "thread_pool_max")
    private String threadPoolMax;

    public DomainDefaultIothread() {
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
}
