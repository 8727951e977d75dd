package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver iommu='on' .../>} virtio options of a memory balloon.
 */
@XmlType(propOrder = {"extra"})
public class DomainMemballoonDriver extends DomainVirtioDriverOptions {

    public DomainMemballoonDriver() {
    }

}
