package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <cputune>} (formatdomain.html#cpu-tuning); the numeric values are kept as written.
 */
@XmlType(propOrder = {"shares", "period", "quota", "globalPeriod", "globalQuota", "emulatorPeriod", "emulatorQuota", "iothreadPeriod", "iothreadQuota", "vcpupins", "emulatorpin", "iothreadpins", "vcpuscheds", "iothreadscheds", "emulatorsched", "cachetunes", "memorytunes", "extra"})
public class DomainCputune extends XmlCatchAll {
    @XmlElement(name = "shares")
    private String shares;
    @XmlElement(name = "period")
    private String period;
    @XmlElement(name = "quota")
    private String quota;
    @XmlElement(name = "global_period")
    private String globalPeriod;
    @XmlElement(name = "global_quota")
    private String globalQuota;
    @XmlElement(name = "emulator_period")
    private String emulatorPeriod;
    @XmlElement(name = "emulator_quota")
    private String emulatorQuota;
    @XmlElement(name = "iothread_period")
    private String iothreadPeriod;
    @XmlElement(name = "iothread_quota")
    private String iothreadQuota;
    @XmlElement(name = "vcpupin")
    private List<DomainCputuneVcpupin> vcpupins;
    @XmlElement(name = "emulatorpin")
    private DomainCputuneEmulatorpin emulatorpin;
    @XmlElement(name = "iothreadpin")
    private List<DomainCputuneIothreadpin> iothreadpins;
    @XmlElement(name = "vcpusched")
    private List<DomainCputuneSched> vcpuscheds;
    @XmlElement(name = "iothreadsched")
    private List<DomainCputuneSched> iothreadscheds;
    @XmlElement(name = "emulatorsched")
    private DomainCputuneSched emulatorsched;
    @XmlElement(name = "cachetune")
    private List<DomainCputuneCachetune> cachetunes;
    @XmlElement(name = "memorytune")
    private List<DomainCputuneMemorytune> memorytunes;

    public DomainCputune() {
    }

    /** {@code <shares>}, {@code null} if absent. */
    public String getShares() {
        return shares;
    }

    public void setShares(String shares) {
        this.shares = shares;
    }

    /** {@code <period>}, {@code null} if absent. */
    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    /** {@code <quota>}, {@code null} if absent. */
    public String getQuota() {
        return quota;
    }

    public void setQuota(String quota) {
        this.quota = quota;
    }

    /** {@code <global_period>}, {@code null} if absent. */
    public String getGlobalPeriod() {
        return globalPeriod;
    }

    public void setGlobalPeriod(String globalPeriod) {
        this.globalPeriod = globalPeriod;
    }

    /** {@code <global_quota>}, {@code null} if absent. */
    public String getGlobalQuota() {
        return globalQuota;
    }

    public void setGlobalQuota(String globalQuota) {
        this.globalQuota = globalQuota;
    }

    /** {@code <emulator_period>}, {@code null} if absent. */
    public String getEmulatorPeriod() {
        return emulatorPeriod;
    }

    public void setEmulatorPeriod(String emulatorPeriod) {
        this.emulatorPeriod = emulatorPeriod;
    }

    /** {@code <emulator_quota>}, {@code null} if absent. */
    public String getEmulatorQuota() {
        return emulatorQuota;
    }

    public void setEmulatorQuota(String emulatorQuota) {
        this.emulatorQuota = emulatorQuota;
    }

    /** {@code <iothread_period>}, {@code null} if absent. */
    public String getIothreadPeriod() {
        return iothreadPeriod;
    }

    public void setIothreadPeriod(String iothreadPeriod) {
        this.iothreadPeriod = iothreadPeriod;
    }

    /** {@code <iothread_quota>}, {@code null} if absent. */
    public String getIothreadQuota() {
        return iothreadQuota;
    }

    public void setIothreadQuota(String iothreadQuota) {
        this.iothreadQuota = iothreadQuota;
    }

    /** The {@code <vcpupin>} children in document order; live, never {@code null}. */
    public List<DomainCputuneVcpupin> getVcpupins() {
        if (vcpupins == null) {
            vcpupins = new ArrayList<>();
        }
        return vcpupins;
    }

    /** {@code <emulatorpin>}, {@code null} if absent. */
    public DomainCputuneEmulatorpin getEmulatorpin() {
        return emulatorpin;
    }

    public void setEmulatorpin(DomainCputuneEmulatorpin emulatorpin) {
        this.emulatorpin = emulatorpin;
    }

    /** The {@code <iothreadpin>} children in document order; live, never {@code null}. */
    public List<DomainCputuneIothreadpin> getIothreadpins() {
        if (iothreadpins == null) {
            iothreadpins = new ArrayList<>();
        }
        return iothreadpins;
    }

    /** The {@code <vcpusched>} children in document order; live, never {@code null}. */
    public List<DomainCputuneSched> getVcpuscheds() {
        if (vcpuscheds == null) {
            vcpuscheds = new ArrayList<>();
        }
        return vcpuscheds;
    }

    /** The {@code <iothreadsched>} children in document order; live, never {@code null}. */
    public List<DomainCputuneSched> getIothreadscheds() {
        if (iothreadscheds == null) {
            iothreadscheds = new ArrayList<>();
        }
        return iothreadscheds;
    }

    /** {@code <emulatorsched>}, {@code null} if absent. */
    public DomainCputuneSched getEmulatorsched() {
        return emulatorsched;
    }

    public void setEmulatorsched(DomainCputuneSched emulatorsched) {
        this.emulatorsched = emulatorsched;
    }

    /** The {@code <cachetune>} children in document order; live, never {@code null}. */
    public List<DomainCputuneCachetune> getCachetunes() {
        if (cachetunes == null) {
            cachetunes = new ArrayList<>();
        }
        return cachetunes;
    }

    /** The {@code <memorytune>} children in document order; live, never {@code null}. */
    public List<DomainCputuneMemorytune> getMemorytunes() {
        if (memorytunes == null) {
            memorytunes = new ArrayList<>();
        }
        return memorytunes;
    }
}
