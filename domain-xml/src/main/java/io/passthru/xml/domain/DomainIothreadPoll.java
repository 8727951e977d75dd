package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <poll max='123' grow='456' shrink='789'/>} of an iothread (formatdomain.html#iothreads-allocation).
 */
@XmlType(propOrder = {"extra"})
public class DomainIothreadPoll extends XmlCatchAll {
    @XmlAttribute(name = "max")
    private String max;
    @XmlAttribute(name = "grow")
    private String grow;
    @XmlAttribute(name = "shrink")
    private String shrink;

    public DomainIothreadPoll() {
    }

    /** Raw {@code max} attribute, {@code null} if absent. */
    public String getMax() {
        return max;
    }

    public void setMax(String max) {
        this.max = max;
    }

    /** Raw {@code grow} attribute, {@code null} if absent. */
    public String getGrow() {
        return grow;
    }

    public void setGrow(String grow) {
        this.grow = grow;
    }

    /** Raw {@code shrink} attribute, {@code null} if absent. */
    public String getShrink() {
        return shrink;
    }

    public void setShrink(String shrink) {
        this.shrink = shrink;
    }
}
