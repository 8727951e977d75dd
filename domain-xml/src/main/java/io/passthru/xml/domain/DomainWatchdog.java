package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <watchdog model='i6300esb'|'ib700'|'diag288'|'itco' action='reset'|'shutdown'|'poweroff'|'pause'|'none'|'dump'|'inject-nmi'/>}
 * (formatdomain.html#watchdog-devices).
 */
@XmlRootElement(name = "watchdog")
@XmlType(propOrder = {"alias", "acpi", "address", "extra"})
public class DomainWatchdog extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "action")
    private String action;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainWatchdog() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
