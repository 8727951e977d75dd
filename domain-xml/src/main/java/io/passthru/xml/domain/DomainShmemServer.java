package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <server path='/tmp/socket'/>} of an ivshmem-doorbell device.
 */
@XmlType(propOrder = {"extra"})
public class DomainShmemServer extends XmlCatchAll {
    @XmlAttribute(name = "path")
    private String path;

    public DomainShmemServer() {
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
