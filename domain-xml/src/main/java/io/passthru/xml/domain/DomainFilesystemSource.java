package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source dir='..'|file='..'|name='..'|usage='..' units='..'|socket='..'|dev='..'/>} of a filesystem.
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemSource extends XmlCatchAll {
    @XmlAttribute(name = "dir")
    private String dir;
    @XmlAttribute(name = "file")
    private String file;
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "usage")
    private String usageRaw;
    @XmlAttribute(name = "units")
    private String units;
    @XmlAttribute(name = "socket")
    private String socket;
    @XmlAttribute(name = "dev")
    private String dev;

    public DomainFilesystemSource() {
    }

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code usage} attribute text, decimal number. */
    public String getUsageRaw() {
        return usageRaw;
    }

    public void setUsageRaw(String usageRaw) {
        this.usageRaw = usageRaw;
    }

    /** {@code usage} attribute as Long, {@code null} if absent. */
    public Long getUsage() {
        return XmlValues.decimalLong(usageRaw, "usage");
    }

    public void setUsage(Long usage) {
        this.usageRaw = XmlValues.decimal(usage);
    }

    public String getUnits() {
        return units;
    }

    public void setUnits(String units) {
        this.units = units;
    }

    public String getSocket() {
        return socket;
    }

    public void setSocket(String socket) {
        this.socket = socket;
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }
}
