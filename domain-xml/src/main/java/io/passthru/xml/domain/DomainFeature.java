package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

/**
 * An on/off domain feature without own typed data, e.g. {@code <acpi/>}, {@code <pae/>}
 * (formatdomain.html#hypervisor-features); everything is kept by the catch-all.
 */
@XmlType(propOrder = {"extra"})
public class DomainFeature extends XmlCatchAll {

    public DomainFeature() {
    }
}
