package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <cpu mode='host-passthrough' match='exact' check='none'>} (formatdomain.html#cpu-model-and-topology);
 * model, topology, features, numa in the catch-all.
 */
@XmlType(propOrder = {"extra"})
public class DomainCpu extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "match")
    private String match;
    @XmlAttribute(name = "check")
    private String check;

    public DomainCpu() {
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getMatch() {
        return match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public String getCheck() {
        return check;
    }

    public void setCheck(String check) {
        this.check = check;
    }
}
