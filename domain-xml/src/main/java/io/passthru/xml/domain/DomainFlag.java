package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

/**
 * An element whose presence is the information, e.g. {@code <nosharepages/>}, {@code <locked/>} (formatdomain.html#memory-backing) or a hyperv/kvm feature without own attributes; attributes and children are kept by the catch-all.
 */
@XmlType(propOrder = {"extra"})
public class DomainFlag extends XmlCatchAll {
    public DomainFlag() {
    }
}
