package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <iotune>} of a disk: I/O throttling (formatdomain.html#hard-drives-floppy-disks-cdroms). Values are kept as text.
 */
@XmlType(propOrder = {"totalBytesSec", "readBytesSec", "writeBytesSec", "totalIopsSec", "readIopsSec", "writeIopsSec", "totalBytesSecMax", "readBytesSecMax", "writeBytesSecMax", "totalIopsSecMax", "readIopsSecMax", "writeIopsSecMax", "sizeIopsSec", "groupName", "totalBytesSecMaxLength", "readBytesSecMaxLength", "writeBytesSecMaxLength", "totalIopsSecMaxLength", "readIopsSecMaxLength", "writeIopsSecMaxLength", "extra"})
public class DomainDiskIotune extends XmlCatchAll {
    @XmlElement(name = "total_bytes_sec")
    private String totalBytesSec;
    @XmlElement(name = "read_bytes_sec")
    private String readBytesSec;
    @XmlElement(name = "write_bytes_sec")
    private String writeBytesSec;
    @XmlElement(name = "total_iops_sec")
    private String totalIopsSec;
    @XmlElement(name = "read_iops_sec")
    private String readIopsSec;
    @XmlElement(name = "write_iops_sec")
    private String writeIopsSec;
    @XmlElement(name = "total_bytes_sec_max")
    private String totalBytesSecMax;
    @XmlElement(name = "read_bytes_sec_max")
    private String readBytesSecMax;
    @XmlElement(name = "write_bytes_sec_max")
    private String writeBytesSecMax;
    @XmlElement(name = "total_iops_sec_max")
    private String totalIopsSecMax;
    @XmlElement(name = "read_iops_sec_max")
    private String readIopsSecMax;
    @XmlElement(name = "write_iops_sec_max")
    private String writeIopsSecMax;
    @XmlElement(name = "size_iops_sec")
    private String sizeIopsSec;
    @XmlElement(name = "group_name")
    private String groupName;
    @XmlElement(name = "total_bytes_sec_max_length")
    private String totalBytesSecMaxLength;
    @XmlElement(name = "read_bytes_sec_max_length")
    private String readBytesSecMaxLength;
    @XmlElement(name = "write_bytes_sec_max_length")
    private String writeBytesSecMaxLength;
    @XmlElement(name = "total_iops_sec_max_length")
    private String totalIopsSecMaxLength;
    @XmlElement(name = "read_iops_sec_max_length")
    private String readIopsSecMaxLength;
    @XmlElement(name = "write_iops_sec_max_length")
    private String writeIopsSecMaxLength;

    public DomainDiskIotune() {
    }

    public String getTotalBytesSec() {
        return totalBytesSec;
    }

    public void setTotalBytesSec(String totalBytesSec) {
        this.totalBytesSec = totalBytesSec;
    }

    public String getReadBytesSec() {
        return readBytesSec;
    }

    public void setReadBytesSec(String readBytesSec) {
        this.readBytesSec = readBytesSec;
    }

    public String getWriteBytesSec() {
        return writeBytesSec;
    }

    public void setWriteBytesSec(String writeBytesSec) {
        this.writeBytesSec = writeBytesSec;
    }

    public String getTotalIopsSec() {
        return totalIopsSec;
    }

    public void setTotalIopsSec(String totalIopsSec) {
        this.totalIopsSec = totalIopsSec;
    }

    public String getReadIopsSec() {
        return readIopsSec;
    }

    public void setReadIopsSec(String readIopsSec) {
        this.readIopsSec = readIopsSec;
    }

    public String getWriteIopsSec() {
        return writeIopsSec;
    }

    public void setWriteIopsSec(String writeIopsSec) {
        this.writeIopsSec = writeIopsSec;
    }

    public String getTotalBytesSecMax() {
        return totalBytesSecMax;
    }

    public void setTotalBytesSecMax(String totalBytesSecMax) {
        this.totalBytesSecMax = totalBytesSecMax;
    }

    public String getReadBytesSecMax() {
        return readBytesSecMax;
    }

    public void setReadBytesSecMax(String readBytesSecMax) {
        this.readBytesSecMax = readBytesSecMax;
    }

    public String getWriteBytesSecMax() {
        return writeBytesSecMax;
    }

    public void setWriteBytesSecMax(String writeBytesSecMax) {
        this.writeBytesSecMax = writeBytesSecMax;
    }

    public String getTotalIopsSecMax() {
        return totalIopsSecMax;
    }

    public void setTotalIopsSecMax(String totalIopsSecMax) {
        this.totalIopsSecMax = totalIopsSecMax;
    }

    public String getReadIopsSecMax() {
        return readIopsSecMax;
    }

    public void setReadIopsSecMax(String readIopsSecMax) {
        this.readIopsSecMax = readIopsSecMax;
    }

    public String getWriteIopsSecMax() {
        return writeIopsSecMax;
    }

    public void setWriteIopsSecMax(String writeIopsSecMax) {
        this.writeIopsSecMax = writeIopsSecMax;
    }

    public String getSizeIopsSec() {
        return sizeIopsSec;
    }

    public void setSizeIopsSec(String sizeIopsSec) {
        this.sizeIopsSec = sizeIopsSec;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getTotalBytesSecMaxLength() {
        return totalBytesSecMaxLength;
    }

    public void setTotalBytesSecMaxLength(String totalBytesSecMaxLength) {
        this.totalBytesSecMaxLength = totalBytesSecMaxLength;
    }

    public String getReadBytesSecMaxLength() {
        return readBytesSecMaxLength;
    }

    public void setReadBytesSecMaxLength(String readBytesSecMaxLength) {
        this.readBytesSecMaxLength = readBytesSecMaxLength;
    }

    public String getWriteBytesSecMaxLength() {
        return writeBytesSecMaxLength;
    }

    public void setWriteBytesSecMaxLength(String writeBytesSecMaxLength) {
        this.writeBytesSecMaxLength = writeBytesSecMaxLength;
    }

    public String getTotalIopsSecMaxLength() {
        return totalIopsSecMaxLength;
    }

    public void setTotalIopsSecMaxLength(String totalIopsSecMaxLength) {
        this.totalIopsSecMaxLength = totalIopsSecMaxLength;
    }

    public String getReadIopsSecMaxLength() {
        return readIopsSecMaxLength;
    }

    public void setReadIopsSecMaxLength(String readIopsSecMaxLength) {
        this.readIopsSecMaxLength = readIopsSecMaxLength;
    }

    public String getWriteIopsSecMaxLength() {
        return writeIopsSecMaxLength;
    }

    public void setWriteIopsSecMaxLength(String writeIopsSecMaxLength) {
        this.writeIopsSecMaxLength = writeIopsSecMaxLength;
    }
}
