package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <channel_dev_addr>} of a css capability: cssid, ssid, devno (formatnode.html).
 */
@XmlType(propOrder = {"cssid", "ssid", "devno", "extra"})
public class NodeDeviceCcwAddress extends XmlCatchAll {
    @XmlElement(name = "cssid")
    private String cssid;
    @XmlElement(name = "ssid")
    private String ssid;
    @XmlElement(name = "devno")
    private String devno;

    public NodeDeviceCcwAddress() {
    }

    /** {@code <cssid>}, {@code null} if absent. */
    public String getCssid() {
        return cssid;
    }

    public void setCssid(String cssid) {
        this.cssid = cssid;
    }

    /** {@code <ssid>}, {@code null} if absent. */
    public String getSsid() {
        return ssid;
    }

    public void setSsid(String ssid) {
        this.ssid = ssid;
    }

    /** {@code <devno>}, {@code null} if absent. */
    public String getDevno() {
        return devno;
    }

    public void setDevno(String devno) {
        this.devno = devno;
    }
}
