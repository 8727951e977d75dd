package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver name='qemu'|'vhostuser' vgaconf='..'/>} of a video device.
 */
@XmlType(propOrder = {"extra"})
public class DomainVideoDriver extends DomainVirtioDriverOptions {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "vgaconf")
    private String vgaconf;

    public DomainVideoDriver() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getVgaconf() {
        return vgaconf;
    }

    public void setVgaconf(String vgaconf) {
        this.vgaconf = vgaconf;
    }

}
