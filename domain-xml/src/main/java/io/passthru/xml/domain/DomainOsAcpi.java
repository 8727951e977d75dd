package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <os><acpi>}: ACPI tables handed to the guest (formatdomain.html#operating-system-booting).
 */
@XmlType(propOrder = {"tables", "extra"})
public class DomainOsAcpi extends XmlCatchAll {
    @XmlElement(name = "table")
    private List<DomainOsAcpiTable> tables;

    public DomainOsAcpi() {
    }

    /** The {@code <table>} children in document order; live, never {@code null}. */
    public List<DomainOsAcpiTable> getTables() {
        if (tables == null) {
            tables = new ArrayList<>();
        }
        return tables;
    }
}
