package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <vlan trunk='yes'><tag id='42'/></vlan>}; for a hostdev interface libvirt programs the VF's VLAN
 * on the PF (formatdomain.html#setting-vlan-tag-on-supported-network-types-only).
 */
@XmlType(propOrder = {"tags", "extra"})
public class DomainInterfaceVlan extends XmlCatchAll {
    @XmlAttribute(name = "trunk")
    private String trunk;
    @XmlElement(name = "tag")
    private List<DomainInterfaceVlanTag> tags;

    public DomainInterfaceVlan() {
    }

    /** {@code 'yes'} or absent. */
    public String getTrunk() {
        return trunk;
    }

    public void setTrunk(String trunk) {
        this.trunk = trunk;
    }

    /** Tags in document order. */
    public List<DomainInterfaceVlanTag> getTags() {
        if (tags == null) {
            tags = new ArrayList<>();
        }
        return tags;
    }
}
