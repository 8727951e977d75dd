package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <stats period='10'/>} of a memory balloon: statistics polling period in seconds.
 */
@XmlType(propOrder = {"extra"})
public class DomainMemballoonStats extends XmlCatchAll {
    @XmlAttribute(name = "period")
    private String periodRaw;

    public DomainMemballoonStats() {
    }

    /** Raw {@code period} attribute text, number (decimal or 0x hex). */
    public String getPeriodRaw() {
        return periodRaw;
    }

    public void setPeriodRaw(String periodRaw) {
        this.periodRaw = periodRaw;
    }

    /** {@code period} attribute as Integer, {@code null} if absent. */
    public Integer getPeriod() {
        return XmlValues.integer(periodRaw, "period");
    }

    public void setPeriod(Integer period) {
        this.periodRaw = XmlValues.decimal(period);
    }
}
