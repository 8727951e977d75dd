package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <blockio logical_block_size='512' physical_block_size='4096' discard_granularity='..'/>} of a disk.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskBlockIo extends XmlCatchAll {
    @XmlAttribute(name = "logical_block_size")
    private String logicalBlockSizeRaw;
    @XmlAttribute(name = "physical_block_size")
    private String physicalBlockSizeRaw;
    @XmlAttribute(name = "discard_granularity")
    private String discardGranularityRaw;

    public DomainDiskBlockIo() {
    }

    /** Raw {@code logical_block_size} attribute text, decimal number. */
    public String getLogicalBlockSizeRaw() {
        return logicalBlockSizeRaw;
    }

    public void setLogicalBlockSizeRaw(String logicalBlockSizeRaw) {
        this.logicalBlockSizeRaw = logicalBlockSizeRaw;
    }

    /** {@code logical_block_size} attribute as Long, {@code null} if absent. */
    public Long getLogicalBlockSize() {
        return XmlValues.decimalLong(logicalBlockSizeRaw, "logical_block_size");
    }

    public void setLogicalBlockSize(Long logicalBlockSize) {
        this.logicalBlockSizeRaw = XmlValues.decimal(logicalBlockSize);
    }

    /** Raw {@code physical_block_size} attribute text, decimal number. */
    public String getPhysicalBlockSizeRaw() {
        return physicalBlockSizeRaw;
    }

    public void setPhysicalBlockSizeRaw(String physicalBlockSizeRaw) {
        this.physicalBlockSizeRaw = physicalBlockSizeRaw;
    }

    /** {@code physical_block_size} attribute as Long, {@code null} if absent. */
    public Long getPhysicalBlockSize() {
        return XmlValues.decimalLong(physicalBlockSizeRaw, "physical_block_size");
    }

    public void setPhysicalBlockSize(Long physicalBlockSize) {
        this.physicalBlockSizeRaw = XmlValues.decimal(physicalBlockSize);
    }

    /** Raw {@code discard_granularity} attribute text, decimal number. */
    public String getDiscardGranularityRaw() {
        return discardGranularityRaw;
    }

    public void setDiscardGranularityRaw(String discardGranularityRaw) {
        this.discardGranularityRaw = discardGranularityRaw;
    }

    /** {@code discard_granularity} attribute as Long, {@code null} if absent. */
    public Long getDiscardGranularity() {
        return XmlValues.decimalLong(discardGranularityRaw, "discard_granularity");
    }

    public void setDiscardGranularity(Long discardGranularity) {
        this.discardGranularityRaw = XmlValues.decimal(discardGranularity);
    }
}
