package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver iommu='on' .../>} virtio options of an RNG device.
 */
@XmlType(propOrder = {"extra"})
public class DomainRngDriver extends DomainVirtioDriverOptions {

    public DomainRngDriver() {
    }

}
