package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <mode name='host-passthrough|maximum|host-model|custom' supported='yes'>} (formatdomaincaps.html#cpu-configuration).
 */
@XmlType(propOrder = {"enums", "models", "vendor", "maxphysaddr", "features", "blockers", "extra"})
public class DomainCapsCpuMode extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "supported")
    private String supported;
    @XmlElement(name = "enum")
    private List<DomainCapsEnum> enums;
    @XmlElement(name = "model")
    private List<DomainCapsCpuModel> models;
    @XmlElement(name = "vendor")
    private String vendor;
    @XmlElement(name = "maxphysaddr")
    private DomainCapsCpuMaxphysaddr maxphysaddr;
    @XmlElement(name = "feature")
    private List<DomainCapsCpuFeature> features;
    @XmlElement(name = "blockers")
    private List<DomainCapsCpuBlockers> blockers;

    public DomainCapsCpuMode() {
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code supported} attribute, {@code null} if absent. */
    public String getSupported() {
        return supported;
    }

    public void setSupported(String supported) {
        this.supported = supported;
    }

    /** The {@code <enum>} children in document order; live, never {@code null}. */
    public List<DomainCapsEnum> getEnums() {
        if (enums == null) {
            enums = new ArrayList<>();
        }
        return enums;
    }

    /** The {@code <model>} children in document order; live, never {@code null}. */
    public List<DomainCapsCpuModel> getModels() {
        if (models == null) {
            models = new ArrayList<>();
        }
        return models;
    }

    /** {@code <vendor>}, {@code null} if absent. */
    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    /** {@code <maxphysaddr>}, {@code null} if absent. */
    public DomainCapsCpuMaxphysaddr getMaxphysaddr() {
        return maxphysaddr;
    }

    public void setMaxphysaddr(DomainCapsCpuMaxphysaddr maxphysaddr) {
        this.maxphysaddr = maxphysaddr;
    }

    /** The {@code <feature>} children in document order; live, never {@code null}. */
    public List<DomainCapsCpuFeature> getFeatures() {
        if (features == null) {
            features = new ArrayList<>();
        }
        return features;
    }

    /** The {@code <blockers>} children in document order; live, never {@code null}. */
    public List<DomainCapsCpuBlockers> getBlockers() {
        if (blockers == null) {
            blockers = new ArrayList<>();
        }
        return blockers;
    }
}
