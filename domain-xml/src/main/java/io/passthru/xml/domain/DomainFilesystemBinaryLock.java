package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <lock .../>} of a virtiofsd {@code <binary>} (formatdomain.html#filesystems).
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemBinaryLock extends XmlCatchAll {
    @XmlAttribute(name = "posix")
    private String posixRaw;
    @XmlAttribute(name = "flock")
    private String flockRaw;

    public DomainFilesystemBinaryLock() {
    }

    /** Raw {@code posix} attribute text, {@code 'on'|'off'}. */
    public String getPosixRaw() {
        return posixRaw;
    }

    public void setPosixRaw(String posixRaw) {
        this.posixRaw = posixRaw;
    }

    /** {@code posix} attribute as Boolean, {@code null} if absent. */
    public Boolean getPosix() {
        return XmlValues.onOff(posixRaw, "posix");
    }

    public void setPosix(Boolean posix) {
        this.posixRaw = XmlValues.onOff(posix);
    }

    /** Raw {@code flock} attribute text, {@code 'on'|'off'}. */
    public String getFlockRaw() {
        return flockRaw;
    }

    public void setFlockRaw(String flockRaw) {
        this.flockRaw = flockRaw;
    }

    /** {@code flock} attribute as Boolean, {@code null} if absent. */
    public Boolean getFlock() {
        return XmlValues.onOff(flockRaw, "flock");
    }

    public void setFlock(Boolean flock) {
        this.flockRaw = XmlValues.onOff(flock);
    }
}
