package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <gl enable='yes' rendernode='/dev/dri/..'/>} of SPICE/egl-headless/dbus graphics.
 */
@XmlType(propOrder = {"extra"})
public class DomainGraphicsGl extends XmlCatchAll {
    @XmlAttribute(name = "enable")
    private String enableRaw;
    @XmlAttribute(name = "rendernode")
    private String rendernode;

    public DomainGraphicsGl() {
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

    public String getRendernode() {
        return rendernode;
    }

    public void setRendernode(String rendernode) {
        this.rendernode = rendernode;
    }
}
