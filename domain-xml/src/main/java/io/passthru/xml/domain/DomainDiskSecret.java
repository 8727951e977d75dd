package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <secret type='ceph'|'iscsi'|'passphrase'|... usage='..' uuid='..'/>} inside a disk's {@code <auth>} or
 * {@code <encryption>} (formatdomain.html#hard-drives-floppy-disks-cdroms).
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSecret extends DomainSecretLookup {
    public DomainDiskSecret() {
    }
}
