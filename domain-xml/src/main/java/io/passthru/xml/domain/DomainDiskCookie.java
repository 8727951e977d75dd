package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <cookie name='..'>value</cookie>} of an http(s) disk source.
 */
public class DomainDiskCookie extends XmlAttributeCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlValue
    private String value;

    public DomainDiskCookie() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
