package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <sysinfo type='smbios|fwcfg'>} (formatdomain.html#smbios-system-information).
 */
@XmlType(propOrder = {"bios", "system", "baseBoards", "chassis", "processors", "memories", "oemStrings", "entries", "extra"})
public class DomainSysinfo extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlElement(name = "bios")
    private DomainSysinfoBlock bios;
    @XmlElement(name = "system")
    private DomainSysinfoBlock system;
    @XmlElement(name = "baseBoard")
    private List<DomainSysinfoBlock> baseBoards;
    @XmlElement(name = "chassis")
    private DomainSysinfoBlock chassis;
    @XmlElement(name = "processor")
    private List<DomainSysinfoBlock> processors;
    @XmlElement(name = "memory")
    private List<DomainSysinfoBlock> memories;
    @XmlElement(name = "oemStrings")
    private DomainSysinfoBlock oemStrings;
    @XmlElement(name = "entry")
    private List<DomainSysinfoEntry> entries;

    public DomainSysinfo() {
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** {@code <bios>}, {@code null} if absent. */
    public DomainSysinfoBlock getBios() {
        return bios;
    }

    public void setBios(DomainSysinfoBlock bios) {
        this.bios = bios;
    }

    /** {@code <system>}, {@code null} if absent. */
    public DomainSysinfoBlock getSystem() {
        return system;
    }

    public void setSystem(DomainSysinfoBlock system) {
        this.system = system;
    }

    /** The {@code <baseBoard>} children in document order; live, never {@code null}. */
    public List<DomainSysinfoBlock> getBaseBoards() {
        if (baseBoards == null) {
            baseBoards = new ArrayList<>();
        }
        return baseBoards;
    }

    /** {@code <chassis>}, {@code null} if absent. */
    public DomainSysinfoBlock getChassis() {
        return chassis;
    }

    public void setChassis(DomainSysinfoBlock chassis) {
        this.chassis = chassis;
    }

    /** The {@code <processor>} children in document order; live, never {@code null}. */
    public List<DomainSysinfoBlock> getProcessors() {
        if (processors == null) {
            processors = new ArrayList<>();
        }
        return processors;
    }

    /** The {@code <memory>} children in document order; live, never {@code null}. */
    public List<DomainSysinfoBlock> getMemories() {
        if (memories == null) {
            memories = new ArrayList<>();
        }
        return memories;
    }

    /** {@code <oemStrings>}, {@code null} if absent. */
    public DomainSysinfoBlock getOemStrings() {
        return oemStrings;
    }

    public void setOemStrings(DomainSysinfoBlock oemStrings) {
        this.oemStrings = oemStrings;
    }

    /** The {@code <entry>} children in document order; live, never {@code null}. */
    public List<DomainSysinfoEntry> getEntries() {
        if (entries == null) {
            entries = new ArrayList<>();
        }
        return entries;
    }
}
