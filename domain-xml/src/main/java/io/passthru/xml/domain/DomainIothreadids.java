package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <iothreadids>} (formatdomain.html#iothreads-allocation).
 */
@XmlType(propOrder = {"iothreads", "extra"})
public class DomainIothreadids extends XmlCatchAll {
    @XmlElement(name = "iothread")
    private List<DomainIothreadidsIothread> iothreads;

    public DomainIothreadids() {
    }

    /** The {@code <iothread>} children in document order; live, never {@code null}. */
    public List<DomainIothreadidsIothread> getIothreads() {
        if (iothreads == null) {
            iothreads = new ArrayList<>();
        }
        return iothreads;
    }
}
