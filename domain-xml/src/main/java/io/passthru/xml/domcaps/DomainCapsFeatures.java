package io.passthru.xml.domcaps;

import jakarta.xml.bind.annotation.XmlElement;
import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

import java.util.Optional;

/**
 * {@code <features>} of domain capabilities (formatdomaincaps.html#features): gic, vmcoreinfo, genid,
 * backingStoreInput, backup, async-teardown, s390-pv, ps2, tdx, hyperv, launchSecurity (each {@code supported} +
 * enums), sev and sgx with their details; later features are kept by the catch-all.
 */
@XmlType(propOrder = {"gic", "vmcoreinfo", "genid", "backingStoreInput", "backup", "asyncTeardown", "s390Pv", "ps2", "sev", "sgx", "tdx", "hyperv", "launchSecurity", "extra"})
public class DomainCapsFeatures extends XmlCatchAll {

    @XmlElement(name = "gic")
    private DomainCapsDevice gic;
    @XmlElement(name = "vmcoreinfo")
    private DomainCapsDevice vmcoreinfo;
    @XmlElement(name = "genid")
    private DomainCapsDevice genid;
    @XmlElement(name = "backingStoreInput")
    private DomainCapsDevice backingStoreInput;
    @XmlElement(name = "backup")
    private DomainCapsDevice backup;
    @XmlElement(name = "async-teardown")
    private DomainCapsDevice asyncTeardown;
    @XmlElement(name = "s390-pv")
    private DomainCapsDevice s390Pv;
    @XmlElement(name = "ps2")
    private DomainCapsDevice ps2;
    @XmlElement(name = "sev")
    private DomainCapsSev sev;
    @XmlElement(name = "sgx")
    private DomainCapsSgx sgx;
    @XmlElement(name = "tdx")
    private DomainCapsDevice tdx;
    @XmlElement(name = "hyperv")
    private DomainCapsDevice hyperv;
    @XmlElement(name = "launchSecurity")
    private DomainCapsDevice launchSecurity;

    public DomainCapsFeatures() {
    }

    /** The {@code supported} attribute of feature {@code name} ({@code yes} → true), empty if not listed. */
    public Optional<Boolean> supported(String name) {
        Object typed = switch (name) {
            case "gic" -> gic;
            case "vmcoreinfo" -> vmcoreinfo;
            case "genid" -> genid;
            case "backingStoreInput" -> backingStoreInput;
            case "backup" -> backup;
            case "async-teardown" -> asyncTeardown;
            case "s390-pv" -> s390Pv;
            case "ps2" -> ps2;
            case "tdx" -> tdx;
            case "hyperv" -> hyperv;
            case "launchSecurity" -> launchSecurity;
            case "sev" -> sev == null ? null : sev.getSupported();
            case "sgx" -> sgx == null ? null : sgx.getSupported();
            default -> null;
        };
        if (typed instanceof DomainCapsDevice d) {
            return Optional.of(d.isSupported());
        }
        if (typed instanceof String s) {
            return Optional.of("yes".equals(s));
        }
        return findExtra(name).map(e -> "yes".equals(e.getAttribute("supported")));
    }

    /** {@code <gic>}, {@code null} if absent. */
    public DomainCapsDevice getGic() {
        return gic;
    }

    public void setGic(DomainCapsDevice gic) {
        this.gic = gic;
    }

    /** {@code <vmcoreinfo>}, {@code null} if absent. */
    public DomainCapsDevice getVmcoreinfo() {
        return vmcoreinfo;
    }

    public void setVmcoreinfo(DomainCapsDevice vmcoreinfo) {
        this.vmcoreinfo = vmcoreinfo;
    }

    /** {@code <genid>}, {@code null} if absent. */
    public DomainCapsDevice getGenid() {
        return genid;
    }

    public void setGenid(DomainCapsDevice genid) {
        this.genid = genid;
    }

    /** {@code <backingStoreInput>}, {@code null} if absent. */
    public DomainCapsDevice getBackingStoreInput() {
        return backingStoreInput;
    }

    public void setBackingStoreInput(DomainCapsDevice backingStoreInput) {
        this.backingStoreInput = backingStoreInput;
    }

    /** {@code <backup>}, {@code null} if absent. */
    public DomainCapsDevice getBackup() {
        return backup;
    }

    public void setBackup(DomainCapsDevice backup) {
        this.backup = backup;
    }

    /** {@code <async-teardown>}, {@code null} if absent. */
    public DomainCapsDevice getAsyncTeardown() {
        return asyncTeardown;
    }

    public void setAsyncTeardown(DomainCapsDevice asyncTeardown) {
        this.asyncTeardown = asyncTeardown;
    }

    /** {@code <s390-pv>}, {@code null} if absent. */
    public DomainCapsDevice getS390Pv() {
        return s390Pv;
    }

    public void setS390Pv(DomainCapsDevice s390Pv) {
        this.s390Pv = s390Pv;
    }

    /** {@code <ps2>}, {@code null} if absent. */
    public DomainCapsDevice getPs2() {
        return ps2;
    }

    public void setPs2(DomainCapsDevice ps2) {
        this.ps2 = ps2;
    }

    /** {@code <sev>}, {@code null} if absent. */
    public DomainCapsSev getSev() {
        return sev;
    }

    public void setSev(DomainCapsSev sev) {
        this.sev = sev;
    }

    /** {@code <sgx>}, {@code null} if absent. */
    public DomainCapsSgx getSgx() {
        return sgx;
    }

    public void setSgx(DomainCapsSgx sgx) {
        this.sgx = sgx;
    }

    /** {@code <tdx>}, {@code null} if absent. */
    public DomainCapsDevice getTdx() {
        return tdx;
    }

    public void setTdx(DomainCapsDevice tdx) {
        this.tdx = tdx;
    }

    /** {@code <hyperv>}, {@code null} if absent. */
    public DomainCapsDevice getHyperv() {
        return hyperv;
    }

    public void setHyperv(DomainCapsDevice hyperv) {
        this.hyperv = hyperv;
    }

    /** {@code <launchSecurity>}, {@code null} if absent. */
    public DomainCapsDevice getLaunchSecurity() {
        return launchSecurity;
    }

    public void setLaunchSecurity(DomainCapsDevice launchSecurity) {
        this.launchSecurity = launchSecurity;
    }
}
