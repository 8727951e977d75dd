package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <loader supported='yes'>} in {@code <os>}: firmware paths as {@code <value>} and enums
 * type, readonly, secure (formatdomaincaps.html#bios-bootloader).
 */
@XmlType(propOrder = {"values", "enums", "extra"})
public class DomainCapsLoader extends XmlCatchAll {
    @XmlAttribute(name = "supported")
    private String supported;
    @XmlElement(name = "value")
    private List<String> values;
    @XmlElement(name = "enum")
    private List<DomainCapsEnum> enums;

    public DomainCapsLoader() {
    }

    public String getSupported() {
        return supported;
    }

    public void setSupported(String supported) {
        this.supported = supported;
    }

    /** Firmware paths. */
    public List<String> getValues() {
        if (values == null) {
            values = new ArrayList<>();
        }
        return values;
    }

    public List<DomainCapsEnum> getEnums() {
        if (enums == null) {
            enums = new ArrayList<>();
        }
        return enums;
    }

    /** Values of the {@code <enum name=..>} child, empty if there is no such enum. */
    public List<String> values(String enumName) {
        return enums == null ? List.of() : enums.stream().filter(e -> enumName.equals(e.getName())).findFirst()
                .map(e -> List.copyOf(e.getValues())).orElse(List.of());
    }

    /** True if {@code supported='yes'}. */
    public boolean isSupported() {
        return "yes".equals(supported);
    }
}
