package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <smartcard mode='host'|'host-certificates'|'passthrough' type='..'>} (formatdomain.html#smartcard-devices).
 */
@XmlRootElement(name = "smartcard")
@XmlType(propOrder = {"certificates", "database", "source", "protocol", "alias", "acpi", "address", "extra"})
public class DomainSmartcard extends DomainDeviceBase {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "certificate")
    private List<String> certificates;
    @XmlElement(name = "database")
    private String database;
    @XmlElement(name = "source")
    private DomainChardevSource source;
    @XmlElement(name = "protocol")
    private DomainChardevProtocol protocol;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainSmartcard() {
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** The {@code <certificate>} names (host-certificates mode) in order; live, never {@code null}. */
    public List<String> getCertificates() {
        if (certificates == null) {
            certificates = new ArrayList<>();
        }
        return certificates;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public DomainChardevSource getSource() {
        return source;
    }

    public void setSource(DomainChardevSource source) {
        this.source = source;
    }

    public DomainChardevProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(DomainChardevProtocol protocol) {
        this.protocol = protocol;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
