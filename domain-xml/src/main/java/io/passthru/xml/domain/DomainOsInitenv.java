package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <initenv name='FOO'>bar</initenv>} of a container (formatdomain.html#container-boot).
 */
public class DomainOsInitenv extends XmlAttributeCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlValue
    private String value;

    public DomainOsInitenv() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Element text, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
