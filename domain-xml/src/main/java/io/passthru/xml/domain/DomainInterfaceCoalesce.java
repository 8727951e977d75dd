package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <coalesce>} (formatdomain.html#coalesce-settings).
 */
@XmlType(propOrder = {"rx", "extra"})
public class DomainInterfaceCoalesce extends XmlCatchAll {
    @XmlElement(name = "rx")
    private DomainInterfaceCoalesceRx rx;

    public DomainInterfaceCoalesce() {
    }

    /** {@code <rx>}, {@code null} if absent. */
    public DomainInterfaceCoalesceRx getRx() {
        return rx;
    }

    public void setRx(DomainInterfaceCoalesceRx rx) {
        this.rx = rx;
    }
}
