package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <pmem/>} of an nvdimm source: the backing file is real persistent memory.
 */
@XmlType(propOrder = {"extra"})
public class DomainMemorydevSourcePmem extends XmlCatchAll {
    public DomainMemorydevSourcePmem() {
    }
}
