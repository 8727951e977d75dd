package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <hyperv mode='custom|passthrough'>}: Hyper-V enlightenments (formatdomain.html#hypervisor-features); later ones are kept by the catch-all.
 */
@XmlType(propOrder = {"relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic", "stimer", "reset", "vendorId", "frequencies", "reenlightenment", "tlbflush", "ipi", "evmcs", "avic", "emsrBitmap", "xmmInput", "extra"})
public class DomainFeatureHyperv extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlElement(name = "relaxed")
    private DomainFeatureState relaxed;
    @XmlElement(name = "vapic")
    private DomainFeatureState vapic;
    @XmlElement(name = "spinlocks")
    private DomainFeatureHypervSpinlocks spinlocks;
    @XmlElement(name = "vpindex")
    private DomainFeatureState vpindex;
    @XmlElement(name = "runtime")
    private DomainFeatureState runtime;
    @XmlElement(name = "synic")
    private DomainFeatureState synic;
    @XmlElement(name = "stimer")
    private DomainFeatureHypervStimer stimer;
    @XmlElement(name = "reset")
    private DomainFeatureState reset;
    @XmlElement(name = "vendor_id")
    private DomainFeatureHypervVendorId vendorId;
    @XmlElement(name = "frequencies")
    private DomainFeatureState frequencies;
    @XmlElement(name = "reenlightenment")
    private DomainFeatureState reenlightenment;
    @XmlElement(name = "tlbflush")
    private DomainFeatureHypervTlbflush tlbflush;
    @XmlElement(name = "ipi")
    private DomainFeatureState ipi;
    @XmlElement(name = "evmcs")
    private DomainFeatureState evmcs;
    @XmlElement(name = "avic")
    private DomainFeatureState avic;
    @XmlElement(name = "emsr_bitmap")
    private DomainFeatureState emsrBitmap;
    @XmlElement(name = "xmm_input")
    private DomainFeatureState xmmInput;

    public DomainFeatureHyperv() {
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** {@code <relaxed>}, {@code null} if absent. */
    public DomainFeatureState getRelaxed() {
        return relaxed;
    }

    public void setRelaxed(DomainFeatureState relaxed) {
        this.relaxed = relaxed;
    }

    /** {@code <vapic>}, {@code null} if absent. */
    public DomainFeatureState getVapic() {
        return vapic;
    }

    public void setVapic(DomainFeatureState vapic) {
        this.vapic = vapic;
    }

    /** {@code <spinlocks>}, {@code null} if absent. */
    public DomainFeatureHypervSpinlocks getSpinlocks() {
        return spinlocks;
    }

    public void setSpinlocks(DomainFeatureHypervSpinlocks spinlocks) {
        this.spinlocks = spinlocks;
    }

    /** {@code <vpindex>}, {@code null} if absent. */
    public DomainFeatureState getVpindex() {
        return vpindex;
    }

    public void setVpindex(DomainFeatureState vpindex) {
        this.vpindex = vpindex;
    }

    /** {@code <runtime>}, {@code null} if absent. */
    public DomainFeatureState getRuntime() {
        return runtime;
    }

    public void setRuntime(DomainFeatureState runtime) {
        this.runtime = runtime;
    }

    /** {@code <synic>}, {@code null} if absent. */
    public DomainFeatureState getSynic() {
        return synic;
    }

    public void setSynic(DomainFeatureState synic) {
        this.synic = synic;
    }

    /** {@code <stimer>}, {@code null} if absent. */
    public DomainFeatureHypervStimer getStimer() {
        return stimer;
    }

    public void setStimer(DomainFeatureHypervStimer stimer) {
        this.stimer = stimer;
    }

    /** {@code <reset>}, {@code null} if absent. */
    public DomainFeatureState getReset() {
        return reset;
    }

    public void setReset(DomainFeatureState reset) {
        this.reset = reset;
    }

    /** {@code <vendor_id>}, {@code null} if absent. */
    public DomainFeatureHypervVendorId getVendorId() {
        return vendorId;
    }

    public void setVendorId(DomainFeatureHypervVendorId vendorId) {
        this.vendorId = vendorId;
    }

    /** {@code <frequencies>}, {@code null} if absent. */
    public DomainFeatureState getFrequencies() {
        return frequencies;
    }

    public void setFrequencies(DomainFeatureState frequencies) {
        this.frequencies = frequencies;
    }

    /** {@code <reenlightenment>}, {@code null} if absent. */
    public DomainFeatureState getReenlightenment() {
        return reenlightenment;
    }

    public void setReenlightenment(DomainFeatureState reenlightenment) {
        this.reenlightenment = reenlightenment;
    }

    /** {@code <tlbflush>}, {@code null} if absent. */
    public DomainFeatureHypervTlbflush getTlbflush() {
        return tlbflush;
    }

    public void setTlbflush(DomainFeatureHypervTlbflush tlbflush) {
        this.tlbflush = tlbflush;
    }

    /** {@code <ipi>}, {@code null} if absent. */
    public DomainFeatureState getIpi() {
        return ipi;
    }

    public void setIpi(DomainFeatureState ipi) {
        this.ipi = ipi;
    }

    /** {@code <evmcs>}, {@code null} if absent. */
    public DomainFeatureState getEvmcs() {
        return evmcs;
    }

    public void setEvmcs(DomainFeatureState evmcs) {
        this.evmcs = evmcs;
    }

    /** {@code <avic>}, {@code null} if absent. */
    public DomainFeatureState getAvic() {
        return avic;
    }

    public void setAvic(DomainFeatureState avic) {
        this.avic = avic;
    }

    /** {@code <emsr_bitmap>}, {@code null} if absent. */
    public DomainFeatureState getEmsrBitmap() {
        return emsrBitmap;
    }

    public void setEmsrBitmap(DomainFeatureState emsrBitmap) {
        this.emsrBitmap = emsrBitmap;
    }

    /** {@code <xmm_input>}, {@code null} if absent. */
    public DomainFeatureState getXmmInput() {
        return xmmInput;
    }

    public void setXmmInput(DomainFeatureState xmmInput) {
        this.xmmInput = xmmInput;
    }
}
