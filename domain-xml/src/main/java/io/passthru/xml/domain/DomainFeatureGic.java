package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <gic version='3'/>} (ARM, formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"extra"})
public class DomainFeatureGic extends XmlCatchAll {
    @XmlAttribute(name = "version")
    private String version;

    public DomainFeatureGic() {
    }

    /** Raw {@code version} attribute, {@code null} if absent. */
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
