package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <kvm>} features (formatdomain.html#hypervisor-features).
 */
@XmlType(propOrder = {"hidden", "hintDedicated", "pollControl", "pvIpi", "dirtyRing", "extra"})
public class DomainFeatureKvm extends XmlCatchAll {
    @XmlElement(name = "hidden")
    private DomainFeatureState hidden;
    @XmlElement(name = "hint-dedicated")
    private DomainFeatureState hintDedicated;
    @XmlElement(name = "poll-control")
    private DomainFeatureState pollControl;
    @XmlElement(name = "pv-ipi")
    private DomainFeatureState pvIpi;
    @XmlElement(name = "dirty-ring")
    private DomainFeatureKvmDirtyRing dirtyRing;

    public DomainFeatureKvm() {
    }

    /** {@code <hidden>}, {@code null} if absent. */
    public DomainFeatureState getHidden() {
        return hidden;
    }

    public void setHidden(DomainFeatureState hidden) {
        this.hidden = hidden;
    }

    /** {@code <hint-dedicated>}, {@code null} if absent. */
    public DomainFeatureState getHintDedicated() {
        return hintDedicated;
    }

    public void setHintDedicated(DomainFeatureState hintDedicated) {
        this.hintDedicated = hintDedicated;
    }

    /** {@code <poll-control>}, {@code null} if absent. */
    public DomainFeatureState getPollControl() {
        return pollControl;
    }

    public void setPollControl(DomainFeatureState pollControl) {
        this.pollControl = pollControl;
    }

    /** {@code <pv-ipi>}, {@code null} if absent. */
    public DomainFeatureState getPvIpi() {
        return pvIpi;
    }

    public void setPvIpi(DomainFeatureState pvIpi) {
        this.pvIpi = pvIpi;
    }

    /** {@code <dirty-ring>}, {@code null} if absent. */
    public DomainFeatureKvmDirtyRing getDirtyRing() {
        return dirtyRing;
    }

    public void setDirtyRing(DomainFeatureKvmDirtyRing dirtyRing) {
        this.dirtyRing = dirtyRing;
    }
}
