package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <source mode='bind'|'connect' path='..' host='..' service='..'/>} of a character device: channel, serial,
 * console, parallel, redirdev, smartcard, RNG backend (formatdomain.html#consoles-serial-parallel-channel-devices).
 * Also a root element so that it can appear in the mixed content of an RNG {@code <backend>}.
 */
@XmlRootElement(name = "source")
@XmlType(propOrder = {"seclabels", "reconnect", "clipboard", "mouse", "extra"})
public class DomainChardevSource extends XmlCatchAll {
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "path")
    private String path;
    @XmlAttribute(name = "host")
    private String host;
    @XmlAttribute(name = "service")
    private String service;
    @XmlAttribute(name = "tls")
    private String tlsRaw;
    @XmlAttribute(name = "append")
    private String appendRaw;
    @XmlAttribute(name = "channel")
    private String channel;
    @XmlAttribute(name = "master")
    private String master;
    @XmlAttribute(name = "slave")
    private String slave;
    @XmlElement(name = "seclabel")
    private List<DomainDeviceSecLabel> seclabels;
    @XmlElement(name = "reconnect")
    private DomainChardevSourceReconnect reconnect;
    @XmlElement(name = "clipboard")
    private DomainChardevSourceClipboard clipboard;
    @XmlElement(name = "mouse")
    private DomainChardevSourceMouse mouse;

    public DomainChardevSource() {
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    /** Raw {@code tls} attribute text, {@code 'yes'|'no'}. */
    public String getTlsRaw() {
        return tlsRaw;
    }

    public void setTlsRaw(String tlsRaw) {
        this.tlsRaw = tlsRaw;
    }

    /** {@code tls} attribute as Boolean, {@code null} if absent. */
    public Boolean getTls() {
        return XmlValues.yesNo(tlsRaw, "tls");
    }

    public void setTls(Boolean tls) {
        this.tlsRaw = XmlValues.yesNo(tls);
    }

    /** Raw {@code append} attribute text, {@code 'on'|'off'}. */
    public String getAppendRaw() {
        return appendRaw;
    }

    public void setAppendRaw(String appendRaw) {
        this.appendRaw = appendRaw;
    }

    /** {@code append} attribute as Boolean, {@code null} if absent. */
    public Boolean getAppend() {
        return XmlValues.onOff(appendRaw, "append");
    }

    public void setAppend(Boolean append) {
        this.appendRaw = XmlValues.onOff(append);
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getMaster() {
        return master;
    }

    public void setMaster(String master) {
        this.master = master;
    }

    public String getSlave() {
        return slave;
    }

    public void setSlave(String slave) {
        this.slave = slave;
    }

    /** The {@code <seclabel>} elements in document order; live, never {@code null}. */
    public List<DomainDeviceSecLabel> getSeclabels() {
        if (seclabels == null) {
            seclabels = new ArrayList<>();
        }
        return seclabels;
    }

    public DomainChardevSourceReconnect getReconnect() {
        return reconnect;
    }

    public void setReconnect(DomainChardevSourceReconnect reconnect) {
        this.reconnect = reconnect;
    }

    public DomainChardevSourceClipboard getClipboard() {
        return clipboard;
    }

    public void setClipboard(DomainChardevSourceClipboard clipboard) {
        this.clipboard = clipboard;
    }

    public DomainChardevSourceMouse getMouse() {
        return mouse;
    }

    public void setMouse(DomainChardevSourceMouse mouse) {
        this.mouse = mouse;
    }
}
