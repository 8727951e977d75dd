package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <format type='qcow2'/>} of a backing store, mirror or data store.
 */
@XmlType(propOrder = {"metadataCache", "extra"})
public class DomainDiskFormat extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "metadata_cache")
    private DomainDiskMetadataCache metadataCache;

    public DomainDiskFormat() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public DomainDiskMetadataCache getMetadataCache() {
        return metadataCache;
    }

    public void setMetadataCache(DomainDiskMetadataCache metadataCache) {
        this.metadataCache = metadataCache;
    }
}
