package io.passthru.manager.pool;

import io.passthru.xml.PciAddress;

import java.util.Objects;
import java.util.Optional;

/**
 * A host device an alias may get: allowed by {@link #spec()} (the first {@code device_spec} entry matching it, as in
 * Nova), with that entry's tags.
 *
 * @param address    the device
 * @param type       {@link DeviceType#VF}, {@link DeviceType#PF} or {@link DeviceType#PCI}
 * @param pf         for a VF its PF; for a PF or a plain PCI device its own address (so "same PF" is {@code pf().equals(..)})
 * @param vendorId   as reported by libvirt, e.g. {@code 0x8086}
 * @param productId  as reported by libvirt, e.g. {@code 0x10ca}
 * @param driver     host driver bound now, or null
 * @param numaNode   host NUMA node, or null when the device reports none
 * @param iommuGroup IOMMU group number, or null
 * @param usedBy     domain holding the device (for a PF: a domain holding one of its VFs), or null
 * @param free       no domain holds it and no host driver other than vfio-pci is bound (for a PF: none of its VFs
 *                   is used or host-bound)
 * @param spec       the allowing {@code device_spec} entry
 */
public record Candidate(PciAddress address, DeviceType type, PciAddress pf, String vendorId, String productId,
                        String driver, Integer numaNode, Integer iommuGroup, String usedBy, boolean free,
                        DeviceSpec spec) {
    public Candidate {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pf, "pf");
        Objects.requireNonNull(spec, "spec");
        if (numaNode != null && numaNode < 0) {
            numaNode = null; // sysfs numa_node -1: no affinity information
        }
    }

    /** {@code physical_network} of the allowing entry. */
    public Optional<String> physicalNetwork() {
        return spec.physicalNetwork();
    }

    /** {@code trusted} of the allowing entry; false when not set. */
    public boolean trusted() {
        return spec.trusted().orElse(false);
    }

    /** {@code vlan} of the allowing entry: the VLAN id libvirt gives the VF; null when not set. */
    public Integer vlan() {
        return spec.vlan().orElse(null);
    }
}
