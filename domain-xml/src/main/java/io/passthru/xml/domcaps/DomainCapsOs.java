package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <os supported='yes'>} with {@code <enum name='firmware'>} and {@code <loader>}
 * (formatdomaincaps.html#bios-bootloader).
 */
@XmlType(propOrder = {"enums", "loader", "extra"})
public class DomainCapsOs extends XmlCatchAll {
    @XmlAttribute(name = "supported")
    private String supported;
    @XmlElement(name = "enum")
    private List<DomainCapsEnum> enums;
    @XmlElement(name = "loader")
    private DomainCapsLoader loader;

    public DomainCapsOs() {
    }

    public String getSupported() {
        return supported;
    }

    public void setSupported(String supported) {
        this.supported = supported;
    }

    public List<DomainCapsEnum> getEnums() {
        if (enums == null) {
            enums = new ArrayList<>();
        }
        return enums;
    }

    public DomainCapsLoader getLoader() {
        return loader;
    }

    public void setLoader(DomainCapsLoader loader) {
        this.loader = loader;
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
