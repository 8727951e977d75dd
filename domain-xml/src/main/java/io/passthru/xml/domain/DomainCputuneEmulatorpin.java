package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <emulatorpin cpuset='1-3'/>} (formatdomain.html#cpu-tuning).
 */
@XmlType(propOrder = {"extra"})
public class DomainCputuneEmulatorpin extends XmlCatchAll {
    @XmlAttribute(name = "cpuset")
    private String cpuset;

    public DomainCputuneEmulatorpin() {
    }

    /** Raw {@code cpuset} attribute, {@code null} if absent. */
    public String getCpuset() {
        return cpuset;
    }

    public void setCpuset(String cpuset) {
        this.cpuset = cpuset;
    }
}
