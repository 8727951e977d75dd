package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <secret type='ceph'|'iscsi'|'passphrase'|... usage='..' uuid='..'/>} inside a disk's {@code <auth>} or
 * {@code <encryption>} (formatdomain.html#hard-drives-floppy-disks-cdroms).
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSecret extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "usage")
    private String usage;
    @XmlAttribute(name = "uuid")
    private String uuid;

    public DomainDiskSecret() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getUsage() {
        return usage;
    }

    public void setUsage(String usage) {
        this.usage = usage;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }
}
