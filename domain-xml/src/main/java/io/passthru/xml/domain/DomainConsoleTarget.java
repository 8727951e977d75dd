package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target type='serial'|'virtio'|'xen'|'sclp'|... port='0'/>} of a console.
 */
@XmlType(propOrder = {"extra"})
public class DomainConsoleTarget extends DomainQemuCdevTarget {
    public DomainConsoleTarget() {
    }
}
