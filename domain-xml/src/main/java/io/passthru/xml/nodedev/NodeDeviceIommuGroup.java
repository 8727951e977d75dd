package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <iommuGroup number='31'>} with an {@code <address>} per member device: all of them must be
 * given to the same guest or left to the host (formatnode.html#pci, vfio docs).
 */
@XmlType(propOrder = {"addresses", "extra"})
public class NodeDeviceIommuGroup extends XmlCatchAll {
    @XmlAttribute(name = "number")
    private String number;
    @XmlElement(name = "address")
    private List<NodeDeviceAddress> addresses;

    public NodeDeviceIommuGroup() {
    }

    /** Raw group number. */
    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public List<NodeDeviceAddress> getAddresses() {
        if (addresses == null) {
            addresses = new ArrayList<>();
        }
        return addresses;
    }
}
