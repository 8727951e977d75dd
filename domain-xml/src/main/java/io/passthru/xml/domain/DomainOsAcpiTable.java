package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <table type='slic|msdm'>/path/to/slic.dat</table>} (formatdomain.html#operating-system-booting).
 */
public class DomainOsAcpiTable extends XmlAttributeCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlValue
    private String value;

    public DomainOsAcpiTable() {
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Path of the table file. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
