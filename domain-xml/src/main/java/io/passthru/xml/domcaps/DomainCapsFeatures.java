package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;

import java.util.Optional;

/**
 * {@code <features>} of domain capabilities ({@code <gic supported='no'/>}, {@code <sev>}, ...), kept by
 * the catch-all (formatdomaincaps.html#features).
 */
@XmlType(propOrder = {"extra"})
public class DomainCapsFeatures extends XmlCatchAll {

    public DomainCapsFeatures() {
    }

    /** The {@code supported} attribute of feature {@code name} ({@code yes} → true), empty if not listed. */
    public Optional<Boolean> supported(String name) {
        return findExtra(name).map(e -> "yes".equals(e.getAttribute("supported")));
    }
}
