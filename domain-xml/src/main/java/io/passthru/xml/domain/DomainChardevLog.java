package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <log file='/var/log/..' append='on'/>} of a character device
 * (formatdomain.html#consoles-serial-parallel-channel-devices).
 */
@XmlType(propOrder = {"extra"})
public class DomainChardevLog extends XmlCatchAll {
    @XmlAttribute(name = "file")
    private String file;
    @XmlAttribute(name = "append")
    private String appendRaw;

    public DomainChardevLog() {
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
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
}
