package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * A device or OS block of domain capabilities, e.g. {@code <hostdev supported='yes'>} with
 * {@code <enum name='mode'|'startupPolicy'|'subsysType'|'capsType'|'pciBackend'>} (formatdomaincaps.html#hostdev-assignment)
 * or {@code <iommu supported='yes'><enum name='model'>} (formatdomaincaps.html#devices).
 */
@XmlType(propOrder = {"enums", "extra"})
public class DomainCapsDevice extends XmlCatchAll {
    @XmlAttribute(name = "supported")
    private String supported;
    @XmlElement(name = "enum")
    private List<DomainCapsEnum> enums;

    public DomainCapsDevice() {
    }

    /** {@code 'yes'|'no'}. */
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
