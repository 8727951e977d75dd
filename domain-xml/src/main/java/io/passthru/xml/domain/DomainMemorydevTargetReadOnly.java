package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <readonly/>} of an nvdimm target.
 */
@XmlType(propOrder = {"extra"})
public class DomainMemorydevTargetReadOnly extends XmlCatchAll {
    public DomainMemorydevTargetReadOnly() {
    }
}
