package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <readonly/>} of a filesystem.
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemReadOnly extends XmlCatchAll {
    public DomainFilesystemReadOnly() {
    }
}
