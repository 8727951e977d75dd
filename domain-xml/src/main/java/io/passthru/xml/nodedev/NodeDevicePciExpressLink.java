package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <link validity='cap'|'sta' port='0' speed='2.5' width='4'/>} inside
 * {@code <pci-express>} (formatnode.html#pci); speed in GT/s.
 */
@XmlType(propOrder = {"extra"})
public class NodeDevicePciExpressLink extends XmlCatchAll {
    @XmlAttribute(name = "validity")
    private String validity;
    @XmlAttribute(name = "port")
    private String port;
    @XmlAttribute(name = "speed")
    private String speed;
    @XmlAttribute(name = "width")
    private String width;

    public NodeDevicePciExpressLink() {
    }

    public String getValidity() {
        return validity;
    }

    public void setValidity(String validity) {
        this.validity = validity;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getSpeed() {
        return speed;
    }

    public void setSpeed(String speed) {
        this.speed = speed;
    }

    public String getWidth() {
        return width;
    }

    public void setWidth(String width) {
        this.width = width;
    }
}
