package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <pstore backend='acpi-erst'><path>..</path><size unit='KiB'>8</size></pstore>} (formatdomain.html#pstore).
 */
@XmlRootElement(name = "pstore")
@XmlType(propOrder = {"path", "size", "alias", "address", "extra"})
public class DomainPstore extends DomainDeviceBase {
    @XmlAttribute(name = "backend")
    private String backend;
    @XmlElement(name = "path")
    private String path;
    @XmlElement(name = "size")
    private DomainMemory size;

    public DomainPstore() {
    }

    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public DomainMemory getSize() {
        return size;
    }

    public void setSize(DomainMemory size) {
        this.size = size;
    }
}
