package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A feature set by {@code value}, e.g. {@code <cfpc value='workaround'/>}, {@code <aia value='aplic-imsic'/>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"extra"})
public class DomainFeatureValue extends XmlCatchAll {
    @XmlAttribute(name = "value")
    private String value;

    public DomainFeatureValue() {
    }

    /** Raw {@code value} attribute, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
