package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <hpt resizing='required'><maxpagesize unit='MiB'>16</maxpagesize></hpt>} (pSeries, formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"maxpagesize", "extra"})
public class DomainFeatureHpt extends XmlCatchAll {
    @XmlAttribute(name = "resizing")
    private String resizing;
    @XmlElement(name = "maxpagesize")
    private DomainScaledInteger maxpagesize;

    public DomainFeatureHpt() {
    }

    /** Raw {@code resizing} attribute, {@code null} if absent. */
    public String getResizing() {
        return resizing;
    }

    public void setResizing(String resizing) {
        this.resizing = resizing;
    }

    /** {@code <maxpagesize>}, {@code null} if absent. */
    public DomainScaledInteger getMaxpagesize() {
        return maxpagesize;
    }

    public void setMaxpagesize(DomainScaledInteger maxpagesize) {
        this.maxpagesize = maxpagesize;
    }
}
