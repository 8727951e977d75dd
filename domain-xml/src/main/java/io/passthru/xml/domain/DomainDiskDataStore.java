package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <dataStore type='file'><format type='raw'/><source file='..'/></dataStore>} of a qcow2 disk source with
 * an external data file.
 */
@XmlType(propOrder = {"format", "source", "extra"})
public class DomainDiskDataStore extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "format")
    private DomainDiskFormat format;
    @XmlElement(name = "source")
    private DomainDiskSource source;

    public DomainDiskDataStore() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public DomainDiskFormat getFormat() {
        return format;
    }

    public void setFormat(DomainDiskFormat format) {
        this.format = format;
    }

    public DomainDiskSource getSource() {
        return source;
    }

    public void setSource(DomainDiskSource source) {
        this.source = source;
    }
}
