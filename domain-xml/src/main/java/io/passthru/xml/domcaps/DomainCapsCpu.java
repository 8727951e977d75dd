package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <cpu>} of domain capabilities: the supported CPU modes (formatdomaincaps.html#cpu-configuration).
 */
@XmlType(propOrder = {"modes", "extra"})
public class DomainCapsCpu extends XmlCatchAll {
    @XmlElement(name = "mode")
    private List<DomainCapsCpuMode> modes;

    public DomainCapsCpu() {
    }

    /** The mode with this {@code name}, e.g. {@code "host-passthrough"}. */
    public java.util.Optional<DomainCapsCpuMode> mode(String name) {
        return getModes().stream().filter(m -> name.equals(m.getName())).findFirst();
    }

    /** The {@code <mode>} children in document order; live, never {@code null}. */
    public List<DomainCapsCpuMode> getModes() {
        if (modes == null) {
            modes = new ArrayList<>();
        }
        return modes;
    }
}
