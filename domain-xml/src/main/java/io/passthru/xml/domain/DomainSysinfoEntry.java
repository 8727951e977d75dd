package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <entry name='vendor'>LENOVO</entry>}, or for fwcfg {@code <entry name='opt/..' file='..'/>} (formatdomain.html#smbios-system-information).
 */
public class DomainSysinfoEntry extends XmlAttributeCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "file")
    private String file;
    @XmlValue
    private String value;

    public DomainSysinfoEntry() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code file} attribute, {@code null} if absent. */
    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    /** Element text, {@code null} if absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
