package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <inbound average='1000' peak='5000' burst='1024' floor='200'/>} or {@code <outbound ..>} (kilobytes per second, kibibytes; formatdomain.html#quality-of-service).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceBandwidthLimit extends XmlCatchAll {
    @XmlAttribute(name = "average")
    private String average;
    @XmlAttribute(name = "peak")
    private String peak;
    @XmlAttribute(name = "burst")
    private String burst;
    @XmlAttribute(name = "floor")
    private String floor;

    public DomainInterfaceBandwidthLimit() {
    }

    /** Raw {@code average} attribute, {@code null} if absent. */
    public String getAverage() {
        return average;
    }

    public void setAverage(String average) {
        this.average = average;
    }

    /** Raw {@code peak} attribute, {@code null} if absent. */
    public String getPeak() {
        return peak;
    }

    public void setPeak(String peak) {
        this.peak = peak;
    }

    /** Raw {@code burst} attribute, {@code null} if absent. */
    public String getBurst() {
        return burst;
    }

    public void setBurst(String burst) {
        this.burst = burst;
    }

    /** Raw {@code floor} attribute, {@code null} if absent. */
    public String getFloor() {
        return floor;
    }

    public void setFloor(String floor) {
        this.floor = floor;
    }
}
