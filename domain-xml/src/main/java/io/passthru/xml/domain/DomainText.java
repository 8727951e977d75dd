package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * An element holding text only whose attributes are kept by the catch-all, e.g. {@code <partition>} or a numeric tuning value (formatdomain.html).
 */
public class DomainText extends XmlAttributeCatchAll {
    @XmlValue
    private String value;

    public DomainText() {
    }

    /** Element text, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
