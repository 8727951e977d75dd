package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <iothreadpin iothread='1' cpuset='5,6'/>} (formatdomain.html#cpu-tuning).
 */
@XmlType(propOrder = {"extra"})
public class DomainCputuneIothreadpin extends XmlCatchAll {
    @XmlAttribute(name = "iothread")
    private String iothread;
    @XmlAttribute(name = "cpuset")
    private String cpuset;

    public DomainCputuneIothreadpin() {
    }

    /** Raw {@code iothread} attribute, {@code null} if absent. */
    public String getIothread() {
        return iothread;
    }

    public void setIothread(String iothread) {
        this.iothread = iothread;
    }

    /** Raw {@code cpuset} attribute, {@code null} if absent. */
    public String getCpuset() {
        return cpuset;
    }

    public void setCpuset(String cpuset) {
        this.cpuset = cpuset;
    }
}
