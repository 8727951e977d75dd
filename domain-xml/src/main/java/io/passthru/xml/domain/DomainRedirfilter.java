package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <redirfilter>}: USB redirection filter rules (formatdomain.html#redirected-devices).
 */
@XmlRootElement(name = "redirfilter")
@XmlType(propOrder = {"usbdevs", "extra"})
public class DomainRedirfilter extends XmlCatchAll {
    @XmlElement(name = "usbdev")
    private List<DomainRedirfilterUsbdev> usbdevs;

    public DomainRedirfilter() {
    }

    /** The {@code <usbdev>} elements in document order; live, never {@code null}. */
    public List<DomainRedirfilterUsbdev> getUsbdevs() {
        if (usbdevs == null) {
            usbdevs = new ArrayList<>();
        }
        return usbdevs;
    }
}
