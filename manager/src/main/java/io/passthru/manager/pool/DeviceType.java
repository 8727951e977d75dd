package io.passthru.manager.pool;

import io.passthru.manager.error.PoolConfigException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Nova's PCI {@code device_type} of an alias (Nova doc "PCI passthrough", config reference {@code [pci] alias}):
 * {@code type-PCI} a device without SR-IOV, {@code type-PF} an SR-IOV physical function, {@code type-VF} an SR-IOV
 * virtual function.
 */
public enum DeviceType {
    PCI("type-PCI"), PF("type-PF"), VF("type-VF");

    private final String novaName;

    DeviceType(String novaName) {
        this.novaName = novaName;
    }

    /** Nova's spelling, e.g. {@code type-VF}. */
    public String novaName() {
        return novaName;
    }

    /**
     * Parses Nova's spelling ({@code type-PCI}, {@code type-PF}, {@code type-VF}; case-sensitive as in Nova).
     *
     * @throws PoolConfigException naming the allowed values
     */
    public static DeviceType parse(String text, String where) {
        for (DeviceType t : values()) {
            if (t.novaName.equals(text)) {
                return t;
            }
        }
        throw new PoolConfigException(where + ": unknown device_type '" + text + "'; use one of "
                + Arrays.stream(values()).map(DeviceType::novaName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return novaName;
    }
}
