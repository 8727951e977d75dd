package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <os>} (formatdomain.html#operating-system-booting): type, loader, kernel, initrd, cmdline and the boot
 * device list typed; nvram, firmware, bootmenu, smbios, ... (and the {@code firmware} attribute) in the catch-all.
 */
@XmlType(propOrder = {"type", "loader", "kernel", "initrd", "cmdline", "boots", "extra"})
public class DomainOs extends XmlCatchAll {
    @XmlElement(name = "type")
    private DomainOsType type;
    @XmlElement(name = "loader")
    private DomainOsLoader loader;
    @XmlElement(name = "kernel")
    private String kernel;
    @XmlElement(name = "initrd")
    private String initrd;
    @XmlElement(name = "cmdline")
    private String cmdline;
    @XmlElement(name = "boot")
    private List<DomainOsBoot> boots;

    public DomainOs() {
    }

    public DomainOsType getType() {
        return type;
    }

    public void setType(DomainOsType type) {
        this.type = type;
    }

    public DomainOsLoader getLoader() {
        return loader;
    }

    public void setLoader(DomainOsLoader loader) {
        this.loader = loader;
    }

    public String getKernel() {
        return kernel;
    }

    public void setKernel(String kernel) {
        this.kernel = kernel;
    }

    public String getInitrd() {
        return initrd;
    }

    public void setInitrd(String initrd) {
        this.initrd = initrd;
    }

    public String getCmdline() {
        return cmdline;
    }

    public void setCmdline(String cmdline) {
        this.cmdline = cmdline;
    }

    /** {@code <boot dev=..>} in order; live, never {@code null}. */
    public List<DomainOsBoot> getBoots() {
        if (boots == null) {
            boots = new ArrayList<>();
        }
        return boots;
    }
}
