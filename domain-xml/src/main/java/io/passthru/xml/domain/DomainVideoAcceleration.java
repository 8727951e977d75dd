package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <acceleration accel3d='yes' accel2d='no' rendernode='..'/>} of a video model.
 */
@XmlType(propOrder = {"extra"})
public class DomainVideoAcceleration extends XmlCatchAll {
    @XmlAttribute(name = "accel3d")
    private String accel3dRaw;
    @XmlAttribute(name = "accel2d")
    private String accel2dRaw;
    @XmlAttribute(name = "rendernode")
    private String rendernode;

    public DomainVideoAcceleration() {
    }

    /** Raw {@code accel3d} attribute text, {@code 'yes'|'no'}. */
    public String getAccel3dRaw() {
        return accel3dRaw;
    }

    public void setAccel3dRaw(String accel3dRaw) {
        this.accel3dRaw = accel3dRaw;
    }

    /** {@code accel3d} attribute as Boolean, {@code null} if absent. */
    public Boolean getAccel3d() {
        return XmlValues.yesNo(accel3dRaw, "accel3d");
    }

    public void setAccel3d(Boolean accel3d) {
        this.accel3dRaw = XmlValues.yesNo(accel3d);
    }

    /** Raw {@code accel2d} attribute text, {@code 'yes'|'no'}. */
    public String getAccel2dRaw() {
        return accel2dRaw;
    }

    public void setAccel2dRaw(String accel2dRaw) {
        this.accel2dRaw = accel2dRaw;
    }

    /** {@code accel2d} attribute as Boolean, {@code null} if absent. */
    public Boolean getAccel2d() {
        return XmlValues.yesNo(accel2dRaw, "accel2d");
    }

    public void setAccel2d(Boolean accel2d) {
        this.accel2dRaw = XmlValues.yesNo(accel2d);
    }

    public String getRendernode() {
        return rendernode;
    }

    public void setRendernode(String rendernode) {
        this.rendernode = rendernode;
    }
}
