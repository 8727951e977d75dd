package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <timeout seconds='10'/>} of a curl disk source.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSourceTimeout extends XmlCatchAll {
    @XmlAttribute(name = "seconds")
    private String secondsRaw;

    public DomainDiskSourceTimeout() {
    }

    /** Raw {@code seconds} attribute text, decimal number. */
    public String getSecondsRaw() {
        return secondsRaw;
    }

    public void setSecondsRaw(String secondsRaw) {
        this.secondsRaw = secondsRaw;
    }

    /** {@code seconds} attribute as Long, {@code null} if absent. */
    public Long getSeconds() {
        return XmlValues.decimalLong(secondsRaw, "seconds");
    }

    public void setSeconds(Long seconds) {
        this.secondsRaw = XmlValues.decimal(seconds);
    }
}
