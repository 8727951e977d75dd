package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <features>} (formatdomain.html#hypervisor-features): acpi, apic, pae, ioapic, hap, pmu, vmport, smm, kvm,
 * hyperv, gic, hpt, pvspinlock, vmcoreinfo, htm, nested-hv, ccf-assist, cfpc, sbbc, ibs, aia, ras, ps2,
 * async-teardown, tcg, privnet, viridian typed; other features are kept by the catch-all.
 */
@XmlType(propOrder = {"acpi", "apic", "pae", "ioapic", "hap", "pmu", "vmport", "smm", "kvm", "hyperv", "gic", "hpt", "pvspinlock", "vmcoreinfo", "htm", "nestedHv", "ccfAssist", "cfpc", "sbbc", "ibs", "aia", "ras", "ps2", "asyncTeardown", "tcg", "privnet", "viridian", "extra"})
public class DomainFeatures extends XmlCatchAll {
    @XmlElement(name = "acpi")
    private DomainFeature acpi;
    @XmlElement(name = "apic")
    private DomainFeatureApic apic;
    @XmlElement(name = "pae")
    private DomainFeature pae;
    @XmlElement(name = "ioapic")
    private DomainFeatureIoapic ioapic;

    @XmlElement(name = "hap")
    private DomainFeatureState hap;
    @XmlElement(name = "pmu")
    private DomainFeatureState pmu;
    @XmlElement(name = "vmport")
    private DomainFeatureState vmport;
    @XmlElement(name = "smm")
    private DomainFeatureSmm smm;
    @XmlElement(name = "kvm")
    private DomainFeatureKvm kvm;
    @XmlElement(name = "hyperv")
    private DomainFeatureHyperv hyperv;
    @XmlElement(name = "gic")
    private DomainFeatureGic gic;
    @XmlElement(name = "hpt")
    private DomainFeatureHpt hpt;
    @XmlElement(name = "pvspinlock")
    private DomainFeatureState pvspinlock;
    @XmlElement(name = "vmcoreinfo")
    private DomainFeatureState vmcoreinfo;
    @XmlElement(name = "htm")
    private DomainFeatureState htm;
    @XmlElement(name = "nested-hv")
    private DomainFeatureState nestedHv;
    @XmlElement(name = "ccf-assist")
    private DomainFeatureState ccfAssist;
    @XmlElement(name = "cfpc")
    private DomainFeatureValue cfpc;
    @XmlElement(name = "sbbc")
    private DomainFeatureValue sbbc;
    @XmlElement(name = "ibs")
    private DomainFeatureValue ibs;
    @XmlElement(name = "aia")
    private DomainFeatureValue aia;
    @XmlElement(name = "ras")
    private DomainFeatureState ras;
    @XmlElement(name = "ps2")
    private DomainFeatureState ps2;
    @XmlElement(name = "async-teardown")
    private DomainFeatureAsyncTeardown asyncTeardown;
    @XmlElement(name = "tcg")
    private DomainFeatureTcg tcg;
    @XmlElement(name = "privnet")
    private DomainFlag privnet;
    @XmlElement(name = "viridian")
    private DomainFlag viridian;

    public DomainFeatures() {
    }

    public DomainFeature getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainFeature acpi) {
        this.acpi = acpi;
    }

    public DomainFeatureApic getApic() {
        return apic;
    }

    public void setApic(DomainFeatureApic apic) {
        this.apic = apic;
    }

    public DomainFeature getPae() {
        return pae;
    }

    public void setPae(DomainFeature pae) {
        this.pae = pae;
    }

    public DomainFeatureIoapic getIoapic() {
        return ioapic;
    }

    public void setIoapic(DomainFeatureIoapic ioapic) {
        this.ioapic = ioapic;
    }

    /** {@code <hap>}, {@code null} if absent. */
    public DomainFeatureState getHap() {
        return hap;
    }

    public void setHap(DomainFeatureState hap) {
        this.hap = hap;
    }

    /** {@code <pmu>}, {@code null} if absent. */
    public DomainFeatureState getPmu() {
        return pmu;
    }

    public void setPmu(DomainFeatureState pmu) {
        this.pmu = pmu;
    }

    /** {@code <vmport>}, {@code null} if absent. */
    public DomainFeatureState getVmport() {
        return vmport;
    }

    public void setVmport(DomainFeatureState vmport) {
        this.vmport = vmport;
    }

    /** {@code <smm>}, {@code null} if absent. */
    public DomainFeatureSmm getSmm() {
        return smm;
    }

    public void setSmm(DomainFeatureSmm smm) {
        this.smm = smm;
    }

    /** {@code <kvm>}, {@code null} if absent. */
    public DomainFeatureKvm getKvm() {
        return kvm;
    }

    public void setKvm(DomainFeatureKvm kvm) {
        this.kvm = kvm;
    }

    /** {@code <hyperv>}, {@code null} if absent. */
    public DomainFeatureHyperv getHyperv() {
        return hyperv;
    }

    public void setHyperv(DomainFeatureHyperv hyperv) {
        this.hyperv = hyperv;
    }

    /** {@code <gic>}, {@code null} if absent. */
    public DomainFeatureGic getGic() {
        return gic;
    }

    public void setGic(DomainFeatureGic gic) {
        this.gic = gic;
    }

    /** {@code <hpt>}, {@code null} if absent. */
    public DomainFeatureHpt getHpt() {
        return hpt;
    }

    public void setHpt(DomainFeatureHpt hpt) {
        this.hpt = hpt;
    }

    /** {@code <pvspinlock>}, {@code null} if absent. */
    public DomainFeatureState getPvspinlock() {
        return pvspinlock;
    }

    public void setPvspinlock(DomainFeatureState pvspinlock) {
        this.pvspinlock = pvspinlock;
    }

    /** {@code <vmcoreinfo>}, {@code null} if absent. */
    public DomainFeatureState getVmcoreinfo() {
        return vmcoreinfo;
    }

    public void setVmcoreinfo(DomainFeatureState vmcoreinfo) {
        this.vmcoreinfo = vmcoreinfo;
    }

    /** {@code <htm>}, {@code null} if absent. */
    public DomainFeatureState getHtm() {
        return htm;
    }

    public void setHtm(DomainFeatureState htm) {
        this.htm = htm;
    }

    /** {@code <nested-hv>}, {@code null} if absent. */
    public DomainFeatureState getNestedHv() {
        return nestedHv;
    }

    public void setNestedHv(DomainFeatureState nestedHv) {
        this.nestedHv = nestedHv;
    }

    /** {@code <ccf-assist>}, {@code null} if absent. */
    public DomainFeatureState getCcfAssist() {
        return ccfAssist;
    }

    public void setCcfAssist(DomainFeatureState ccfAssist) {
        this.ccfAssist = ccfAssist;
    }

    /** {@code <cfpc>}, {@code null} if absent. */
    public DomainFeatureValue getCfpc() {
        return cfpc;
    }

    public void setCfpc(DomainFeatureValue cfpc) {
        this.cfpc = cfpc;
    }

    /** {@code <sbbc>}, {@code null} if absent. */
    public DomainFeatureValue getSbbc() {
        return sbbc;
    }

    public void setSbbc(DomainFeatureValue sbbc) {
        this.sbbc = sbbc;
    }

    /** {@code <ibs>}, {@code null} if absent. */
    public DomainFeatureValue getIbs() {
        return ibs;
    }

    public void setIbs(DomainFeatureValue ibs) {
        this.ibs = ibs;
    }

    /** {@code <aia>}, {@code null} if absent. */
    public DomainFeatureValue getAia() {
        return aia;
    }

    public void setAia(DomainFeatureValue aia) {
        this.aia = aia;
    }

    /** {@code <ras>}, {@code null} if absent. */
    public DomainFeatureState getRas() {
        return ras;
    }

    public void setRas(DomainFeatureState ras) {
        this.ras = ras;
    }

    /** {@code <ps2>}, {@code null} if absent. */
    public DomainFeatureState getPs2() {
        return ps2;
    }

    public void setPs2(DomainFeatureState ps2) {
        this.ps2 = ps2;
    }

    /** {@code <async-teardown>}, {@code null} if absent. */
    public DomainFeatureAsyncTeardown getAsyncTeardown() {
        return asyncTeardown;
    }

    public void setAsyncTeardown(DomainFeatureAsyncTeardown asyncTeardown) {
        this.asyncTeardown = asyncTeardown;
    }

    /** {@code <tcg>}, {@code null} if absent. */
    public DomainFeatureTcg getTcg() {
        return tcg;
    }

    public void setTcg(DomainFeatureTcg tcg) {
        this.tcg = tcg;
    }

    /** {@code <privnet>}, {@code null} if absent. */
    public DomainFlag getPrivnet() {
        return privnet;
    }

    public void setPrivnet(DomainFlag privnet) {
        this.privnet = privnet;
    }

    /** {@code <viridian>}, {@code null} if absent. */
    public DomainFlag getViridian() {
        return viridian;
    }

    public void setViridian(DomainFlag viridian) {
        this.viridian = viridian;
    }
}
