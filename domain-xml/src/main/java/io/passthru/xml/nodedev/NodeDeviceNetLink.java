package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <link state='up' speed='1000'/>} of a net capability (formatnode.html#net); speed in Mbit/s.
 */
@XmlType(propOrder = {"extra"})
public class NodeDeviceNetLink extends XmlCatchAll {
    @XmlAttribute(name = "state")
    private String state;
    @XmlAttribute(name = "speed")
    private String speed;

    public NodeDeviceNetLink() {
    }

    /** {@code up|down|unknown|...}. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getSpeed() {
        return speed;
    }

    public void setSpeed(String speed) {
        this.speed = speed;
    }
}
