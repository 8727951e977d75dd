package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <shmem name='my_shmem0' role='master'|'peer'>}: inter-VM shared memory (formatdomain.html#shared-memory-device).
 */
@XmlRootElement(name = "shmem")
@XmlType(propOrder = {"model", "size", "server", "msi", "alias", "acpi", "address", "extra"})
public class DomainShmem extends DomainDeviceBase {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "role")
    private String role;
    @XmlElement(name = "model")
    private DomainShmemModel model;
    @XmlElement(name = "size")
    private DomainMemory size;
    @XmlElement(name = "server")
    private DomainShmemServer server;
    @XmlElement(name = "msi")
    private DomainShmemMsi msi;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainShmem() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public DomainShmemModel getModel() {
        return model;
    }

    public void setModel(DomainShmemModel model) {
        this.model = model;
    }

    public DomainMemory getSize() {
        return size;
    }

    public void setSize(DomainMemory size) {
        this.size = size;
    }

    public DomainShmemServer getServer() {
        return server;
    }

    public void setServer(DomainShmemServer server) {
        this.server = server;
    }

    public DomainShmemMsi getMsi() {
        return msi;
    }

    public void setMsi(DomainShmemMsi msi) {
        this.msi = msi;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
