package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <uid start='0' target='1000' count='10'/>} or {@code <gid .../>} of a filesystem id map.
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemIdmapEntry extends XmlCatchAll {
    @XmlAttribute(name = "start")
    private String startRaw;
    @XmlAttribute(name = "target")
    private String targetRaw;
    @XmlAttribute(name = "count")
    private String countRaw;

    public DomainFilesystemIdmapEntry() {
    }

    /** Raw {@code start} attribute text, decimal number. */
    public String getStartRaw() {
        return startRaw;
    }

    public void setStartRaw(String startRaw) {
        this.startRaw = startRaw;
    }

    /** {@code start} attribute as Long, {@code null} if absent. */
    public Long getStart() {
        return XmlValues.decimalLong(startRaw, "start");
    }

    public void setStart(Long start) {
        this.startRaw = XmlValues.decimal(start);
    }

    /** Raw {@code target} attribute text, decimal number. */
    public String getTargetRaw() {
        return targetRaw;
    }

    public void setTargetRaw(String targetRaw) {
        this.targetRaw = targetRaw;
    }

    /** {@code target} attribute as Long, {@code null} if absent. */
    public Long getTarget() {
        return XmlValues.decimalLong(targetRaw, "target");
    }

    public void setTarget(Long target) {
        this.targetRaw = XmlValues.decimal(target);
    }

    /** Raw {@code count} attribute text, decimal number. */
    public String getCountRaw() {
        return countRaw;
    }

    public void setCountRaw(String countRaw) {
        this.countRaw = countRaw;
    }

    /** {@code count} attribute as Long, {@code null} if absent. */
    public Long getCount() {
        return XmlValues.decimalLong(countRaw, "count");
    }

    public void setCount(Long count) {
        this.countRaw = XmlValues.decimal(count);
    }
}
