package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target port='0'/>} of a parallel port.
 */
@XmlType(propOrder = {"extra"})
public class DomainParallelTarget extends DomainQemuCdevTarget {
    public DomainParallelTarget() {
    }
}
