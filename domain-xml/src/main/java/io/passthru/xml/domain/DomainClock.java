package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <clock offset='utc'>} (formatdomain.html#time-keeping); timers in the catch-all.
 */
@XmlType(propOrder = {"extra"})
public class DomainClock extends XmlCatchAll {
    @XmlAttribute(name = "offset")
    private String offset;

    public DomainClock() {
    }

    public String getOffset() {
        return offset;
    }

    public void setOffset(String offset) {
        this.offset = offset;
    }
}
