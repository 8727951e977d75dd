package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <alias name='hostdev0'/>}: the device alias, libvirt's handle for hot-unplug
 * (formatdomain.html#devices; user aliases start with {@code ua-}).
 */
@XmlType(propOrder = {"extra"})
public class DomainAlias extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;

    public DomainAlias() {
    }

    /** Alias, e.g. {@code hostdev0}, {@code net1}, {@code ua-vf0}. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public static DomainAlias of(String name) {
        DomainAlias a = new DomainAlias();
        a.name = name;
        return a;
    }
}
