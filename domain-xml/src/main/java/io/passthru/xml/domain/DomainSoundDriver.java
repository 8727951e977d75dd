package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver iommu='on' .../>} virtio options of a sound device.
 */
@XmlType(propOrder = {"extra"})
public class DomainSoundDriver extends DomainVirtioDriverOptions {

    public DomainSoundDriver() {
    }

}
