package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <timer name='rtc' tickpolicy='catchup' track='guest' present='yes'/>} (formatdomain.html#time-keeping).
 */
@XmlType(propOrder = {"catchup", "extra"})
public class DomainClockTimer extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "present")
    private String present;
    @XmlAttribute(name = "tickpolicy")
    private String tickpolicy;
    @XmlAttribute(name = "track")
    private String track;
    @XmlAttribute(name = "frequency")
    private String frequency;
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlElement(name = "catchup")
    private DomainClockTimerCatchup catchup;

    public DomainClockTimer() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code present} attribute, {@code null} if absent. */
    public String getPresent() {
        return present;
    }

    public void setPresent(String present) {
        this.present = present;
    }

    /** Raw {@code tickpolicy} attribute, {@code null} if absent. */
    public String getTickpolicy() {
        return tickpolicy;
    }

    public void setTickpolicy(String tickpolicy) {
        this.tickpolicy = tickpolicy;
    }

    /** Raw {@code track} attribute, {@code null} if absent. */
    public String getTrack() {
        return track;
    }

    public void setTrack(String track) {
        this.track = track;
    }

    /** Raw {@code frequency} attribute, {@code null} if absent. */
    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** {@code <catchup>}, {@code null} if absent. */
    public DomainClockTimerCatchup getCatchup() {
        return catchup;
    }

    public void setCatchup(DomainClockTimerCatchup catchup) {
        this.catchup = catchup;
    }
}
