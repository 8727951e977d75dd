package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <loader readonly='yes' type='pflash' secure='no'>/usr/share/OVMF/OVMF_CODE.fd</loader>}
 * (formatdomain.html#bios-bootloader).
 */
public class DomainOsLoader extends XmlAttributeCatchAll {
    @XmlAttribute(name = "readonly")
    private String readonly;
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "secure")
    private String secure;
    @XmlValue
    private String path;

    @XmlAttribute(name = "format")
    private String format;
    @XmlAttribute(name = "stateless")
    private String stateless;

    public DomainOsLoader() {
    }

    public String getReadonly() {
        return readonly;
    }

    public void setReadonly(String readonly) {
        this.readonly = readonly;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSecure() {
        return secure;
    }

    public void setSecure(String secure) {
        this.secure = secure;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** Raw {@code format} attribute, {@code null} if absent. */
    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    /** Raw {@code stateless} attribute, {@code null} if absent. */
    public String getStateless() {
        return stateless;
    }

    public void setStateless(String stateless) {
        this.stateless = stateless;
    }
}
