package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <os firmware='efi'>} (formatdomain.html#operating-system-booting): type, loader, nvram, firmware features,
 * kernel, initrd, cmdline, dtb, shim, boot device list, bootmenu, smbios, bios, ACPI tables and container init
 * settings typed; anything newer is kept by the catch-all.
 */
@XmlType(propOrder = {"type", "loader", "kernel", "initrd", "cmdline", "boots", "firmwareElement", "nvram", "bootmenu", "smbios", "bios", "acpi", "dtb", "shim", "init", "initargs", "initenvs", "initdir", "inituser", "initgroup", "extra"})
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

    @XmlAttribute(name = "firmware")
    private String firmware;
    @XmlElement(name = "firmware")
    private DomainOsFirmware firmwareElement;
    @XmlElement(name = "nvram")
    private DomainOsNvram nvram;
    @XmlElement(name = "bootmenu")
    private DomainOsBootmenu bootmenu;
    @XmlElement(name = "smbios")
    private DomainOsSmbios smbios;
    @XmlElement(name = "bios")
    private DomainOsBios bios;
    @XmlElement(name = "acpi")
    private DomainOsAcpi acpi;
    @XmlElement(name = "dtb")
    private String dtb;
    @XmlElement(name = "shim")
    private String shim;
    @XmlElement(name = "init")
    private String init;
    @XmlElement(name = "initarg")
    private List<String> initargs;
    @XmlElement(name = "initenv")
    private List<DomainOsInitenv> initenvs;
    @XmlElement(name = "initdir")
    private String initdir;
    @XmlElement(name = "inituser")
    private String inituser;
    @XmlElement(name = "initgroup")
    private String initgroup;

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

    /** {@code 'bios'|'efi'}: let libvirt pick the firmware ({@code null}: manual loader). */
    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    /** {@code <firmware>}, {@code null} if absent. */
    public DomainOsFirmware getFirmwareElement() {
        return firmwareElement;
    }

    public void setFirmwareElement(DomainOsFirmware firmwareElement) {
        this.firmwareElement = firmwareElement;
    }

    /** {@code <nvram>}, {@code null} if absent. */
    public DomainOsNvram getNvram() {
        return nvram;
    }

    public void setNvram(DomainOsNvram nvram) {
        this.nvram = nvram;
    }

    /** {@code <bootmenu>}, {@code null} if absent. */
    public DomainOsBootmenu getBootmenu() {
        return bootmenu;
    }

    public void setBootmenu(DomainOsBootmenu bootmenu) {
        this.bootmenu = bootmenu;
    }

    /** {@code <smbios>}, {@code null} if absent. */
    public DomainOsSmbios getSmbios() {
        return smbios;
    }

    public void setSmbios(DomainOsSmbios smbios) {
        this.smbios = smbios;
    }

    /** {@code <bios>}, {@code null} if absent. */
    public DomainOsBios getBios() {
        return bios;
    }

    public void setBios(DomainOsBios bios) {
        this.bios = bios;
    }

    /** {@code <acpi>}, {@code null} if absent. */
    public DomainOsAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainOsAcpi acpi) {
        this.acpi = acpi;
    }

    /** {@code <dtb>}, {@code null} if absent. */
    public String getDtb() {
        return dtb;
    }

    public void setDtb(String dtb) {
        this.dtb = dtb;
    }

    /** {@code <shim>}, {@code null} if absent. */
    public String getShim() {
        return shim;
    }

    public void setShim(String shim) {
        this.shim = shim;
    }

    /** {@code <init>}, {@code null} if absent. */
    public String getInit() {
        return init;
    }

    public void setInit(String init) {
        this.init = init;
    }

    /** The {@code <initarg>} children in document order; live, never {@code null}. */
    public List<String> getInitargs() {
        if (initargs == null) {
            initargs = new ArrayList<>();
        }
        return initargs;
    }

    /** The {@code <initenv>} children in document order; live, never {@code null}. */
    public List<DomainOsInitenv> getInitenvs() {
        if (initenvs == null) {
            initenvs = new ArrayList<>();
        }
        return initenvs;
    }

    /** {@code <initdir>}, {@code null} if absent. */
    public String getInitdir() {
        return initdir;
    }

    public void setInitdir(String initdir) {
        this.initdir = initdir;
    }

    /** {@code <inituser>}, {@code null} if absent. */
    public String getInituser() {
        return inituser;
    }

    public void setInituser(String inituser) {
        this.inituser = inituser;
    }

    /** {@code <initgroup>}, {@code null} if absent. */
    public String getInitgroup() {
        return initgroup;
    }

    public void setInitgroup(String initgroup) {
        this.initgroup = initgroup;
    }
}
