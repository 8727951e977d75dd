package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <rate bytes='1234' period='2000'/>} of an RNG device: at most {@code bytes} per {@code period} ms.
 */
@XmlType(propOrder = {"extra"})
public class DomainRngRate extends XmlCatchAll {
    @XmlAttribute(name = "bytes")
    private String bytesRaw;
    @XmlAttribute(name = "period")
    private String periodRaw;

    public DomainRngRate() {
    }

    /** Raw {@code bytes} attribute text, decimal number. */
    public String getBytesRaw() {
        return bytesRaw;
    }

    public void setBytesRaw(String bytesRaw) {
        this.bytesRaw = bytesRaw;
    }

    /** {@code bytes} attribute as Long, {@code null} if absent. */
    public Long getBytes() {
        return XmlValues.decimalLong(bytesRaw, "bytes");
    }

    public void setBytes(Long bytes) {
        this.bytesRaw = XmlValues.decimal(bytes);
    }

    /** Raw {@code period} attribute text, decimal number. */
    public String getPeriodRaw() {
        return periodRaw;
    }

    public void setPeriodRaw(String periodRaw) {
        this.periodRaw = periodRaw;
    }

    /** {@code period} attribute as Long, {@code null} if absent. */
    public Long getPeriod() {
        return XmlValues.decimalLong(periodRaw, "period");
    }

    public void setPeriod(Long period) {
        this.periodRaw = XmlValues.decimal(period);
    }
}
