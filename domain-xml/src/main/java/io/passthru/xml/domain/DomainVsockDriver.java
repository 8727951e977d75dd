package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver iommu='on' .../>} virtio options of a vsock device.
 */
@XmlType(propOrder = {"extra"})
public class DomainVsockDriver extends DomainVirtioDriverOptions {

    public DomainVsockDriver() {
    }

}
