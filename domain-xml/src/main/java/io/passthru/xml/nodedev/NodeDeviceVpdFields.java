package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <fields access='readonly|readwrite'>} of PCI Vital Product Data (formatnode.html).
 */
@XmlType(propOrder = {"changeLevel", "manufactureId", "partNumber", "serialNumber", "assetTag", "vendorFields", "systemFields", "extra"})
public class NodeDeviceVpdFields extends XmlCatchAll {
    @XmlAttribute(name = "access")
    private String access;
    @XmlElement(name = "change_level")
    private String changeLevel;
    @XmlElement(name = "manufacture_id")
    private String manufactureId;
    @XmlElement(name = "part_number")
    private String partNumber;
    @XmlElement(name = "serial_number")
    private String serialNumber;
    @XmlElement(name = "asset_tag")
    private String assetTag;
    @XmlElement(name = "vendor_field")
    private List<NodeDeviceVpdField> vendorFields;
    @XmlElement(name = "system_field")
    private List<NodeDeviceVpdField> systemFields;

    public NodeDeviceVpdFields() {
    }

    /** Raw {@code access} attribute, {@code null} if absent. */
    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = access;
    }

    /** {@code <change_level>}, {@code null} if absent. */
    public String getChangeLevel() {
        return changeLevel;
    }

    public void setChangeLevel(String changeLevel) {
        this.changeLevel = changeLevel;
    }

    /** {@code <manufacture_id>}, {@code null} if absent. */
    public String getManufactureId() {
        return manufactureId;
    }

    public void setManufactureId(String manufactureId) {
        this.manufactureId = manufactureId;
    }

    /** {@code <part_number>}, {@code null} if absent. */
    public String getPartNumber() {
        return partNumber;
    }

    public void setPartNumber(String partNumber) {
        this.partNumber = partNumber;
    }

    /** {@code <serial_number>}, {@code null} if absent. */
    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    /** {@code <asset_tag>}, {@code null} if absent. */
    public String getAssetTag() {
        return assetTag;
    }

    public void setAssetTag(String assetTag) {
        this.assetTag = assetTag;
    }

    /** The {@code <vendor_field>} children in document order; live, never {@code null}. */
    public List<NodeDeviceVpdField> getVendorFields() {
        if (vendorFields == null) {
            vendorFields = new ArrayList<>();
        }
        return vendorFields;
    }

    /** The {@code <system_field>} children in document order; live, never {@code null}. */
    public List<NodeDeviceVpdField> getSystemFields() {
        if (systemFields == null) {
            systemFields = new ArrayList<>();
        }
        return systemFields;
    }
}
