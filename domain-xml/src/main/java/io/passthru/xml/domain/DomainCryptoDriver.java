package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver iommu='on' .../>} virtio options of a crypto device.
 */
@XmlType(propOrder = {"extra"})
public class DomainCryptoDriver extends DomainVirtioDriverOptions {

    public DomainCryptoDriver() {
    }

}
