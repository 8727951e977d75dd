package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver name='vfio'|'vhost'|'qemu' queues='4' .../>} of an interface
 * (formatdomain.html#setting-nic-driver-specific-options); {@code <host>}/{@code <guest>} children in the catch-all.
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceDriver extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "queues")
    private String queuesRaw;

    public DomainInterfaceDriver() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code queues} attribute. */
    public String getQueuesRaw() {
        return queuesRaw;
    }

    public void setQueuesRaw(String queuesRaw) {
        this.queuesRaw = queuesRaw;
    }

    public Integer getQueues() {
        return XmlValues.integer(queuesRaw, "queues");
    }

    public void setQueues(Integer queues) {
        this.queuesRaw = XmlValues.decimal(queues);
    }
}
