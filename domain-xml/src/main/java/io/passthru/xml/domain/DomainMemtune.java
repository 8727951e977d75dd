package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <memtune>} (formatdomain.html#memory-tuning).
 */
@XmlType(propOrder = {"hardLimit", "softLimit", "swapHardLimit", "minGuarantee", "extra"})
public class DomainMemtune extends XmlCatchAll {
    @XmlElement(name = "hard_limit")
    private DomainScaledInteger hardLimit;
    @XmlElement(name = "soft_limit")
    private DomainScaledInteger softLimit;
    @XmlElement(name = "swap_hard_limit")
    private DomainScaledInteger swapHardLimit;
    @XmlElement(name = "min_guarantee")
    private DomainScaledInteger minGuarantee;

    public DomainMemtune() {
    }

    /** {@code <hard_limit>}, {@code null} if absent. */
    public DomainScaledInteger getHardLimit() {
        return hardLimit;
    }

    public void setHardLimit(DomainScaledInteger hardLimit) {
        this.hardLimit = hardLimit;
    }

    /** {@code <soft_limit>}, {@code null} if absent. */
    public DomainScaledInteger getSoftLimit() {
        return softLimit;
    }

    public void setSoftLimit(DomainScaledInteger softLimit) {
        this.softLimit = softLimit;
    }

    /** {@code <swap_hard_limit>}, {@code null} if absent. */
    public DomainScaledInteger getSwapHardLimit() {
        return swapHardLimit;
    }

    public void setSwapHardLimit(DomainScaledInteger swapHardLimit) {
        this.swapHardLimit = swapHardLimit;
    }

    /** {@code <min_guarantee>}, {@code null} if absent. */
    public DomainScaledInteger getMinGuarantee() {
        return minGuarantee;
    }

    public void setMinGuarantee(DomainScaledInteger minGuarantee) {
        this.minGuarantee = minGuarantee;
    }
}
