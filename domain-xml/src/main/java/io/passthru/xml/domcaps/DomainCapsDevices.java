package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <devices>} of domain capabilities: hostdev and iommu typed, every other device (disk,
 * graphics, video, rng, tpm, ...) in the catch-all (formatdomaincaps.html#devices).
 */
@XmlType(propOrder = {"hostdev", "iommu", "extra"})
public class DomainCapsDevices extends XmlCatchAll {
    @XmlElement(name = "hostdev")
    private DomainCapsDevice hostdev;
    @XmlElement(name = "iommu")
    private DomainCapsDevice iommu;

    public DomainCapsDevices() {
    }

    public DomainCapsDevice getHostdev() {
        return hostdev;
    }

    public void setHostdev(DomainCapsDevice hostdev) {
        this.hostdev = hostdev;
    }

    public DomainCapsDevice getIommu() {
        return iommu;
    }

    public void setIommu(DomainCapsDevice iommu) {
        this.iommu = iommu;
    }
}
