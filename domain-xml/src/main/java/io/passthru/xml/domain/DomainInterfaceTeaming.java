package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <teaming type='persistent'|'transient' persistent='ua-backup0'/>}: failover pairing of a virtio
 * interface with a hostdev VF interface, which lets a guest with a VF be migrated (formatdomain.html#teaming-a-virtio-hostdev-nic-pair).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceTeaming extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "persistent")
    private String persistent;

    public DomainInterfaceTeaming() {
    }

    /** {@code 'persistent'} (the virtio side) or {@code 'transient'} (the hostdev side). */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** On the transient side: alias of the persistent interface. */
    public String getPersistent() {
        return persistent;
    }

    public void setPersistent(String persistent) {
        this.persistent = persistent;
    }
}
