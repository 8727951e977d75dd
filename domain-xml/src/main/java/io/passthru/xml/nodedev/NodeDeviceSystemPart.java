package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <hardware>} or {@code <firmware>} of a system capability: vendor, version, serial, uuid, release_date (formatnode.html).
 */
@XmlType(propOrder = {"vendor", "version", "serial", "uuid", "releaseDate", "extra"})
public class NodeDeviceSystemPart extends XmlCatchAll {
    @XmlElement(name = "vendor")
    private String vendor;
    @XmlElement(name = "version")
    private String version;
    @XmlElement(name = "serial")
    private String serial;
    @XmlElement(name = "uuid")
    private String uuid;
    @XmlElement(name = "release_date")
    private String releaseDate;

    public NodeDeviceSystemPart() {
    }

    /** {@code <vendor>}, {@code null} if absent. */
    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    /** {@code <version>}, {@code null} if absent. */
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    /** {@code <serial>}, {@code null} if absent. */
    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    /** {@code <uuid>}, {@code null} if absent. */
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    /** {@code <release_date>}, {@code null} if absent. */
    public String getReleaseDate() {
        return releaseDate;
    }

    public void setReleaseDate(String releaseDate) {
        this.releaseDate = releaseDate;
    }
}
