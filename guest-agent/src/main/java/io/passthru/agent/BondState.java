package io.passthru.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State of a bonding master in the guest, from {@code ip -j -d link show} (attribute names as in kernel
 * {@code Documentation/networking/bonding.rst}).
 *
 * @param name            bond name, e.g. {@code "bond0"}
 * @param mode            bonding mode, e.g. {@code "active-backup"}
 * @param activeSlave     the current active slave ({@code active_slave}), {@code null} if none
 * @param slaves          names of the links whose master is this bond, in ip's (ifindex) order; unmodifiable
 * @param slaveMiiStatus  slave name to its MII status ({@code "UP"}, {@code "GOING_DOWN"}, {@code "DOWN"},
 *                        {@code "GOING_BACK"}); unmodifiable, iteration in slave order
 */
public record BondState(String name, String mode, String activeSlave, List<String> slaves,
                        Map<String, String> slaveMiiStatus) {
    public BondState {
        slaves = List.copyOf(slaves);
        slaveMiiStatus = Collections.unmodifiableMap(new LinkedHashMap<>(slaveMiiStatus));
    }

    /** {@code true} if {@code iface} is a slave of this bond. */
    public boolean hasSlave(String iface) {
        return slaves.contains(iface);
    }
}
