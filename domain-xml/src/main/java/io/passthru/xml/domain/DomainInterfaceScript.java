package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <script path='/etc/qemu-ifup'/>} or {@code <downscript ..>} (formatdomain.html#generic-ethernet-connection).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceScript extends XmlCatchAll {
    @XmlAttribute(name = "path")
    private String path;

    public DomainInterfaceScript() {
    }

    /** Raw {@code path} attribute, {@code null} if absent. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
