package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <type arch='x86_64' machine='pc-q35-9.2'>hvm</type>} (formatdomain.html#bios-bootloader).
 */
public class DomainOsType extends XmlAttributeCatchAll {
    @XmlAttribute(name = "arch")
    private String arch;
    @XmlAttribute(name = "machine")
    private String machine;
    @XmlValue
    private String value;

    public DomainOsType() {
    }

    public String getArch() {
        return arch;
    }

    public void setArch(String arch) {
        this.arch = arch;
    }

    public String getMachine() {
        return machine;
    }

    public void setMachine(String machine) {
        this.machine = machine;
    }

    /** {@code hvm|xen|linux|exe|...}. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
