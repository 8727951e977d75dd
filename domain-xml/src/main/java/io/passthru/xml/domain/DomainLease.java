package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <lease><lockspace>..</lockspace><key>..</key><target path='..'/></lease>} (formatdomain.html#device-leases).
 */
@XmlRootElement(name = "lease")
@XmlType(propOrder = {"lockspace", "key", "target", "extra"})
public class DomainLease extends XmlCatchAll {
    @XmlElement(name = "lockspace")
    private String lockspace;
    @XmlElement(name = "key")
    private String key;
    @XmlElement(name = "target")
    private DomainLeaseTarget target;

    public DomainLease() {
    }

    public String getLockspace() {
        return lockspace;
    }

    public void setLockspace(String lockspace) {
        this.lockspace = lockspace;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public DomainLeaseTarget getTarget() {
        return target;
    }

    public void setTarget(DomainLeaseTarget target) {
        this.target = target;
    }
}
