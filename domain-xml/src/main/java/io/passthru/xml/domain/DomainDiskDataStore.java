package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <dataStore type='file'><format type='raw'/><source file='..'/></dataStore>} of a qcow2 disk source with
 * an external data file; type, format and source are in {@link DomainDiskStorageSource}.
 */
@XmlType(propOrder = {"format", "source", "extra"})
public class DomainDiskDataStore extends DomainDiskStorageSource {
    public DomainDiskDataStore() {
    }
}
