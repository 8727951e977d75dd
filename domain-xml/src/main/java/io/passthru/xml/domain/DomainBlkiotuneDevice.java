package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <device><path>/dev/sda</path><weight>1000</weight>...</device>} of blkiotune (formatdomain.html#block-i-o-tuning).
 */
@XmlType(propOrder = {"path", "weight", "readIopsSec", "writeIopsSec", "readBytesSec", "writeBytesSec", "extra"})
public class DomainBlkiotuneDevice extends XmlCatchAll {
    @XmlElement(name = "path")
    private String path;
    @XmlElement(name = "weight")
    private String weight;
    @XmlElement(name = "read_iops_sec")
    private String readIopsSec;
    @XmlElement(name = "write_iops_sec")
    private String writeIopsSec;
    @XmlElement(name = "read_bytes_sec")
    private String readBytesSec;
    @XmlElement(name = "write_bytes_sec")
    private String writeBytesSec;

    public DomainBlkiotuneDevice() {
    }

    /** {@code <path>}, {@code null} if absent. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** {@code <weight>}, {@code null} if absent. */
    public String getWeight() {
        return weight;
    }

    public void setWeight(String weight) {
        this.weight = weight;
    }

    /** {@code <read_iops_sec>}, {@code null} if absent. */
    public String getReadIopsSec() {
        return readIopsSec;
    }

    public void setReadIopsSec(String readIopsSec) {
        this.readIopsSec = readIopsSec;
    }

    /** {@code <write_iops_sec>}, {@code null} if absent. */
    public String getWriteIopsSec() {
        return writeIopsSec;
    }

    public void setWriteIopsSec(String writeIopsSec) {
        this.writeIopsSec = writeIopsSec;
    }

    /** {@code <read_bytes_sec>}, {@code null} if absent. */
    public String getReadBytesSec() {
        return readBytesSec;
    }

    public void setReadBytesSec(String readBytesSec) {
        this.readBytesSec = readBytesSec;
    }

    /** {@code <write_bytes_sec>}, {@code null} if absent. */
    public String getWriteBytesSec() {
        return writeBytesSec;
    }

    public void setWriteBytesSec(String writeBytesSec) {
        this.writeBytesSec = writeBytesSec;
    }
}
