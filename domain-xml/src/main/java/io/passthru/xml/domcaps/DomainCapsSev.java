package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <sev supported='yes'>} with cbitpos, reducedPhysBits, maxGuests, maxESGuests, cpu0Id (formatdomaincaps.html#sev-capabilities).
 */
@XmlType(propOrder = {"cbitpos", "reducedPhysBits", "maxGuests", "maxESGuests", "cpu0Id", "extra"})
public class DomainCapsSev extends XmlCatchAll {
    @XmlAttribute(name = "supported")
    private String supported;
    @XmlElement(name = "cbitpos")
    private String cbitpos;
    @XmlElement(name = "reducedPhysBits")
    private String reducedPhysBits;
    @XmlElement(name = "maxGuests")
    private String maxGuests;
    @XmlElement(name = "maxESGuests")
    private String maxESGuests;
    @XmlElement(name = "cpu0Id")
    private String cpu0Id;

    public DomainCapsSev() {
    }

    /** Raw {@code supported} attribute, {@code null} if absent. */
    public String getSupported() {
        return supported;
    }

    public void setSupported(String supported) {
        this.supported = supported;
    }

    /** {@code <cbitpos>}, {@code null} if absent. */
    public String getCbitpos() {
        return cbitpos;
    }

    public void setCbitpos(String cbitpos) {
        this.cbitpos = cbitpos;
    }

    /** {@code <reducedPhysBits>}, {@code null} if absent. */
    public String getReducedPhysBits() {
        return reducedPhysBits;
    }

    public void setReducedPhysBits(String reducedPhysBits) {
        this.reducedPhysBits = reducedPhysBits;
    }

    /** {@code <maxGuests>}, {@code null} if absent. */
    public String getMaxGuests() {
        return maxGuests;
    }

    public void setMaxGuests(String maxGuests) {
        this.maxGuests = maxGuests;
    }

    /** {@code <maxESGuests>}, {@code null} if absent. */
    public String getMaxESGuests() {
        return maxESGuests;
    }

    public void setMaxESGuests(String maxESGuests) {
        this.maxESGuests = maxESGuests;
    }

    /** {@code <cpu0Id>}, {@code null} if absent. */
    public String getCpu0Id() {
        return cpu0Id;
    }

    public void setCpu0Id(String cpu0Id) {
        this.cpu0Id = cpu0Id;
    }
}
