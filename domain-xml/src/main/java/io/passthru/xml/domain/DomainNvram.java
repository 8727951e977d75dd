package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <nvram>} device of pSeries guests (formatdomain.html#nvram-device).
 */
@XmlRootElement(name = "nvram")
@XmlType(propOrder = {"alias", "address", "extra"})
public class DomainNvram extends DomainDeviceBase {

    public DomainNvram() {
    }
}
