package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <iothread id='1'><queue id='0'/></iothread>} of a virtio-scsi controller's iothread mapping.
 */
@XmlType(propOrder = {"queues", "extra"})
public class DomainControllerDriverIothread extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String idRaw;
    @XmlElement(name = "queue")
    private List<DomainControllerDriverIothreadQueue> queues;

    public DomainControllerDriverIothread() {
    }

    /** Raw {@code id} attribute text, number (decimal or 0x hex). */
    public String getIdRaw() {
        return idRaw;
    }

    public void setIdRaw(String idRaw) {
        this.idRaw = idRaw;
    }

    /** {@code id} attribute as Integer, {@code null} if absent. */
    public Integer getId() {
        return XmlValues.integer(idRaw, "id");
    }

    public void setId(Integer id) {
        this.idRaw = XmlValues.decimal(id);
    }

    /** The {@code <queue>} elements in document order; live, never {@code null}. */
    public List<DomainControllerDriverIothreadQueue> getQueues() {
        if (queues == null) {
            queues = new ArrayList<>();
        }
        return queues;
    }
}
