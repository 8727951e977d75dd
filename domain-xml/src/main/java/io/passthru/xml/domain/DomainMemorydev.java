package io.passthru.xml.domain;

import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <memory model='dimm'|'nvdimm'|'virtio-pmem'|'virtio-mem'|'sgx-epc' access='shared'|'private' discard='yes'>}:
 * a memory device, e.g. a hot-pluggable DIMM (formatdomain.html#memory-devices). Not to be confused with the domain's
 * {@code <memory>} size ({@link DomainMemory}).
 */
@XmlRootElement(name = "memory")
@XmlType(propOrder = {"uuid", "source", "target", "alias", "acpi", "address", "extra"})
public class DomainMemorydev extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "access")
    private String access;
    @XmlAttribute(name = "discard")
    private String discardRaw;
    @XmlElement(name = "uuid")
    private String uuid;
    @XmlElement(name = "source")
    private DomainMemorydevSource source;
    @XmlElement(name = "target")
    private DomainMemorydevTarget target;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainMemorydev() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = access;
    }

    /** Raw {@code discard} attribute text, {@code 'yes'|'no'}. */
    public String getDiscardRaw() {
        return discardRaw;
    }

    public void setDiscardRaw(String discardRaw) {
        this.discardRaw = discardRaw;
    }

    /** {@code discard} attribute as Boolean, {@code null} if absent. */
    public Boolean getDiscard() {
        return XmlValues.yesNo(discardRaw, "discard");
    }

    public void setDiscard(Boolean discard) {
        this.discardRaw = XmlValues.yesNo(discard);
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public DomainMemorydevSource getSource() {
        return source;
    }

    public void setSource(DomainMemorydevSource source) {
        this.source = source;
    }

    public DomainMemorydevTarget getTarget() {
        return target;
    }

    public void setTarget(DomainMemorydevTarget target) {
        this.target = target;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }

    /**
     * A DIMM {@code <memory model='dimm'><target><size unit='KiB'>SIZE</size><node>NODE</node></target></memory>}
     * (formatdomain.html#memory-devices).
     *
     * @param node guest NUMA node, or {@code null} for none
     */
    public static DomainMemorydev dimm(long sizeKiB, Integer node) {
        DomainMemorydev m = new DomainMemorydev();
        m.model = "dimm";
        m.target = new DomainMemorydevTarget();
        m.target.setSize(DomainMemory.ofKiB(sizeKiB));
        m.target.setNode(node);
        return m;
    }
}
