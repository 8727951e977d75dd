package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <resolution x='1920' y='1080'/>} of a video model.
 */
@XmlType(propOrder = {"extra"})
public class DomainVideoResolution extends XmlCatchAll {
    @XmlAttribute(name = "x")
    private String xRaw;
    @XmlAttribute(name = "y")
    private String yRaw;

    public DomainVideoResolution() {
    }

    /** Raw {@code x} attribute text, number (decimal or 0x hex). */
    public String getXRaw() {
        return xRaw;
    }

    public void setXRaw(String xRaw) {
        this.xRaw = xRaw;
    }

    /** {@code x} attribute as Integer, {@code null} if absent. */
    public Integer getX() {
        return XmlValues.integer(xRaw, "x");
    }

    public void setX(Integer x) {
        this.xRaw = XmlValues.decimal(x);
    }

    /** Raw {@code y} attribute text, number (decimal or 0x hex). */
    public String getYRaw() {
        return yRaw;
    }

    public void setYRaw(String yRaw) {
        this.yRaw = yRaw;
    }

    /** {@code y} attribute as Integer, {@code null} if absent. */
    public Integer getY() {
        return XmlValues.integer(yRaw, "y");
    }

    public void setY(Integer y) {
        this.yRaw = XmlValues.decimal(y);
    }
}
