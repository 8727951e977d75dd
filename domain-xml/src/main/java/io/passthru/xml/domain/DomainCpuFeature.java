package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <feature policy='require' name='vmx'/>}; policy {@code force|require|optional|disable|forbid} (formatdomain.html#cpu-model-and-topology).
 */
@XmlType(propOrder = {"extra"})
public class DomainCpuFeature extends XmlCatchAll {
    @XmlAttribute(name = "policy")
    private String policy;
    @XmlAttribute(name = "name")
    private String name;

    public DomainCpuFeature() {
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
