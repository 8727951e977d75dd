package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.List;

/**
 * Root {@code <domainCapabilities>} ({@code virsh domcapabilities}, formatdomaincaps.html): what the hypervisor
 * supports for one emulator/arch/machine/virt type. Typed: path, domain, machine, arch, vcpu, iothreads, os, cpu
 * (modes, models, blockers), memoryBacking, devices, features; anything newer is kept by the catch-all.
 */
@XmlRootElement(name = "domainCapabilities")
@XmlType(propOrder = {"path", "domain", "machine", "arch", "os", "devices", "features", "vcpu", "iothreads", "cpu", "memoryBacking", "extra"})
public class DomainCapabilities extends XmlCatchAll {
    @XmlElement(name = "path")
    private String path;
    @XmlElement(name = "domain")
    private String domain;
    @XmlElement(name = "machine")
    private String machine;
    @XmlElement(name = "arch")
    private String arch;
    @XmlElement(name = "os")
    private DomainCapsOs os;
    @XmlElement(name = "devices")
    private DomainCapsDevices devices;
    @XmlElement(name = "features")
    private DomainCapsFeatures features;

    @XmlElement(name = "vcpu")
    private DomainCapsVcpu vcpu;
    @XmlElement(name = "iothreads")
    private DomainCapsDevice iothreads;
    @XmlElement(name = "cpu")
    private DomainCapsCpu cpu;
    @XmlElement(name = "memoryBacking")
    private DomainCapsDevice memoryBacking;

    public DomainCapabilities() {
    }

    /**
     * True if PCI host device assignment is supported with this backend, e.g. {@code "vfio"}: {@code <hostdev
     * supported='yes'>} whose {@code <enum name='pciBackend'>} lists it (formatdomaincaps.html#hostdev-assignment).
     */
    public boolean supportsHostdevPciBackend(String backend) {
        DomainCapsDevice h = devices == null ? null : devices.getHostdev();
        return h != null && h.isSupported() && h.values("pciBackend").contains(backend);
    }

    /** Values of a hostdev enum ({@code mode}, {@code startupPolicy}, {@code subsysType}, {@code capsType}, {@code pciBackend}). */
    public List<String> hostdevValues(String enumName) {
        DomainCapsDevice h = devices == null ? null : devices.getHostdev();
        return h == null ? List.of() : h.values(enumName);
    }

    /**
     * vIOMMU models ({@code intel}, {@code smmuv3}, {@code virtio}, ...) from {@code <iommu supported='yes'><enum
     * name='model'>}; empty if the element is absent or unsupported (formatdomaincaps.html#devices).
     */
    public List<String> iommuModels() {
        DomainCapsDevice i = devices == null ? null : devices.getIommu();
        return i == null || !i.isSupported() ? List.of() : i.values("model");
    }

    /** Emulator binary. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** Virt type, e.g. {@code kvm}. */
    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getMachine() {
        return machine;
    }

    public void setMachine(String machine) {
        this.machine = machine;
    }

    public String getArch() {
        return arch;
    }

    public void setArch(String arch) {
        this.arch = arch;
    }

    public DomainCapsOs getOs() {
        return os;
    }

    public void setOs(DomainCapsOs os) {
        this.os = os;
    }

    public DomainCapsDevices getDevices() {
        return devices;
    }

    public void setDevices(DomainCapsDevices devices) {
        this.devices = devices;
    }

    public DomainCapsFeatures getFeatures() {
        return features;
    }

    public void setFeatures(DomainCapsFeatures features) {
        this.features = features;
    }

    /** {@code <vcpu>}, {@code null} if absent. */
    public DomainCapsVcpu getVcpu() {
        return vcpu;
    }

    public void setVcpu(DomainCapsVcpu vcpu) {
        this.vcpu = vcpu;
    }

    /** {@code <iothreads>}, {@code null} if absent. */
    public DomainCapsDevice getIothreads() {
        return iothreads;
    }

    public void setIothreads(DomainCapsDevice iothreads) {
        this.iothreads = iothreads;
    }

    /** {@code <cpu>}, {@code null} if absent. */
    public DomainCapsCpu getCpu() {
        return cpu;
    }

    public void setCpu(DomainCapsCpu cpu) {
        this.cpu = cpu;
    }

    /** {@code <memoryBacking>}, {@code null} if absent. */
    public DomainCapsDevice getMemoryBacking() {
        return memoryBacking;
    }

    public void setMemoryBacking(DomainCapsDevice memoryBacking) {
        this.memoryBacking = memoryBacking;
    }
}
