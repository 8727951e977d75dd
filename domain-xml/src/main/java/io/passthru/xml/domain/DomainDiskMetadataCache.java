package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <metadata_cache><max_size unit='bytes'>..</max_size></metadata_cache>} of a qcow2 disk driver or format.
 */
@XmlType(propOrder = {"maxSize", "extra"})
public class DomainDiskMetadataCache extends XmlCatchAll {
    @XmlElement(name = "max_size")
    private DomainMemory maxSize;

    public DomainDiskMetadataCache() {
    }

    public DomainMemory getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(DomainMemory maxSize) {
        this.maxSize = maxSize;
    }
}
