package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <filetransfer enable='..'/>} of SPICE graphics (formatdomain.html#graphical-framebuffers).
 */
@XmlType(propOrder = {"extra"})
public class DomainGraphicsFileTransfer extends XmlCatchAll {
    @XmlAttribute(name = "enable")
    private String enableRaw;

    public DomainGraphicsFileTransfer() {
    }

    /** Raw {@code enable} attribute text, {@code 'yes'|'no'}. */
    public String getEnableRaw() {
        return enableRaw;
    }

    public void setEnableRaw(String enableRaw) {
        this.enableRaw = enableRaw;
    }

    /** {@code enable} attribute as Boolean, {@code null} if absent. */
    public Boolean getEnable() {
        return XmlValues.yesNo(enableRaw, "enable");
    }

    public void setEnable(Boolean enable) {
        this.enableRaw = XmlValues.yesNo(enable);
    }
}
