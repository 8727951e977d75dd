package io.passthru.manager.pool;

import io.passthru.manager.error.PoolConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * PCI NUMA affinity policy of an alias ({@code numa_policy}) or flavor ({@code hw:pci_numa_affinity_policy}),
 * from Nova's doc "PCI passthrough" / "CPU topologies": how a device's host NUMA node must relate to the guest's.
 * {@link Allocator} applies it.
 */
public enum NumaPolicy {
    /** The device's NUMA node must be one of the guest's; devices without NUMA information are not usable. */
    REQUIRED,
    /** Default. The device's NUMA node must be one of the guest's if the device reports one; else it is usable. */
    LEGACY,
    /** Devices on the guest's NUMA nodes first, any other device as fallback. */
    PREFERRED,
    /** The device must be on the same host socket as one of the guest's NUMA nodes; needs the host's socket map. */
    SOCKET;

    /** Nova's spelling, e.g. {@code legacy}. */
    public String novaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code required|legacy|preferred|socket} (lower case, as in Nova).
     *
     * @throws PoolConfigException naming the allowed values
     */
    public static NumaPolicy parse(String text, String where) {
        for (NumaPolicy p : values()) {
            if (p.novaName().equals(text)) {
                return p;
            }
        }
        throw new PoolConfigException(where + ": unknown numa_policy '" + text + "'; use one of "
                + Arrays.stream(values()).map(NumaPolicy::novaName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return novaName();
    }
}
