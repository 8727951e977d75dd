package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <rx>} of coalesce (formatdomain.html#coalesce-settings).
 */
@XmlType(propOrder = {"frames", "extra"})
public class DomainInterfaceCoalesceRx extends XmlCatchAll {
    @XmlElement(name = "frames")
    private DomainInterfaceCoalesceRxFrames frames;

    public DomainInterfaceCoalesceRx() {
    }

    /** {@code <frames>}, {@code null} if absent. */
    public DomainInterfaceCoalesceRxFrames getFrames() {
        return frames;
    }

    public void setFrames(DomainInterfaceCoalesceRxFrames frames) {
        this.frames = frames;
    }
}
