package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target><size unit='KiB'>524288</size><node>0</node></target>} of a memory device: size and guest
 * NUMA node (formatdomain.html#memory-devices).
 */
@XmlType(propOrder = {"size", "nodeRaw", "label", "block", "requested", "current", "readOnly", "address", "extra"})
public class DomainMemorydevTarget extends XmlCatchAll {
    @XmlAttribute(name = "dynamicMemslots")
    private String dynamicMemslotsRaw;
    @XmlElement(name = "size")
    private DomainMemory size;
    @XmlElement(name = "node")
    private String nodeRaw;
    @XmlElement(name = "label")
    private DomainMemorydevTargetLabel label;
    @XmlElement(name = "block")
    private DomainMemory block;
    @XmlElement(name = "requested")
    private DomainMemory requested;
    @XmlElement(name = "current")
    private DomainMemory current;
    @XmlElement(name = "readonly")
    private DomainMemorydevTargetReadOnly readOnly;
    @XmlElement(name = "address")
    private DomainMemorydevTargetAddress address;

    public DomainMemorydevTarget() {
    }

    /** Raw {@code dynamicMemslots} attribute text, {@code 'yes'|'no'}. */
    public String getDynamicMemslotsRaw() {
        return dynamicMemslotsRaw;
    }

    public void setDynamicMemslotsRaw(String dynamicMemslotsRaw) {
        this.dynamicMemslotsRaw = dynamicMemslotsRaw;
    }

    /** {@code dynamicMemslots} attribute as Boolean, {@code null} if absent. */
    public Boolean getDynamicMemslots() {
        return XmlValues.yesNo(dynamicMemslotsRaw, "dynamicMemslots");
    }

    public void setDynamicMemslots(Boolean dynamicMemslots) {
        this.dynamicMemslotsRaw = XmlValues.yesNo(dynamicMemslots);
    }

    public DomainMemory getSize() {
        return size;
    }

    public void setSize(DomainMemory size) {
        this.size = size;
    }

    /** Raw {@code <node>} text text, number (decimal or 0x hex). Guest NUMA node. */
    public String getNodeRaw() {
        return nodeRaw;
    }

    public void setNodeRaw(String nodeRaw) {
        this.nodeRaw = nodeRaw;
    }

    /** {@code <node>} text as Integer, {@code null} if absent. */
    public Integer getNode() {
        return XmlValues.integer(nodeRaw, "node");
    }

    public void setNode(Integer node) {
        this.nodeRaw = XmlValues.decimal(node);
    }

    public DomainMemorydevTargetLabel getLabel() {
        return label;
    }

    public void setLabel(DomainMemorydevTargetLabel label) {
        this.label = label;
    }

    public DomainMemory getBlock() {
        return block;
    }

    public void setBlock(DomainMemory block) {
        this.block = block;
    }

    public DomainMemory getRequested() {
        return requested;
    }

    public void setRequested(DomainMemory requested) {
        this.requested = requested;
    }

    public DomainMemory getCurrent() {
        return current;
    }

    public void setCurrent(DomainMemory current) {
        this.current = current;
    }

    public DomainMemorydevTargetReadOnly getReadOnly() {
        return readOnly;
    }

    public void setReadOnly(DomainMemorydevTargetReadOnly readOnly) {
        this.readOnly = readOnly;
    }

    public DomainMemorydevTargetAddress getAddress() {
        return address;
    }

    public void setAddress(DomainMemorydevTargetAddress address) {
        this.address = address;
    }
}
