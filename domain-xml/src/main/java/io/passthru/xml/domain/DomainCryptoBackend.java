package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <backend model='builtin'|'lkcf' queues='1'/>} of a crypto device.
 */
@XmlType(propOrder = {"extra"})
public class DomainCryptoBackend extends XmlCatchAll {
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "queues")
    private String queuesRaw;

    public DomainCryptoBackend() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** Raw {@code queues} attribute text, number (decimal or 0x hex). */
    public String getQueuesRaw() {
        return queuesRaw;
    }

    public void setQueuesRaw(String queuesRaw) {
        this.queuesRaw = queuesRaw;
    }

    /** {@code queues} attribute as Integer, {@code null} if absent. */
    public Integer getQueues() {
        return XmlValues.integer(queuesRaw, "queues");
    }

    public void setQueues(Integer queues) {
        this.queuesRaw = XmlValues.decimal(queues);
    }
}
