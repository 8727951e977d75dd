package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <tcg><tb-cache unit='MiB'>128</tb-cache></tcg>} (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"tbCache", "extra"})
public class DomainFeatureTcg extends XmlCatchAll {
    @XmlElement(name = "tb-cache")
    private DomainScaledInteger tbCache;

    public DomainFeatureTcg() {
    }

    /** {@code <tb-cache>}, {@code null} if absent. */
    public DomainScaledInteger getTbCache() {
        return tbCache;
    }

    public void setTbCache(DomainScaledInteger tbCache) {
        this.tbCache = tbCache;
    }
}
