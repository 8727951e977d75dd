package io.passthru.xml.domain;

import java.util.List;
import java.util.ArrayList;
import jakarta.xml.bind.annotation.XmlElement;
import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <clock offset='utc'>} (formatdomain.html#time-keeping) with its timers.
 */
@XmlType(propOrder = {"timers", "extra"})
public class DomainClock extends XmlCatchAll {
    @XmlAttribute(name = "offset")
    private String offset;

    @XmlAttribute(name = "adjustment")
    private String adjustment;
    @XmlAttribute(name = "timezone")
    private String timezone;
    @XmlAttribute(name = "basis")
    private String basis;
    @XmlAttribute(name = "start")
    private String start;
    @XmlElement(name = "timer")
    private List<DomainClockTimer> timers;

    public DomainClock() {
    }

    public String getOffset() {
        return offset;
    }

    public void setOffset(String offset) {
        this.offset = offset;
    }

    /** Raw {@code adjustment} attribute, {@code null} if absent. */
    public String getAdjustment() {
        return adjustment;
    }

    public void setAdjustment(String adjustment) {
        this.adjustment = adjustment;
    }

    /** Raw {@code timezone} attribute, {@code null} if absent. */
    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    /** Raw {@code basis} attribute, {@code null} if absent. */
    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis;
    }

    /** Raw {@code start} attribute, {@code null} if absent. */
    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    /** The {@code <timer>} children in document order; live, never {@code null}. */
    public List<DomainClockTimer> getTimers() {
        if (timers == null) {
            timers = new ArrayList<>();
        }
        return timers;
    }
}
