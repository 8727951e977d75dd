package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <vcpupin vcpu='0' cpuset='1-4,^2'/>} (formatdomain.html#cpu-tuning).
 */
@XmlType(propOrder = {"extra"})
public class DomainCputuneVcpupin extends XmlCatchAll {
    @XmlAttribute(name = "vcpu")
    private String vcpu;
    @XmlAttribute(name = "cpuset")
    private String cpuset;

    public DomainCputuneVcpupin() {
    }

    /** Raw {@code vcpu} attribute, {@code null} if absent. */
    public String getVcpu() {
        return vcpu;
    }

    public void setVcpu(String vcpu) {
        this.vcpu = vcpu;
    }

    /** Raw {@code cpuset} attribute, {@code null} if absent. */
    public String getCpuset() {
        return cpuset;
    }

    public void setCpuset(String cpuset) {
        this.cpuset = cpuset;
    }
}
