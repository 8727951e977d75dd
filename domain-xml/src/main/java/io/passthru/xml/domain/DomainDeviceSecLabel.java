package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <seclabel model='selinux' relabel='no'><label>..</label></seclabel>} of a device source
 * (formatdomain.html#security-label).
 */
@XmlType(propOrder = {"label", "extra"})
public class DomainDeviceSecLabel extends XmlCatchAll {
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "relabel")
    private String relabelRaw;
    @XmlAttribute(name = "labelskip")
    private String labelskipRaw;
    @XmlElement(name = "label")
    private String label;

    public DomainDeviceSecLabel() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** Raw {@code relabel} attribute text, {@code 'yes'|'no'}. */
    public String getRelabelRaw() {
        return relabelRaw;
    }

    public void setRelabelRaw(String relabelRaw) {
        this.relabelRaw = relabelRaw;
    }

    /** {@code relabel} attribute as Boolean, {@code null} if absent. */
    public Boolean getRelabel() {
        return XmlValues.yesNo(relabelRaw, "relabel");
    }

    public void setRelabel(Boolean relabel) {
        this.relabelRaw = XmlValues.yesNo(relabel);
    }

    /** Raw {@code labelskip} attribute text, {@code 'yes'|'no'}. */
    public String getLabelskipRaw() {
        return labelskipRaw;
    }

    public void setLabelskipRaw(String labelskipRaw) {
        this.labelskipRaw = labelskipRaw;
    }

    /** {@code labelskip} attribute as Boolean, {@code null} if absent. */
    public Boolean getLabelskip() {
        return XmlValues.yesNo(labelskipRaw, "labelskip");
    }

    public void setLabelskip(Boolean labelskip) {
        this.labelskipRaw = XmlValues.yesNo(labelskip);
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
