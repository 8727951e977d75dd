package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <iothreads>} of a virtio-scsi controller driver: which iothreads serve which queues.
 */
@XmlType(propOrder = {"iothreads", "extra"})
public class DomainControllerDriverIothreads extends XmlCatchAll {
    @XmlElement(name = "iothread")
    private List<DomainControllerDriverIothread> iothreads;

    public DomainControllerDriverIothreads() {
    }

    /** The {@code <iothread>} elements in document order; live, never {@code null}. */
    public List<DomainControllerDriverIothread> getIothreads() {
        if (iothreads == null) {
            iothreads = new ArrayList<>();
        }
        return iothreads;
    }
}
