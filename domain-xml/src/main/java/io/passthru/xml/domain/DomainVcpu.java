package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <vcpu placement='static' current='2'>4</vcpu>} (formatdomain.html#cpu-allocation).
 */
public class DomainVcpu extends XmlAttributeCatchAll {
    @XmlAttribute(name = "placement")
    private String placement;
    @XmlAttribute(name = "cpuset")
    private String cpuset;
    @XmlAttribute(name = "current")
    private String current;
    @XmlValue
    private String valueRaw;

    public DomainVcpu() {
    }

    /** {@code 'static'|'auto'}. */
    public String getPlacement() {
        return placement;
    }

    public void setPlacement(String placement) {
        this.placement = placement;
    }

    public String getCpuset() {
        return cpuset;
    }

    public void setCpuset(String cpuset) {
        this.cpuset = cpuset;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    /** Raw text. */
    public String getValueRaw() {
        return valueRaw;
    }

    public void setValueRaw(String valueRaw) {
        this.valueRaw = valueRaw;
    }

    /** Maximum vCPU count, or {@code null} if empty. */
    public Integer getCount() {
        return valueRaw == null || valueRaw.isBlank() ? null : XmlValues.integer(valueRaw.trim(), "vcpu");
    }

    public void setCount(Integer count) {
        this.valueRaw = XmlValues.decimal(count);
    }
}
