package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <iommu model='intel'|'smmuv3'|'virtio'>}: the guest's IOMMU (formatdomain.html#iommu-devices), e.g. an
 * emulated Intel VT-d with interrupt remapping so that a guest can use VFIO itself. libvirt 11.3's schema allows the
 * models {@code intel}, {@code smmuv3} and {@code virtio}; any other model string (later libvirt: {@code amd}) is kept as
 * given.
 */
@XmlRootElement(name = "iommu")
@XmlType(propOrder = {"driver", "alias", "acpi", "address", "extra"})
public class DomainIommu extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;
    @XmlElement(name = "driver")
    private DomainIommuDriver driver;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainIommu() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public DomainIommuDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainIommuDriver driver) {
        this.driver = driver;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }

    /** Model {@code intel}: an emulated Intel VT-d (q35 machines). */
    public static final String MODEL_INTEL = "intel";
    /** Model {@code smmuv3}: an Arm SMMUv3 (virt machines). */
    public static final String MODEL_SMMUV3 = "smmuv3";
    /** Model {@code virtio}: a virtio-iommu. */
    public static final String MODEL_VIRTIO = "virtio";

    /** {@code <iommu model='MODEL'/>} without driver options. */
    public static DomainIommu of(String model) {
        DomainIommu i = new DomainIommu();
        i.model = model;
        return i;
    }

    /**
     * {@code <iommu model='intel'><driver intremap='..' caching_mode='..' eim='..' iotlb='..'/></iommu>}; {@code null}
     * leaves an option out (libvirt's default). Interrupt remapping ({@code intremap='on'}) needs
     * {@code <ioapic driver='qemu'/>} in the features, and {@code eim} needs {@code intremap}.
     */
    public static DomainIommu intel(Boolean intremap, Boolean cachingMode, Boolean eim, Boolean iotlb) {
        DomainIommu i = of(MODEL_INTEL);
        if (intremap != null || cachingMode != null || eim != null || iotlb != null) {
            DomainIommuDriver d = new DomainIommuDriver();
            d.setIntremap(intremap);
            d.setCachingMode(cachingMode);
            d.setEim(eim);
            d.setIotlb(iotlb);
            i.driver = d;
        }
        return i;
    }

    /** {@code <iommu model='virtio'/>}. */
    public static DomainIommu virtio() {
        return of(MODEL_VIRTIO);
    }

    /** {@code <iommu model='smmuv3'/>}. */
    public static DomainIommu smmuv3() {
        return of(MODEL_SMMUV3);
    }

    /** The driver, created empty if absent (to set options on). */
    public DomainIommuDriver driver() {
        if (driver == null) {
            driver = new DomainIommuDriver();
        }
        return driver;
    }
}
