package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <monitor level='3' vcpus='1'/>} of a cachetune or memorytune (formatdomain.html#cpu-tuning).
 */
@XmlType(propOrder = {"extra"})
public class DomainCputuneMonitor extends XmlCatchAll {
    @XmlAttribute(name = "level")
    private String level;
    @XmlAttribute(name = "vcpus")
    private String vcpus;

    public DomainCputuneMonitor() {
    }

    /** Raw {@code level} attribute, {@code null} if absent. */
    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    /** Raw {@code vcpus} attribute, {@code null} if absent. */
    public String getVcpus() {
        return vcpus;
    }

    public void setVcpus(String vcpus) {
        this.vcpus = vcpus;
    }
}
