package io.passthru.xml.domain;

import java.util.List;
import java.util.ArrayList;
import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Root {@code <domain type='kvm' id='1'>} of libvirt domain XML (formatdomain.html). Typed: identity (name, uuid,
 * genid, title, description), metadata (kept as raw XML), memory/currentMemory/maxMemory, vcpu, vcpus, iothreads,
 * cputune, memtune, blkiotune, numatune, memoryBacking, resource, sysinfo, os, features, cpu, clock, pm, seclabel,
 * idmap, keywrap, perf, launchSecurity, lifecycle actions and devices; every other element (throttlegroups,
 * {@code qemu:commandline}, ...) is kept by the catch-all and written after the typed elements (libvirt does not
 * depend on the order of these children). Devices keep their document order.
 */
@XmlRootElement(name = "domain")
@XmlType(propOrder = {"name", "uuid", "title", "description", "metadata", "memory", "currentMemory", "vcpu", "os", "features", "cpu", "clock", "onPoweroff", "onReboot", "onCrash", "devices", "genid", "maxMemory", "vcpus", "iothreads", "iothreadids", "defaultiothread", "cputune", "memtune", "blkiotune", "numatune", "memoryBacking", "resource", "sysinfos", "pm", "seclabels", "idmap", "keywrap", "perf", "launchSecurity", "onLockfailure", "extra"})
public class Domain extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "id")
    private String idRaw;
    @XmlElement(name = "name")
    private String name;
    @XmlElement(name = "uuid")
    private String uuid;
    @XmlElement(name = "title")
    private String title;
    @XmlElement(name = "description")
    private String description;
    @XmlElement(name = "metadata")
    private DomainMetadata metadata;
    @XmlElement(name = "memory")
    private DomainMemory memory;
    @XmlElement(name = "currentMemory")
    private DomainMemory currentMemory;
    @XmlElement(name = "vcpu")
    private DomainVcpu vcpu;
    @XmlElement(name = "os")
    private DomainOs os;
    @XmlElement(name = "features")
    private DomainFeatures features;
    @XmlElement(name = "cpu")
    private DomainCpu cpu;
    @XmlElement(name = "clock")
    private DomainClock clock;
    @XmlElement(name = "on_poweroff")
    private String onPoweroff;
    @XmlElement(name = "on_reboot")
    private String onReboot;
    @XmlElement(name = "on_crash")
    private String onCrash;
    @XmlElement(name = "devices")
    private DomainDevices devices;

    @XmlElement(name = "genid")
    private String genid;
    @XmlElement(name = "maxMemory")
    private DomainMaxMemory maxMemory;
    @XmlElement(name = "vcpus")
    private DomainVcpus vcpus;
    @XmlElement(name = "iothreads")
    private String iothreads;
    @XmlElement(name = "iothreadids")
    private DomainIothreadids iothreadids;
    @XmlElement(name = "defaultiothread")
    private DomainDefaultIothread defaultiothread;
    @XmlElement(name = "cputune")
    private DomainCputune cputune;
    @XmlElement(name = "memtune")
    private DomainMemtune memtune;
    @XmlElement(name = "blkiotune")
    private DomainBlkiotune blkiotune;
    @XmlElement(name = "numatune")
    private DomainNumatune numatune;
    @XmlElement(name = "memoryBacking")
    private DomainMemoryBacking memoryBacking;
    @XmlElement(name = "resource")
    private DomainResource resource;
    @XmlElement(name = "sysinfo")
    private List<DomainSysinfo> sysinfos;
    @XmlElement(name = "pm")
    private DomainPm pm;
    @XmlElement(name = "seclabel")
    private List<DomainSeclabel> seclabels;
    @XmlElement(name = "idmap")
    private DomainIdmap idmap;
    @XmlElement(name = "keywrap")
    private DomainKeywrap keywrap;
    @XmlElement(name = "perf")
    private DomainPerf perf;
    @XmlElement(name = "launchSecurity")
    private DomainLaunchSecurity launchSecurity;
    @XmlElement(name = "on_lockfailure")
    private String onLockfailure;

    public Domain() {
    }

    /** Hypervisor: {@code kvm|qemu|xen|lxc|test|...}. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getIdRaw() {
        return idRaw;
    }

    public void setIdRaw(String idRaw) {
        this.idRaw = idRaw;
    }

    /** Runtime id of a running domain (live XML only), else {@code null}. */
    public Integer getId() {
        return idRaw == null || "-1".equals(idRaw.trim()) ? null : XmlValues.integer(idRaw, "domain id");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public DomainMetadata getMetadata() {
        return metadata;
    }

    public void setMetadata(DomainMetadata metadata) {
        this.metadata = metadata;
    }

    /** The metadata element, created (empty) if absent. */
    public DomainMetadata metadata() {
        if (metadata == null) {
            metadata = new DomainMetadata();
        }
        return metadata;
    }

    /** Maximum memory at boot ({@code <memory>}). */
    public DomainMemory getMemory() {
        return memory;
    }

    public void setMemory(DomainMemory memory) {
        this.memory = memory;
    }

    public DomainMemory getCurrentMemory() {
        return currentMemory;
    }

    public void setCurrentMemory(DomainMemory currentMemory) {
        this.currentMemory = currentMemory;
    }

    public DomainVcpu getVcpu() {
        return vcpu;
    }

    public void setVcpu(DomainVcpu vcpu) {
        this.vcpu = vcpu;
    }

    public DomainOs getOs() {
        return os;
    }

    public void setOs(DomainOs os) {
        this.os = os;
    }

    public DomainFeatures getFeatures() {
        return features;
    }

    public void setFeatures(DomainFeatures features) {
        this.features = features;
    }

    public DomainCpu getCpu() {
        return cpu;
    }

    public void setCpu(DomainCpu cpu) {
        this.cpu = cpu;
    }

    public DomainClock getClock() {
        return clock;
    }

    public void setClock(DomainClock clock) {
        this.clock = clock;
    }

    /** {@code destroy|restart|preserve|rename-restart}. */
    public String getOnPoweroff() {
        return onPoweroff;
    }

    public void setOnPoweroff(String onPoweroff) {
        this.onPoweroff = onPoweroff;
    }

    public String getOnReboot() {
        return onReboot;
    }

    public void setOnReboot(String onReboot) {
        this.onReboot = onReboot;
    }

    /** {@code destroy|restart|preserve|rename-restart|coredump-destroy|coredump-restart}. */
    public String getOnCrash() {
        return onCrash;
    }

    public void setOnCrash(String onCrash) {
        this.onCrash = onCrash;
    }

    public DomainDevices getDevices() {
        return devices;
    }

    public void setDevices(DomainDevices devices) {
        this.devices = devices;
    }

    /** The devices element, created (empty) if absent. */
    public DomainDevices devices() {
        if (devices == null) {
            devices = new DomainDevices();
        }
        return devices;
    }

    /** {@code <genid>}, {@code null} if absent. */
    public String getGenid() {
        return genid;
    }

    public void setGenid(String genid) {
        this.genid = genid;
    }

    /** {@code <maxMemory>}, {@code null} if absent. */
    public DomainMaxMemory getMaxMemory() {
        return maxMemory;
    }

    public void setMaxMemory(DomainMaxMemory maxMemory) {
        this.maxMemory = maxMemory;
    }

    /** {@code <vcpus>}, {@code null} if absent. */
    public DomainVcpus getVcpus() {
        return vcpus;
    }

    public void setVcpus(DomainVcpus vcpus) {
        this.vcpus = vcpus;
    }

    /** {@code <iothreads>}, {@code null} if absent. */
    public String getIothreads() {
        return iothreads;
    }

    public void setIothreads(String iothreads) {
        this.iothreads = iothreads;
    }

    /** {@code <iothreadids>}, {@code null} if absent. */
    public DomainIothreadids getIothreadids() {
        return iothreadids;
    }

    public void setIothreadids(DomainIothreadids iothreadids) {
        this.iothreadids = iothreadids;
    }

    /** {@code <defaultiothread>}, {@code null} if absent. */
    public DomainDefaultIothread getDefaultiothread() {
        return defaultiothread;
    }

    public void setDefaultiothread(DomainDefaultIothread defaultiothread) {
        this.defaultiothread = defaultiothread;
    }

    /** {@code <cputune>}, {@code null} if absent. */
    public DomainCputune getCputune() {
        return cputune;
    }

    public void setCputune(DomainCputune cputune) {
        this.cputune = cputune;
    }

    /** {@code <memtune>}, {@code null} if absent. */
    public DomainMemtune getMemtune() {
        return memtune;
    }

    public void setMemtune(DomainMemtune memtune) {
        this.memtune = memtune;
    }

    /** {@code <blkiotune>}, {@code null} if absent. */
    public DomainBlkiotune getBlkiotune() {
        return blkiotune;
    }

    public void setBlkiotune(DomainBlkiotune blkiotune) {
        this.blkiotune = blkiotune;
    }

    /** {@code <numatune>}, {@code null} if absent. */
    public DomainNumatune getNumatune() {
        return numatune;
    }

    public void setNumatune(DomainNumatune numatune) {
        this.numatune = numatune;
    }

    /** {@code <memoryBacking>}, {@code null} if absent. */
    public DomainMemoryBacking getMemoryBacking() {
        return memoryBacking;
    }

    public void setMemoryBacking(DomainMemoryBacking memoryBacking) {
        this.memoryBacking = memoryBacking;
    }

    /** {@code <resource>}, {@code null} if absent. */
    public DomainResource getResource() {
        return resource;
    }

    public void setResource(DomainResource resource) {
        this.resource = resource;
    }

    /** The {@code <sysinfo>} children in document order; live, never {@code null}. */
    public List<DomainSysinfo> getSysinfos() {
        if (sysinfos == null) {
            sysinfos = new ArrayList<>();
        }
        return sysinfos;
    }

    /** {@code <pm>}, {@code null} if absent. */
    public DomainPm getPm() {
        return pm;
    }

    public void setPm(DomainPm pm) {
        this.pm = pm;
    }

    /** The {@code <seclabel>} children in document order; live, never {@code null}. */
    public List<DomainSeclabel> getSeclabels() {
        if (seclabels == null) {
            seclabels = new ArrayList<>();
        }
        return seclabels;
    }

    /** {@code <idmap>}, {@code null} if absent. */
    public DomainIdmap getIdmap() {
        return idmap;
    }

    public void setIdmap(DomainIdmap idmap) {
        this.idmap = idmap;
    }

    /** {@code <keywrap>}, {@code null} if absent. */
    public DomainKeywrap getKeywrap() {
        return keywrap;
    }

    public void setKeywrap(DomainKeywrap keywrap) {
        this.keywrap = keywrap;
    }

    /** {@code <perf>}, {@code null} if absent. */
    public DomainPerf getPerf() {
        return perf;
    }

    public void setPerf(DomainPerf perf) {
        this.perf = perf;
    }

    /** {@code <launchSecurity>}, {@code null} if absent. */
    public DomainLaunchSecurity getLaunchSecurity() {
        return launchSecurity;
    }

    public void setLaunchSecurity(DomainLaunchSecurity launchSecurity) {
        this.launchSecurity = launchSecurity;
    }

    /** {@code <on_lockfailure>}, {@code null} if absent. */
    public String getOnLockfailure() {
        return onLockfailure;
    }

    public void setOnLockfailure(String onLockfailure) {
        this.onLockfailure = onLockfailure;
    }
}
