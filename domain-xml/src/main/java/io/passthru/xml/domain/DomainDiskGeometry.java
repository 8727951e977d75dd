package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <geometry cyls='..' heads='..' secs='..' trans='..'/>} of a disk.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskGeometry extends XmlCatchAll {
    @XmlAttribute(name = "cyls")
    private String cylsRaw;
    @XmlAttribute(name = "heads")
    private String headsRaw;
    @XmlAttribute(name = "secs")
    private String secsRaw;
    @XmlAttribute(name = "trans")
    private String trans;

    public DomainDiskGeometry() {
    }

    /** Raw {@code cyls} attribute text, decimal number. */
    public String getCylsRaw() {
        return cylsRaw;
    }

    public void setCylsRaw(String cylsRaw) {
        this.cylsRaw = cylsRaw;
    }

    /** {@code cyls} attribute as Long, {@code null} if absent. */
    public Long getCyls() {
        return XmlValues.decimalLong(cylsRaw, "cyls");
    }

    public void setCyls(Long cyls) {
        this.cylsRaw = XmlValues.decimal(cyls);
    }

    /** Raw {@code heads} attribute text, decimal number. */
    public String getHeadsRaw() {
        return headsRaw;
    }

    public void setHeadsRaw(String headsRaw) {
        this.headsRaw = headsRaw;
    }

    /** {@code heads} attribute as Long, {@code null} if absent. */
    public Long getHeads() {
        return XmlValues.decimalLong(headsRaw, "heads");
    }

    public void setHeads(Long heads) {
        this.headsRaw = XmlValues.decimal(heads);
    }

    /** Raw {@code secs} attribute text, decimal number. */
    public String getSecsRaw() {
        return secsRaw;
    }

    public void setSecsRaw(String secsRaw) {
        this.secsRaw = secsRaw;
    }

    /** {@code secs} attribute as Long, {@code null} if absent. */
    public Long getSecs() {
        return XmlValues.decimalLong(secsRaw, "secs");
    }

    public void setSecs(Long secs) {
        this.secsRaw = XmlValues.decimal(secs);
    }

    public String getTrans() {
        return trans;
    }

    public void setTrans(String trans) {
        this.trans = trans;
    }
}
