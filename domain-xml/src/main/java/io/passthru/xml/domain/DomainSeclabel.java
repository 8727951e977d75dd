package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <seclabel type='dynamic' model='selinux' relabel='yes'>} with label, imagelabel, baselabel (formatdomain.html#security-label).
 */
@XmlType(propOrder = {"label", "imagelabel", "baselabel", "extra"})
public class DomainSeclabel extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "relabel")
    private String relabel;
    @XmlElement(name = "label")
    private String label;
    @XmlElement(name = "imagelabel")
    private String imagelabel;
    @XmlElement(name = "baselabel")
    private String baselabel;

    public DomainSeclabel() {
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code model} attribute, {@code null} if absent. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** Raw {@code relabel} attribute, {@code null} if absent. */
    public String getRelabel() {
        return relabel;
    }

    public void setRelabel(String relabel) {
        this.relabel = relabel;
    }

    /** {@code <label>}, {@code null} if absent. */
    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    /** {@code <imagelabel>}, {@code null} if absent. */
    public String getImagelabel() {
        return imagelabel;
    }

    public void setImagelabel(String imagelabel) {
        this.imagelabel = imagelabel;
    }

    /** {@code <baselabel>}, {@code null} if absent. */
    public String getBaselabel() {
        return baselabel;
    }

    public void setBaselabel(String baselabel) {
        this.baselabel = baselabel;
    }
}
