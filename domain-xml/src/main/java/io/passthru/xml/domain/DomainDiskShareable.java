package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <shareable/>} of a disk: shared between domains, not cached.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskShareable extends XmlCatchAll {
    public DomainDiskShareable() {
    }
}
