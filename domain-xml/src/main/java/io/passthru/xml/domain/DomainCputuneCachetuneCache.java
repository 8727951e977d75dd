package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <cache id='0' level='3' type='both' size='3' unit='MiB'/>} of a cachetune (formatdomain.html#cpu-tuning).
 */
@XmlType(propOrder = {"extra"})
public class DomainCputuneCachetuneCache extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String id;
    @XmlAttribute(name = "level")
    private String level;
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "size")
    private String size;
    @XmlAttribute(name = "unit")
    private String unit;

    public DomainCputuneCachetuneCache() {
    }

    /** Raw {@code id} attribute, {@code null} if absent. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Raw {@code level} attribute, {@code null} if absent. */
    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code size} attribute, {@code null} if absent. */
    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    /** Raw {@code unit} attribute, {@code null} if absent. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }
}
