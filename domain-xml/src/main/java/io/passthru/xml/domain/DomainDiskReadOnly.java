package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <readonly/>} of a disk: the guest may not write (formatdomain.html#hard-drives-floppy-disks-cdroms).
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskReadOnly extends XmlCatchAll {
    public DomainDiskReadOnly() {
    }
}
