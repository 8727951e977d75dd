package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <emulator>/usr/bin/qemu-system-x86_64</emulator>} device (formatdomain.html#devices).
 */
@XmlRootElement(name = "emulator")
public class DomainEmulator extends XmlAttributeCatchAll {
    @XmlValue
    private String path;

    public DomainEmulator() {
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
