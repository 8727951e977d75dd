package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver iommu='on' .../>} virtio options of an input device (formatdomain.html#virtio-related-options).
 */
@XmlType(propOrder = {"extra"})
public class DomainInputDriver extends DomainVirtioDriverOptions {

    public DomainInputDriver() {
    }

}
