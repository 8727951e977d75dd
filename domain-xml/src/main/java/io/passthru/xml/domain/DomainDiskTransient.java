package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <transient shareBacking='yes'/>} of a disk: changes are dropped when the domain stops.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskTransient extends XmlCatchAll {
    @XmlAttribute(name = "shareBacking")
    private String shareBackingRaw;

    public DomainDiskTransient() {
    }

    /** Raw {@code shareBacking} attribute text, {@code 'yes'|'no'}. */
    public String getShareBackingRaw() {
        return shareBackingRaw;
    }

    public void setShareBackingRaw(String shareBackingRaw) {
        this.shareBackingRaw = shareBackingRaw;
    }

    /** {@code shareBacking} attribute as Boolean, {@code null} if absent. */
    public Boolean getShareBacking() {
        return XmlValues.yesNo(shareBackingRaw, "shareBacking");
    }

    public void setShareBacking(Boolean shareBacking) {
        this.shareBackingRaw = XmlValues.yesNo(shareBacking);
    }
}
