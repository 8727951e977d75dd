package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <catchup threshold='123' slew='120' limit='10000'/>} (formatdomain.html#time-keeping).
 */
@XmlType(propOrder = {"extra"})
public class DomainClockTimerCatchup extends XmlCatchAll {
    @XmlAttribute(name = "threshold")
    private String threshold;
    @XmlAttribute(name = "slew")
    private String slew;
    @XmlAttribute(name = "limit")
    private String limit;

    public DomainClockTimerCatchup() {
    }

    /** Raw {@code threshold} attribute, {@code null} if absent. */
    public String getThreshold() {
        return threshold;
    }

    public void setThreshold(String threshold) {
        this.threshold = threshold;
    }

    /** Raw {@code slew} attribute, {@code null} if absent. */
    public String getSlew() {
        return slew;
    }

    public void setSlew(String slew) {
        this.slew = slew;
    }

    /** Raw {@code limit} attribute, {@code null} if absent. */
    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }
}
