package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <resource>} (formatdomain.html#resource-partitioning).
 */
@XmlType(propOrder = {"partition", "fibrechannel", "extra"})
public class DomainResource extends XmlCatchAll {
    @XmlElement(name = "partition")
    private String partition;
    @XmlElement(name = "fibrechannel")
    private DomainResourceFibrechannel fibrechannel;

    public DomainResource() {
    }

    /** {@code <partition>}, {@code null} if absent. */
    public String getPartition() {
        return partition;
    }

    public void setPartition(String partition) {
        this.partition = partition;
    }

    /** {@code <fibrechannel>}, {@code null} if absent. */
    public DomainResourceFibrechannel getFibrechannel() {
        return fibrechannel;
    }

    public void setFibrechannel(DomainResourceFibrechannel fibrechannel) {
        this.fibrechannel = fibrechannel;
    }
}
