package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source dev='/dev/input/event1' grab='all' repeat='on' grabToggle='ctrl-ctrl'/>} of an evdev input
 * (or {@code evdev='..'} of a passthrough input) (formatdomain.html#input-devices).
 */
@XmlType(propOrder = {"extra"})
public class DomainInputSource extends XmlCatchAll {
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlAttribute(name = "evdev")
    private String evdev;
    @XmlAttribute(name = "grab")
    private String grab;
    @XmlAttribute(name = "repeat")
    private String repeatRaw;
    @XmlAttribute(name = "grabToggle")
    private String grabToggle;

    public DomainInputSource() {
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    public String getEvdev() {
        return evdev;
    }

    public void setEvdev(String evdev) {
        this.evdev = evdev;
    }

    public String getGrab() {
        return grab;
    }

    public void setGrab(String grab) {
        this.grab = grab;
    }

    /** Raw {@code repeat} attribute text, {@code 'on'|'off'}. */
    public String getRepeatRaw() {
        return repeatRaw;
    }

    public void setRepeatRaw(String repeatRaw) {
        this.repeatRaw = repeatRaw;
    }

    /** {@code repeat} attribute as Boolean, {@code null} if absent. */
    public Boolean getRepeat() {
        return XmlValues.onOff(repeatRaw, "repeat");
    }

    public void setRepeat(Boolean repeat) {
        this.repeatRaw = XmlValues.onOff(repeat);
    }

    public String getGrabToggle() {
        return grabToggle;
    }

    public void setGrabToggle(String grabToggle) {
        this.grabToggle = grabToggle;
    }
}
