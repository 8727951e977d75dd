package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <latency initiator='0' target='0' type='access' value='5'/>} or {@code <bandwidth ... unit='KiB'/>} of NUMA interconnects (formatdomain.html#numa-topology).
 */
@XmlType(propOrder = {"extra"})
public class DomainCpuNumaInterconnect extends XmlCatchAll {
    @XmlAttribute(name = "initiator")
    private String initiator;
    @XmlAttribute(name = "target")
    private String target;
    @XmlAttribute(name = "cache")
    private String cache;
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "value")
    private String value;
    @XmlAttribute(name = "unit")
    private String unit;

    public DomainCpuNumaInterconnect() {
    }

    /** Raw {@code initiator} attribute, {@code null} if absent. */
    public String getInitiator() {
        return initiator;
    }

    public void setInitiator(String initiator) {
        this.initiator = initiator;
    }

    /** Raw {@code target} attribute, {@code null} if absent. */
    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    /** Raw {@code cache} attribute, {@code null} if absent. */
    public String getCache() {
        return cache;
    }

    public void setCache(String cache) {
        this.cache = cache;
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code value} attribute, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** Raw {@code unit} attribute, {@code null} if absent. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }
}
