package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * A block of SMBIOS entries: {@code <bios>}, {@code <system>}, {@code <baseBoard>}, {@code <chassis>}, {@code <processor>}, {@code <memory>}, {@code <oemStrings>} (formatdomain.html#smbios-system-information).
 */
@XmlType(propOrder = {"entries", "extra"})
public class DomainSysinfoBlock extends XmlCatchAll {
    @XmlElement(name = "entry")
    private List<DomainSysinfoEntry> entries;

    public DomainSysinfoBlock() {
    }

    /** The {@code <entry>} children in document order; live, never {@code null}. */
    public List<DomainSysinfoEntry> getEntries() {
        if (entries == null) {
            entries = new ArrayList<>();
        }
        return entries;
    }
}
