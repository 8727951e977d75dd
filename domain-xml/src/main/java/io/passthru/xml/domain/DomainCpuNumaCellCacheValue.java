package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <size value='10' unit='KiB'/>} or {@code <line value='8' unit='B'/>} of a NUMA cell cache (formatdomain.html#numa-topology).
 */
@XmlType(propOrder = {"extra"})
public class DomainCpuNumaCellCacheValue extends XmlCatchAll {
    @XmlAttribute(name = "value")
    private String value;
    @XmlAttribute(name = "unit")
    private String unit;

    public DomainCpuNumaCellCacheValue() {
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
