package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <feature policy='require' name='x2apic'/>} of host-model, or {@code <feature name='hle'/>} in blockers (formatdomaincaps.html#cpu-configuration).
 */
@XmlType(propOrder = {"extra"})
public class DomainCapsCpuFeature extends XmlCatchAll {
    @XmlAttribute(name = "policy")
    private String policy;
    @XmlAttribute(name = "name")
    private String name;

    public DomainCapsCpuFeature() {
    }

    /** Raw {@code policy} attribute, {@code null} if absent. */
    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
